// An MCP server written for the official SDK 1.x over Streamable HTTP (stateful: one transport and
// one McpServer per session, found by Mcp-Session-Id). server.ours.ts is this file with only the
// import lines changed; sdk-port.int.test.ts checks that.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
// --- body: identical in both ports ---

function buildServer(): McpServer {
  const server = new McpServer({ name: 'greeter', version: '1.0.0' });
  server.registerTool(
    'greet',
    { title: 'Greet', description: 'Greets someone by name', inputSchema: { name: z.string() } },
    async ({ name }) => ({ content: [{ type: 'text', text: `Hello, ${name}!` }] }),
  );
  return server;
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function start(): Promise<{ url: string; close: () => Promise<void> }> {
  const transports: Record<string, StreamableHTTPServerTransport> = {};
  const http = createServer(async (req, res) => {
    const body = req.method === 'POST' ? await jsonBody(req) : undefined;
    const sessionId = req.headers['mcp-session-id'] as string | undefined;
    let transport = sessionId === undefined ? undefined : transports[sessionId];
    if (transport === undefined && (body as { method?: string } | undefined)?.method === 'initialize') {
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          transports[id] = created;
        },
      });
      await buildServer().connect(created);
      transport = created;
    }
    if (transport === undefined) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'No valid session ID' }, id: null }),
      );
      return;
    }
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    close: async () => {
      for (const transport of Object.values(transports)) await transport.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
