// mcpwire: the dual-era McpServer with the `echo` tool (zod input schema) behind our Streamable HTTP
// handler on node:http. One endpoint serves both eras: legacy sessions (initialize, Mcp-Session-Id) and
// stateless 2026-07-28 requests. Legacy POSTs are answered with JSON, as the SDK rows are; pass `sse` for
// our default SSE answers.
import { McpServer } from '@mcpwire/protocol-core';
import { listenStreamableHttp } from '@mcpwire/transport-http';
import { z } from 'zod';
import { announce } from './http-child.mjs';

const server = new McpServer({ name: 'mcpwire-bench', version: '1.0.0' });
server.registerTool(
  'echo',
  { description: 'Returns its text argument', inputSchema: z.object({ text: z.string() }) },
  ({ text }) => ({ content: [{ type: 'text', text }] }),
);
const listening = await listenStreamableHttp({
  server,
  port: 0,
  enableJsonResponse: !process.argv.includes('sse'),
  // Every bench session comes from 127.0.0.1: the per-address cap (100 by default) would evict the
  // idle ones the session-memory run opens by the thousand.
  maxSessionsPerPrincipal: 100_000,
});
announce(listening.url, { stats: () => ({ sessions: listening.handler.stats.sessions }) });
