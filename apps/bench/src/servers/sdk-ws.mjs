// The official SDK 1.x McpServer with the `echo` tool, one per connection, behind our WebSocket server
// (the SDKs ship no WebSocket server transport; the factory form hands each connection's transport to a
// new SDK server, as its Streamable HTTP examples do per session).
import { listenWebSocket } from '@mcpwire/transport-ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { announce } from './http-child.mjs';

function echoToolServer() {
  const server = new McpServer({ name: 'sdk-bench', version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'Returns its text argument', inputSchema: { text: z.string() } },
    ({ text }) => ({ content: [{ type: 'text', text }] }),
  );
  return server;
}

const listening = await listenWebSocket({
  server: (transport) => echoToolServer().connect(transport),
  port: 0,
});
announce(listening.url, { stats: () => ({ connections: listening.handler.stats.sessions }) });
