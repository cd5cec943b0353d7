// Interop with the official SDK 1.x: our transport under McpClient against the SDK's own stateful
// Streamable HTTP server (a real 2025-11-25 implementation, sessions and all), and the SDK's Client
// driving our transport.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpClient } from '@mcpwire/protocol-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createEraCache,
  createStreamableHttpClientTransport,
  type StreamableHttpClientTransport,
} from '../src/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? undefined : JSON.parse(text);
}

/** The SDK's stateful server: one transport per session, an `ask` tool that elicits on the POST stream. */
async function sdkServer(): Promise<{ url: string; deleted: string[] }> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const deleted: string[] = [];
  const http: Server = createServer(async (req, res) => {
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    const id = req.headers['mcp-session-id'];
    let transport = typeof id === 'string' ? sessions.get(id) : undefined;
    if (transport === undefined && (body as { method?: string } | undefined)?.method === 'initialize') {
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (sid) => void sessions.set(sid, created),
        onsessionclosed: (sid) => void deleted.push(sid),
      });
      const server = new McpServer({ name: 'sdk-server', version: '1.0.0' });
      server.registerTool('ask', { inputSchema: { question: z.string() } }, async ({ question }) => {
        const answer = await server.server.elicitInput({
          message: question,
          requestedSchema: { type: 'object', properties: { name: { type: 'string', default: 'Ada' } } },
        });
        return { content: [{ type: 'text', text: `${answer.action}:${JSON.stringify(answer.content)}` }] };
      });
      await server.connect(created);
      transport = created;
    }
    if (transport === undefined) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          jsonrpc: '2.0',
          id: null,
          error: { code: -32000, message: 'Bad Request: No valid session ID provided' },
        }),
      );
      return;
    }
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const transport of sessions.values()) await transport.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`, deleted };
}

function track(transport: StreamableHttpClientTransport): StreamableHttpClientTransport {
  cleanups.push(() => transport.close());
  return transport;
}

it('McpClient detects the SDK server as legacy, answers its elicitation, and deletes the session', async () => {
  const server = await sdkServer();
  const transport = track(
    createStreamableHttpClientTransport({ url: server.url, eraCache: createEraCache() }),
  );
  const client = new McpClient(
    { name: 'mcpwire', version: '1' },
    { handlers: { elicitation: () => ({ action: 'accept', content: {} }) } },
  );
  await client.connect(transport);
  expect(client.era).toBe('legacy');
  expect(client.serverInfo?.name).toBe('sdk-server');
  const sessionId = transport.sessionId;
  expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
  const result = await client.callTool({ name: 'ask', arguments: { question: 'name?' } });
  expect(result.content).toEqual([{ type: 'text', text: 'accept:{"name":"Ada"}' }]);
  await client.close();
  expect(server.deleted).toEqual([sessionId]);
});

it('the SDK Client drives our transport', async () => {
  const server = await sdkServer();
  const transport = track(
    createStreamableHttpClientTransport({ url: server.url, eraCache: createEraCache() }),
  );
  const client = new Client({ name: 'sdk-client', version: '1' }, { capabilities: { elicitation: {} } });
  client.setRequestHandler(ElicitRequestSchema, () => ({ action: 'accept', content: { name: 'Grace' } }));
  await client.connect(transport);
  expect(transport.sessionId).toBeDefined();
  expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['ask']);
  const result = await client.callTool({ name: 'ask', arguments: { question: 'name?' } });
  expect(result.content).toEqual([{ type: 'text', text: 'accept:{"name":"Grace"}' }]);
  await client.close();
});
