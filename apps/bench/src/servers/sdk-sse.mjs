// The official SDK 1.x over HTTP+SSE: its high-level McpServer with the `echo` tool behind
// SSEServerTransport on node:http, wired as the SDK's own SSE example does: a transport + McpServer per
// GET, found by the `sessionId` query parameter of each POST, which the transport reads itself.
import { createServer } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
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

/** Live sessions: session id → transport (each with its own McpServer). */
const transports = new Map();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/sse') {
    const transport = new SSEServerTransport('/messages', res);
    transports.set(transport.sessionId, transport);
    res.on('close', () => transports.delete(transport.sessionId));
    echoToolServer()
      .connect(transport)
      .catch(() => res.end());
    return;
  }
  if (req.method === 'POST' && url.pathname === '/messages') {
    const transport = transports.get(url.searchParams.get('sessionId') ?? '');
    if (transport === undefined) {
      res.writeHead(404).end('Session not found');
      return;
    }
    transport.handlePostMessage(req, res).catch(() => {});
    return;
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () =>
  announce(`http://127.0.0.1:${server.address().port}/sse`, { stats: () => ({ sessions: transports.size }) }),
);
