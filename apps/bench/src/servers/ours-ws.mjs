// mcpwire: the dual-era McpServer with the `echo` tool (zod input schema) behind our WebSocket server
// (listenWebSocket: Host/Origin checks, subprotocol `mcp`, heartbeat, backpressure). One McpServer serves
// every connection, each in the era its client opens with.
import { McpServer } from '@mcpwire/protocol-core';
import { listenWebSocket } from '@mcpwire/transport-ws';
import { z } from 'zod';
import { announce } from './http-child.mjs';

const server = new McpServer({ name: 'mcpwire-bench', version: '1.0.0' });
server.registerTool(
  'echo',
  { description: 'Returns its text argument', inputSchema: z.object({ text: z.string() }) },
  ({ text }) => ({ content: [{ type: 'text', text }] }),
);
const listening = await listenWebSocket({ server, port: 0 });
announce(listening.url, { stats: () => ({ connections: listening.handler.stats.sessions }) });
