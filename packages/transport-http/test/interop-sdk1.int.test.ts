// The official SDK 1.x (legacy era only) both ways, filling what client-sdk-interop and
// server-sdk-interop leave out: its Client over OUR client transport against OUR server, its Client's
// request handlers answering our server's elicitation, its stateless server under our McpClient, and
// its server's requests tied to a tool call (on the POST stream) answered by our McpClient.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpClient } from '@mcpwire/protocol-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  CreateMessageRequestSchema,
  CreateMessageResultSchema,
  ElicitRequestSchema,
  ElicitResultSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  createEraCache,
  createStreamableHttpClientTransport,
  listenStreamableHttp,
  type StreamableHttpClientTransport,
  type StreamableHttpListener,
} from '../src/index.js';
import { testServer } from './server-support/http.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function ourTransport(url: string): StreamableHttpClientTransport {
  const transport = createStreamableHttpClientTransport({ url, eraCache: createEraCache() });
  cleanups.push(() => transport.close());
  return transport;
}

/** Our server with the shared test tools, plus one whose result is an error. */
async function ourServer(): Promise<StreamableHttpListener> {
  const server = testServer();
  server.registerTool('fail', { inputSchema: z.object({ reason: z.string() }) }, ({ reason }) => ({
    content: [{ type: 'text', text: `failed:${reason}` }],
    isError: true,
  }));
  const listener = await listenStreamableHttp({ server });
  cleanups.push(() => listener.close());
  return listener;
}

/** An SDK 1.x client that answers elicitation and sampling through its request handlers. */
function sdkClient(): Client {
  const client = new Client(
    { name: 'sdk-v1', version: '1.32.2' },
    { capabilities: { elicitation: {}, sampling: {} } },
  );
  client.setRequestHandler(ElicitRequestSchema, () => ({ action: 'accept', content: { name: 'SDK1' } }));
  client.setRequestHandler(CreateMessageRequestSchema, () => ({
    role: 'assistant',
    content: { type: 'text', text: 'from sdk1' },
    model: 'test',
  }));
  cleanups.push(() => client.close());
  return client;
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<string> {
  const http: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? undefined : JSON.parse(text);
}

/** The SDK 1.x tools both of its server modes serve. */
function sdkServer(): McpServer {
  const server = new McpServer({ name: 'sdk1-server', version: '1.32.2' });
  server.registerTool('echo', { inputSchema: { text: z.string() } }, ({ text }) => ({
    content: [{ type: 'text', text: `echo:${text}` }],
  }));
  server.registerTool('fail', { inputSchema: { reason: z.string() } }, ({ reason }) => ({
    content: [{ type: 'text', text: `failed:${reason}` }],
    isError: true,
  }));
  server.registerTool('progress', { inputSchema: { steps: z.number() } }, async ({ steps }, extra) => {
    const token = extra._meta?.progressToken;
    for (let step = 1; token !== undefined && step <= steps; step++) {
      await extra.sendNotification({
        method: 'notifications/progress',
        params: { progressToken: token, progress: step, total: steps },
      });
    }
    return { content: [{ type: 'text', text: `progressed:${steps}` }] };
  });
  // Server requests tied to the call (relatedRequestId): they travel on the call's POST stream.
  server.registerTool('consult', {}, async (extra) => {
    const sampled = await extra.sendRequest(
      {
        method: 'sampling/createMessage',
        params: { messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }], maxTokens: 5 },
      },
      CreateMessageResultSchema,
    );
    const elicited = await extra.sendRequest(
      {
        method: 'elicitation/create',
        params: { message: 'Proceed?', requestedSchema: { type: 'object', properties: {} } },
      },
      ElicitResultSchema,
    );
    const text = sampled.content.type === 'text' ? sampled.content.text : sampled.content.type;
    return { content: [{ type: 'text', text: `${text}|${elicited.action}` }] };
  });
  return server;
}

describe('SDK 1.x client against our server', () => {
  it('over our transport: a session, tools, an error result, our server requests answered, DELETE', async () => {
    const listener = await ourServer();
    const client = sdkClient();
    const transport = ourTransport(listener.url);
    await client.connect(transport);
    expect(client.getServerVersion()?.name).toBe('http-test');
    expect(transport.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(listener.handler.stats.sessions).toBe(1);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(['echo', 'ask', 'sample', 'fail']),
    );
    expect((await client.callTool({ name: 'echo', arguments: { text: 'v1' } })).content).toEqual([
      { type: 'text', text: 'v1' },
    ]);
    const failed = await client.callTool({ name: 'fail', arguments: { reason: 'boom' } });
    expect(failed.isError).toBe(true);
    expect(failed.content).toEqual([{ type: 'text', text: 'failed:boom' }]);
    expect((await client.callTool({ name: 'ask', arguments: {} })).content).toEqual([
      { type: 'text', text: 'hello SDK1' },
    ]);
    expect((await client.callTool({ name: 'sample', arguments: {} })).content).toEqual([
      { type: 'text', text: 'sampled from sdk1' },
    ]);
    await client.close();
    expect(listener.handler.stats.sessions).toBe(0);
  });

  // See interop-sdk2-client.int.test.ts: SDK 1.x's Protocol also runs notification handlers a
  // microtask late and drops progress that arrives after the response.
  it('over our transport: progress on the POST stream reaches its onprogress', async () => {
    const listener = await ourServer();
    const client = sdkClient();
    await client.connect(ourTransport(listener.url));
    const progress: number[] = [];
    const result = await client.callTool({ name: 'progress', arguments: { steps: 3 } }, undefined, {
      onprogress: (event) => progress.push(event.progress),
    });
    expect(result.content).toEqual([{ type: 'text', text: 'done 3' }]);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('over its own transport: its elicitation handler answers our server, and errors come through', async () => {
    const listener = await ourServer();
    const client = sdkClient();
    await client.connect(new StreamableHTTPClientTransport(new URL(listener.url)));
    expect((await client.callTool({ name: 'ask', arguments: {} })).content).toEqual([
      { type: 'text', text: 'hello SDK1' },
    ]);
    const failed = await client.callTool({ name: 'fail', arguments: { reason: 'own' } });
    expect(failed.isError).toBe(true);
    expect(failed.content).toEqual([{ type: 'text', text: 'failed:own' }]);
  });
});

describe('SDK 1.x server under our McpClient', () => {
  it('stateless (sessionIdGenerator undefined): detected as legacy, no session, tools and progress', async () => {
    const refused: string[] = [];
    const url = await listen(async (req, res) => {
      if (req.method !== 'POST') {
        refused.push(req.method ?? '');
        // The SDK's own stateless examples: no GET stream, no session to DELETE.
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const body = await readBody(req);
      // sessionIdGenerator left undefined: the SDK's stateless mode (its types refuse an explicit undefined).
      const transport = new StreamableHTTPServerTransport({});
      const server = sdkServer();
      res.on('close', () => void transport.close().then(() => server.close()));
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    });
    const transport = ourTransport(url);
    const client = new McpClient({ name: 'mcpwire', version: '1' });
    await client.connect(transport);
    expect(client.era).toBe('legacy');
    expect(client.serverInfo?.name).toBe('sdk1-server');
    expect(transport.sessionId).toBeUndefined();
    expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual([
      'consult',
      'echo',
      'fail',
      'progress',
    ]);
    expect((await client.callTool({ name: 'echo', arguments: { text: 'x' } })).content).toEqual([
      { type: 'text', text: 'echo:x' },
    ]);
    const failed = await client.callTool({ name: 'fail', arguments: { reason: 'boom' } });
    expect(failed.isError).toBe(true);
    const progress: number[] = [];
    const result = await client.callTool(
      { name: 'progress', arguments: { steps: 2 } },
      { onprogress: (event) => progress.push(event.progress) },
    );
    expect(result.content).toEqual([{ type: 'text', text: 'progressed:2' }]);
    expect(progress).toEqual([1, 2]);
    await client.close();
    // The GET stream was tried once and refused; with no session there was nothing to DELETE.
    expect(refused).toEqual(['GET']);
  });

  it('sessionful: its sampling and elicitation requests on the POST stream are answered by our handlers', async () => {
    const sessions = new Map<string, StreamableHTTPServerTransport>();
    const url = await listen(async (req, res) => {
      const body = req.method === 'POST' ? await readBody(req) : undefined;
      const id = req.headers['mcp-session-id'];
      let transport = typeof id === 'string' ? sessions.get(id) : undefined;
      if (transport === undefined) {
        if ((body as { method?: string } | undefined)?.method !== 'initialize') {
          const refusal = {
            jsonrpc: '2.0',
            id: null,
            error: { code: -32000, message: 'No valid session ID' },
          };
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify(refusal));
          return;
        }
        const created = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (sid) => void sessions.set(sid, created),
        });
        await sdkServer().connect(created);
        transport = created;
      }
      await transport.handleRequest(req, res, body);
    });
    cleanups.push(async () => {
      for (const transport of sessions.values()) await transport.close();
    });
    const seen: string[] = [];
    const client = new McpClient(
      { name: 'mcpwire', version: '1' },
      {
        handlers: {
          sampling: (params) => {
            seen.push(`sampling:${params.maxTokens}`);
            return { role: 'assistant', content: { type: 'text', text: 'from mcpwire' }, model: 'ours' };
          },
          elicitation: (params) => {
            seen.push(`elicitation:${params.message}`);
            return { action: 'decline' };
          },
        },
      },
    );
    const transport = ourTransport(url);
    await client.connect(transport);
    cleanups.push(() => client.close());
    expect(client.era).toBe('legacy');
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const result = await client.callTool({ name: 'consult', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'from mcpwire|decline' }]);
    expect(seen).toEqual(['sampling:5', 'elicitation:Proceed?']);
  });
});
