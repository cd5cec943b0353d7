// mcpwire: the dual-era McpServer with the `echo` tool (zod input schema) behind our HTTP+SSE handler
// (listenSse) on node:http, with its default security checks (Host, Origin, Content-Type, body limit) and
// a stream buffer cap raised for the 1 MiB rows.
import { McpServer } from '@mcpwire/protocol-core';
import { listenSse } from '@mcpwire/transport-sse';
import { z } from 'zod';
import { announce } from './http-child.mjs';

const server = new McpServer({ name: 'mcpwire-bench', version: '1.0.0' });
server.registerTool(
  'echo',
  { description: 'Returns its text argument', inputSchema: z.object({ text: z.string() }) },
  ({ text }) => ({ content: [{ type: 'text', text }] }),
);
// Every answer shares the session's one stream: 64 calls of a 1 MiB echo in flight hold up to 64 MiB of
// answers the client has not read yet, past the 1 MiB default cap for a client that stopped reading.
const listening = await listenSse({ server, port: 0, maxStreamBufferBytes: 256 * 1024 * 1024 });
announce(listening.url, { stats: () => ({ sessions: listening.handler.stats.sessions }) });
