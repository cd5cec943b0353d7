// Our McpClient over our Streamable HTTP client transport against the official SDK 2.x server, in
// every way it serves HTTP: `createMcpHandler` (2026-07-28 per request, plus its stateless legacy
// leg), the same entry modern-only, and the sessionful 2025-11-25 `WebStandardStreamableHTTPServerTransport`
// (alone, and routed next to a modern-only entry with `isLegacyRequest`: one dual endpoint).
import { randomUUID } from 'node:crypto';
import { McpClient, type McpClientOptions } from '@mcpwire/protocol-core';
import {
  createMcpHandler,
  isLegacyRequest,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createEraCache, createStreamableHttpClientTransport } from '../src/index.js';
import { sdk2Server } from './interop-support/sdk2-server.js';
import { type FetchHandler, type FetchServer, serveFetch } from './interop-support/web-bridge.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(handler: FetchHandler): Promise<FetchServer> {
  const server = await serveFetch(handler);
  cleanups.push(() => server.close());
  return server;
}

/** The SDK's sessionful legacy serving: one transport and server per `initialize`. */
function sessionfulLegacy(): { handler: FetchHandler; closed: string[] } {
  const sessions = new Map<string, WebStandardStreamableHTTPServerTransport>();
  const closed: string[] = [];
  cleanups.push(async () => {
    for (const transport of sessions.values()) await transport.close();
  });
  const handler: FetchHandler = async (request) => {
    const id = request.headers.get('mcp-session-id');
    const existing = id === null ? undefined : sessions.get(id);
    if (existing !== undefined) return existing.handleRequest(request);
    const body: unknown = request.method === 'POST' ? await request.json() : undefined;
    if ((body as { method?: unknown } | undefined)?.method !== 'initialize') {
      // What the SDK's own examples answer to a request without a known session.
      return Response.json(
        {
          jsonrpc: '2.0',
          id: null,
          error: { code: -32000, message: 'Bad Request: No valid session ID provided' },
        },
        { status: id === null ? 400 : 404 },
      );
    }
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => void sessions.set(sid, transport),
      onsessionclosed: (sid) => {
        sessions.delete(sid);
        closed.push(sid);
      },
    });
    await sdk2Server().connect(transport);
    return transport.handleRequest(request, { parsedBody: body });
  };
  return { handler, closed };
}

async function connect(url: string, options?: McpClientOptions): Promise<McpClient> {
  const transport = createStreamableHttpClientTransport({ url, eraCache: createEraCache() });
  cleanups.push(() => transport.close());
  const client = new McpClient({ name: 'mcpwire', version: '1' }, options);
  await client.connect(transport);
  cleanups.push(() => client.close());
  return client;
}

const answering: McpClientOptions = {
  handlers: { elicitation: () => ({ action: 'accept', content: { name: 'Ada' } }) },
};

/** What every era must do alike: list, call, and carry an error result. */
async function basics(client: McpClient): Promise<void> {
  const tools = await client.listTools();
  expect(tools.tools.map((tool) => tool.name).sort()).toEqual(['ask', 'echo', 'fail', 'progress']);
  const echoed = await client.callTool({ name: 'echo', arguments: { text: 'hi' } });
  expect(echoed.content).toEqual([{ type: 'text', text: 'echo:hi' }]);
  expect(echoed.isError).toBeFalsy();
  const failed = await client.callTool({ name: 'fail', arguments: { reason: 'boom' } });
  expect(failed.isError).toBe(true);
  expect(failed.content).toEqual([{ type: 'text', text: 'failed:boom' }]);
}

describe('SDK 2.x createMcpHandler (2026-07-28, stateless legacy leg)', () => {
  it('is detected as modern: tools, an error result, progress on an SSE answer, an input_required round', async () => {
    const handler = createMcpHandler(() => sdk2Server());
    cleanups.push(() => handler.close());
    const server = await serve(handler.fetch);
    const client = await connect(server.url, answering);
    expect(client.era).toBe('modern');
    expect(client.protocolVersion).toBe('2026-07-28');
    expect(client.serverInfo?.name).toBe('sdk2-server');
    await basics(client);
    const progress: number[] = [];
    const result = await client.callTool(
      { name: 'progress', arguments: { steps: 3 } },
      { onprogress: (event) => progress.push(event.progress) },
    );
    expect(result.content).toEqual([{ type: 'text', text: 'progressed:3:token' }]);
    expect(progress).toEqual([1, 2, 3]);
    // The SDK answers JSON until a handler notifies: then the answer is upgraded to SSE.
    expect(server.exchanges.some((exchange) => exchange.contentType === 'text/event-stream')).toBe(true);
    const asked = await client.callTool({ name: 'ask', arguments: {} });
    expect(asked.content).toEqual([{ type: 'text', text: 'modern:Ada' }]);
    // Stateless: no GET stream, no session, nothing to DELETE.
    expect(server.exchanges.every((exchange) => exchange.method === 'POST')).toBe(true);
  });

  it('serves a client pinned to the legacy era statelessly, without a session', async () => {
    const handler = createMcpHandler(() => sdk2Server());
    cleanups.push(() => handler.close());
    const server = await serve(handler.fetch);
    const transport = createStreamableHttpClientTransport({ url: server.url, eraCache: createEraCache() });
    cleanups.push(() => transport.close());
    const client = new McpClient({ name: 'mcpwire', version: '1' }, { era: 'legacy' });
    await client.connect(transport);
    cleanups.push(() => client.close());
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-11-25');
    expect(transport.sessionId).toBeUndefined();
    await basics(client);
    const progress: number[] = [];
    const result = await client.callTool(
      { name: 'progress', arguments: { steps: 2 } },
      { onprogress: (event) => progress.push(event.progress) },
    );
    expect(result.content).toEqual([{ type: 'text', text: 'progressed:2:token' }]);
    expect(progress).toEqual([1, 2]);
    await client.close();
    // The GET stream and the session DELETE are refused (405) and the client carries on without them.
    const refused = server.exchanges.filter((exchange) => exchange.method !== 'POST');
    expect(refused.map((exchange) => `${exchange.method} ${exchange.status}`)).toEqual(['GET 405']);
  });

  it('modern-only (legacy: reject) is detected as modern too', async () => {
    const handler = createMcpHandler(() => sdk2Server(), { legacy: 'reject' });
    cleanups.push(() => handler.close());
    const server = await serve(handler.fetch);
    const client = await connect(server.url, answering);
    expect(client.era).toBe('modern');
    await basics(client);
  });
});

describe('SDK 2.x WebStandardStreamableHTTPServerTransport (2025-11-25 sessions)', () => {
  it('is detected as legacy: tools, an error result, progress, an elicitation answered, DELETE on close', async () => {
    const legacy = sessionfulLegacy();
    const server = await serve(legacy.handler);
    const transport = createStreamableHttpClientTransport({ url: server.url, eraCache: createEraCache() });
    cleanups.push(() => transport.close());
    const client = new McpClient({ name: 'mcpwire', version: '1' }, answering);
    await client.connect(transport);
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-11-25');
    expect(client.serverInfo?.name).toBe('sdk2-server');
    const sessionId = transport.sessionId;
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    await basics(client);
    const progress: number[] = [];
    const result = await client.callTool(
      { name: 'progress', arguments: { steps: 3 } },
      { onprogress: (event) => progress.push(event.progress) },
    );
    expect(result.content).toEqual([{ type: 'text', text: 'progressed:3:token' }]);
    expect(progress).toEqual([1, 2, 3]);
    const asked = await client.callTool({ name: 'ask', arguments: {} });
    expect(asked.content).toEqual([{ type: 'text', text: 'legacy:accept:Ada' }]);
    await client.close();
    expect(legacy.closed).toEqual([sessionId]);
  });

  it('one dual endpoint (isLegacyRequest in front of a modern-only handler) serves each client its era', async () => {
    const modern = createMcpHandler(() => sdk2Server(), { legacy: 'reject' });
    cleanups.push(() => modern.close());
    const legacy = sessionfulLegacy();
    const server = await serve(async (request) =>
      (await isLegacyRequest(request)) ? legacy.handler(request) : modern.fetch(request),
    );
    const auto = await connect(server.url, answering);
    expect(auto.era).toBe('modern');
    expect((await auto.callTool({ name: 'ask', arguments: {} })).content).toEqual([
      { type: 'text', text: 'modern:Ada' },
    ]);
    const pinned = await connect(server.url, { era: 'legacy', ...answering });
    expect(pinned.era).toBe('legacy');
    expect((await pinned.callTool({ name: 'ask', arguments: {} })).content).toEqual([
      { type: 'text', text: 'legacy:accept:Ada' },
    ]);
  });
});
