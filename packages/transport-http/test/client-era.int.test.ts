// Era detection (2026-07-28 Streamable HTTP "Backward Compatibility"): a 4xx to the first modern
// request without a modern error means legacy, remembered per endpoint; an initialize refused with
// 400/404/405 switches to the injected HTTP+SSE fallback.
import {
  ErrorCode,
  type JSONRPCMessage,
  McpClient,
  type Transport,
  type TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEraCache,
  createStreamableHttpClientTransport,
  type EraCache,
  eraCacheKey,
} from '../src/index.js';
import { json, modernRequest, type Recorded, result, rpcError } from './client-support/fake-server.js';
import { Harness } from './client-support/harness.js';

const h = new Harness();
afterEach(() => h.dispose());

const discover = () => modernRequest(1, 'server/discover');

describe('the first modern request', () => {
  it('answers a 4xx without a modern error body with a -32600 error for that id, and remembers "legacy"', async () => {
    const cache = createEraCache();
    const { server, transport, recorder } = await h.open(
      (_req, res) => {
        res.writeHead(400);
        res.end();
      },
      { eraCache: cache },
    );
    await transport.send(discover());
    expect(recorder.messages).toEqual([
      {
        jsonrpc: '2.0',
        id: 1,
        error: {
          code: ErrorCode.InvalidRequest,
          message: expect.stringContaining('HTTP 400'),
          data: { httpStatus: 400 },
        },
      },
    ]);
    expect(cache.get(eraCacheKey(new URL(server.url)))).toBe('legacy');

    // The next connection to the endpoint gets its probe answered without a round trip.
    const next = await h.transport(server, { eraCache: cache });
    await next.transport.send(discover());
    expect(server.posts()).toHaveLength(1);
    expect(next.recorder.messages[0]).toMatchObject({ id: 1, error: { code: ErrorCode.InvalidRequest } });
  });

  it.each([
    [400, ErrorCode.UnsupportedProtocolVersion],
    [400, ErrorCode.HeaderMismatch],
    [400, ErrorCode.MissingRequiredClientCapability],
    [404, ErrorCode.MethodNotFound],
  ])('delivers a recognized modern error (HTTP %i, %i) as it is', async (status, code) => {
    const cache = createEraCache();
    const { transport, recorder } = await h.open(
      (req, res) => json(res, rpcError(req.body.id, code, 'modern', { supported: ['2026-07-28'] }), status),
      { eraCache: cache },
    );
    await transport.send(discover());
    expect(recorder.messages).toEqual([rpcError(1, code, 'modern', { supported: ['2026-07-28'] })]);
    expect(cache.get(eraCacheKey(new URL(transport.url)))).toBeUndefined();
  });

  it('treats a legacy server\'s own JSON-RPC error (400, -32000) as "legacy"', async () => {
    const { transport, recorder } = await h.open((_req, res) =>
      json(res, rpcError(null, -32000, 'Bad Request: No valid session ID provided'), 400),
    );
    await transport.send(discover());
    expect(recorder.messages[0]).toMatchObject({
      id: 1,
      error: { code: ErrorCode.InvalidRequest, data: { httpStatus: 400 } },
    });
  });

  it('does not take 401 for an era answer', async () => {
    const { transport, recorder } = await h.open((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer' });
      res.end();
    });
    const error = await transport.send(discover()).catch((e: unknown) => e);
    expect((error as TransportError).code).toBe(TransportErrorCode.HttpStatus);
    expect((error as TransportError).details.httpStatus).toBe(401);
    expect(recorder.messages).toEqual([]);
  });

  it('stops detecting once the server answered a modern request, and forgets a remembered "legacy"', async () => {
    const cache = createEraCache();
    let calls = 0;
    const { server, transport } = await h.open(
      (req, res) => {
        calls++;
        if (calls === 1) json(res, result(req, {}));
        else {
          res.writeHead(400);
          res.end();
        }
      },
      { eraCache: cache },
    );
    cache.set(eraCacheKey(new URL(server.url)), 'legacy');
    await transport.send(modernRequest(1, 'tools/list'));
    expect(cache.get(eraCacheKey(new URL(server.url)))).toBeUndefined();
    const error = await transport.send(modernRequest(2, 'tools/list')).catch((e: unknown) => e);
    expect((error as TransportError).code).toBe(TransportErrorCode.HttpStatus);
  });
});

/** A stand-in for the HTTP+SSE transport: records sends and answers initialize. */
class FakeFallback implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: ((message: JSONRPCMessage) => void) | undefined;
  sessionId = 'sse-session';
  readonly sent: JSONRPCMessage[] = [];
  started = 0;
  closed = 0;
  version: string | undefined;
  async start(): Promise<void> {
    this.started++;
  }
  async send(message: JSONRPCMessage): Promise<void> {
    this.sent.push(message);
    if ('method' in message && message.method === 'initialize' && 'id' in message) {
      queueMicrotask(() =>
        this.onmessage?.({
          jsonrpc: '2.0',
          id: message.id,
          result: {
            protocolVersion: '2024-11-05',
            capabilities: {},
            serverInfo: { name: 'old', version: '1' },
          },
        }),
      );
    }
  }
  async close(): Promise<void> {
    this.closed++;
    this.onclose?.();
  }
  setProtocolVersion(version: string): void {
    this.version = version;
  }
}

const initialize = {
  jsonrpc: '2.0' as const,
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
};

describe('the HTTP+SSE fallback', () => {
  async function openWithFallback(status: number, body?: unknown, cache: EraCache = createEraCache()) {
    const made: { url: URL; fallback: FakeFallback }[] = [];
    const opened = await h.open(
      (_req, res) => {
        if (body === undefined) {
          res.writeHead(status);
          res.end();
        } else json(res, body, status);
      },
      {
        eraCache: cache,
        fallback: (url) => {
          const fallback = new FakeFallback();
          made.push({ url, fallback });
          return fallback;
        },
      },
    );
    return { ...opened, made, cache };
  }

  it.each([400, 404, 405])('takes over when initialize gets %i without a modern error', async (status) => {
    const { server, transport, recorder, made, cache } = await openWithFallback(status);
    await transport.send(initialize);
    expect(made).toHaveLength(1);
    const fallback = made[0]!.fallback;
    expect(made[0]!.url.href).toBe(server.url);
    expect(fallback.started).toBe(1);
    expect(fallback.sent).toEqual([initialize]);
    await recorder.waitForMessages(1);
    expect(recorder.messages[0]).toMatchObject({ id: 1, result: { protocolVersion: '2024-11-05' } });
    // Every later message goes through the fallback; its session id shows through.
    transport.setProtocolVersion('2024-11-05');
    await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    expect(fallback.sent).toHaveLength(2);
    expect(fallback.version).toBe('2024-11-05');
    expect(transport.sessionId).toBe('sse-session');
    expect(transport.usingFallback).toBe(true);
    expect(server.posts()).toHaveLength(1);
    expect(cache.get(eraCacheKey(new URL(server.url)))).toBe('legacy-sse');
    // Closing one closes the other, and onclose fires once.
    await transport.close();
    expect(fallback.closed).toBe(1);
    expect(recorder.closeCount).toBe(1);
  });

  it('goes straight to the fallback when the endpoint is remembered as HTTP+SSE', async () => {
    const cache = createEraCache();
    const first = await openWithFallback(404, undefined, cache);
    await first.transport.send(initialize);
    const made: FakeFallback[] = [];
    const next = await h.transport(first.server, {
      eraCache: cache,
      fallback: () => {
        const fallback = new FakeFallback();
        made.push(fallback);
        return fallback;
      },
    });
    await next.transport.send(initialize);
    expect(made[0]?.sent).toEqual([initialize]);
    expect(first.server.posts()).toHaveLength(1);
  });

  it('does not fall back when initialize gets a modern error', async () => {
    const { transport, recorder, made } = await openWithFallback(
      404,
      rpcError(null, ErrorCode.MethodNotFound, 'Method not found: initialize'),
    );
    await transport.send(initialize);
    expect(made).toEqual([]);
    expect(recorder.messages).toEqual([
      rpcError(1, ErrorCode.MethodNotFound, 'Method not found: initialize'),
    ]);
  });

  it('reports the HTTP error when no fallback is injected', async () => {
    const { transport } = await h.open((_req, res) => {
      res.writeHead(405);
      res.end();
    });
    const error = await transport.send(initialize).catch((e: unknown) => e);
    expect((error as TransportError).code).toBe(TransportErrorCode.HttpStatus);
    expect((error as TransportError).details.httpStatus).toBe(405);
  });
});

describe('McpClient over the transport', () => {
  /** A legacy server (2025-11-25 Streamable HTTP) that refuses modern requests with a bare 400. */
  function legacyServer(req: Recorded, res: import('node:http').ServerResponse): void {
    if (req.method !== 'POST') {
      res.writeHead(405);
      res.end();
      return;
    }
    const body = req.body;
    if (body.params?._meta?.['io.modelcontextprotocol/protocolVersion'] !== undefined) {
      res.writeHead(400);
      res.end();
    } else if (body.method === 'initialize') {
      json(
        res,
        result(req, {
          protocolVersion: '2025-11-25',
          capabilities: { tools: {} },
          serverInfo: { name: 'legacy', version: '1' },
        }),
        200,
        { 'mcp-session-id': 'S1' },
      );
    } else if (body.id === undefined) {
      res.writeHead(202);
      res.end();
    } else if (body.method === 'tools/list') {
      json(res, result(req, { tools: [{ name: 'echo', inputSchema: { type: 'object' } }] }));
    } else json(res, result(req, { content: [{ type: 'text', text: 'hi' }] }));
  }

  it('falls back to initialize on a legacy server, and skips the probe on the next connection', async () => {
    const cache = createEraCache();
    const server = await h.server(legacyServer);
    const client = new McpClient({ name: 'c', version: '1' });
    const transport = createStreamableHttpClientTransport({ url: server.url, eraCache: cache });
    h.track(transport);
    await client.connect(transport);
    expect(client.era).toBe('legacy');
    expect(transport.sessionId).toBe('S1');
    expect((await client.callTool({ name: 'echo', arguments: {} })).content).toEqual([
      { type: 'text', text: 'hi' },
    ]);
    await client.close();
    expect(server.requests.map((r) => `${r.method} ${r.body?.method ?? ''}`.trim())).toEqual([
      'POST server/discover',
      'POST initialize',
      'POST notifications/initialized',
      'GET',
      'POST tools/list',
      'POST tools/call',
      'DELETE',
    ]);

    const again = new McpClient({ name: 'c', version: '1' });
    const second = createStreamableHttpClientTransport({ url: server.url, eraCache: cache });
    h.track(second);
    const before = server.posts().length;
    await again.connect(second);
    expect(again.era).toBe('legacy');
    expect(
      server
        .posts()
        .slice(before)
        .map((r) => r.body.method),
    ).toEqual(['initialize', 'notifications/initialized']);
    await again.close();
  });

  it('by default each transport has its own era cache: an unrelated client still probes', async () => {
    const server = await h.server(legacyServer);
    const first = createStreamableHttpClientTransport({ url: server.url });
    h.track(first);
    const client = new McpClient({ name: 'c', version: '1' });
    await client.connect(first);
    expect(client.era).toBe('legacy');
    await client.close();

    const before = server.posts().length;
    const second = createStreamableHttpClientTransport({ url: server.url });
    h.track(second);
    const other = new McpClient({ name: 'c', version: '1' });
    await other.connect(second);
    expect(other.era).toBe('legacy');
    // Nothing learnt by the first transport steers the second: it probes again.
    expect(
      server
        .posts()
        .slice(before)
        .map((r) => r.body.method),
    ).toEqual(['server/discover', 'initialize', 'notifications/initialized']);
    await other.close();
  });

  it('speaks the modern era to a modern server, with the mirrored headers', async () => {
    const server = await h.server((req, res) => {
      const method = req.body.method;
      if (method === 'server/discover') {
        json(
          res,
          result(req, {
            resultType: 'complete',
            ttlMs: 0,
            cacheScope: 'private',
            supportedVersions: ['2026-07-28'],
            capabilities: { tools: {} },
          }),
        );
      } else if (method === 'tools/list') {
        json(
          res,
          result(req, {
            resultType: 'complete',
            ttlMs: 0,
            cacheScope: 'private',
            tools: [
              {
                name: 'where',
                inputSchema: {
                  type: 'object',
                  properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
                },
              },
              {
                name: 'bad',
                inputSchema: { type: 'object', properties: { r: { type: 'string', 'x-mcp-header': '' } } },
              },
            ],
          }),
        );
      } else
        json(
          res,
          result(req, {
            resultType: 'complete',
            content: [{ type: 'text', text: req.headers['mcp-param-region'] }],
          }),
        );
    });
    const client = new McpClient({ name: 'c', version: '1' });
    const transport = createStreamableHttpClientTransport({
      url: server.url,
      eraCache: createEraCache(),
      onToolRejected: () => {},
    });
    h.track(transport);
    await client.connect(transport);
    expect(client.era).toBe('modern');
    expect((await client.listAllTools()).map((tool) => tool.name)).toEqual(['where']);
    const answer = await client.callTool({ name: 'where', arguments: { region: 'eu' } });
    expect(answer.content).toEqual([{ type: 'text', text: 'eu' }]);
    await client.close();
    expect(server.requests.every((r) => r.method === 'POST')).toBe(true);
  });
});
