// Every refusal happens before the upgrade, with an HTTP status: Host/Origin 403, no `mcp` subprotocol
// 400, the connection cap 503, authentication 401/403/500; and the paths an endpoint leaves alone.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpClient, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  createWebSocketClientTransport,
  createWebSocketHandler,
  HttpAuthError,
  type HttpAuthRequest,
} from '../src/index.js';
import {
  closing,
  listen,
  onCleanup,
  rawClient,
  rawUpgrade,
  testServer,
  useCleanup,
} from './support/helpers.js';

useCleanup();

/** The server takes every connection but serves nothing: these tests look at the upgrade only. */
const accept = (): void => {};

describe('the mcp subprotocol', () => {
  it('is required: an upgrade without it, or with others only, is refused 400 before switching', async () => {
    const { url } = await listen({ server: accept });
    const none = await rawUpgrade(url, {}, { protocol: null });
    const other = await rawUpgrade(url, {}, { protocol: 'chat, graphql-ws' });
    for (const outcome of [none, other]) {
      expect(outcome.status).toBe(400);
      expect(outcome.headers['content-type']).toBe('application/json');
      expect(JSON.parse(outcome.body)).toMatchObject({
        jsonrpc: '2.0',
        error: { code: -32600, message: expect.stringContaining('Sec-WebSocket-Protocol must offer "mcp"') },
      });
    }
  });

  it('is selected among others, and our client fails with the HTTP status when it is not offered', async () => {
    const { url } = await listen({ server: accept });
    const socket = await rawClient(url.replace('ws:', 'ws:'), { headers: {} });
    expect(socket.protocol).toBe('mcp');
    const offered = new WebSocket(url, ['chat', 'mcp']);
    onCleanup(() => offered.terminate());
    await once(offered, 'open');
    expect(offered.protocol).toBe('mcp');
    const wrong = createWebSocketClientTransport({ url, protocols: ['chat'] });
    const error = await wrong.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ code: TransportErrorCode.HttpStatus, details: { httpStatus: 400 } });
    expect((error as Error).message).toContain('Sec-WebSocket-Protocol must offer "mcp"');
  });
});

describe('Host and Origin', () => {
  it('refuses a foreign Host or Origin with 403 before authenticating or upgrading', async () => {
    const seen: string[] = [];
    const { url, handler: endpoint } = await listen({
      server: accept,
      authenticate: (request) => {
        seen.push(request.url);
      },
    });
    const badHost = await rawUpgrade(url, { host: 'evil.example' });
    const badOrigin = await rawUpgrade(url, { origin: 'https://evil.example' });
    const nullOrigin = await rawUpgrade(url, { origin: 'null' });
    const noHost = await rawUpgrade(url, {}, { setHost: false });
    expect([badHost.status, badOrigin.status, nullOrigin.status, noHost.status]).toEqual([
      403, 403, 403, 403,
    ]);
    expect(JSON.parse(badHost.body).error.message).toContain('Host "evil.example" is not allowed');
    expect(JSON.parse(badOrigin.body).error.message).toContain('Origin is not allowed');
    expect(seen).toEqual([]);
    expect(endpoint.stats.sessions).toBe(0);
    // A loopback page and a client that sends no Origin (not a browser) are let in.
    expect((await rawUpgrade(url, { origin: 'http://localhost:5173' })).status).toBe(101);
    expect((await rawUpgrade(url)).status).toBe(101);
    expect(seen).toHaveLength(2);
  });

  it('accepts listed hosts and origins, and turns the checks off with "any"', async () => {
    const listed = await listen({
      server: accept,
      allowedHosts: ['mcp.example:8443'],
      allowedOrigins: ['https://app.example'],
    });
    expect(
      (await rawUpgrade(listed.url, { host: 'mcp.example:8443', origin: 'https://app.example' })).status,
    ).toBe(101);
    expect((await rawUpgrade(listed.url, { host: 'mcp.example:9999' })).status).toBe(403);
    expect((await rawUpgrade(listed.url)).status).toBe(403);
    const open = await listen({ server: accept, allowedHosts: 'any', allowedOrigins: 'any' });
    expect(
      (await rawUpgrade(open.url, { host: 'anything.example', origin: 'https://evil.example' })).status,
    ).toBe(101);
  });
});

describe('authenticate', () => {
  function bearer(request: HttpAuthRequest): { subject: string } {
    const header = request.header('Authorization');
    if (header === undefined) {
      throw new HttpAuthError('Missing bearer token', { wwwAuthenticate: 'Bearer realm="mcp"' });
    }
    if (header !== 'Bearer good') throw new HttpAuthError('Not allowed', { status: 403 });
    return { subject: 'alice' };
  }

  it('refuses 401 with WWW-Authenticate, or 403, before the upgrade', async () => {
    const { url, handler: endpoint } = await listen({ server: accept, authenticate: bearer });
    const missing = await rawUpgrade(url);
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="mcp"');
    expect(JSON.parse(missing.body).error.message).toBe('Missing bearer token');
    const forbidden = await rawUpgrade(url, { authorization: 'Bearer bad' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['www-authenticate']).toBeUndefined();
    expect(endpoint.stats).toEqual({
      sessions: 0,
      sessionsCreated: 0,
      refusedSessions: 0,
      connections: 0,
      upgrading: 0,
    });
    // Our client reports the status, so a caller can fetch a token and retry.
    const refused = await createWebSocketClientTransport({ url })
      .start()
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: TransportErrorCode.HttpStatus, details: { httpStatus: 401 } });
    expect((refused as Error).message).toContain('Missing bearer token');
  });

  it('hands the principal and the upgrade request to handlers (ctx.authInfo, ctx.requestInfo)', async () => {
    const { url } = await listen({ server: testServer(), authenticate: bearer });
    const client = new McpClient({ name: 'auth-test', version: '1.0.0' }, { era: 'legacy' });
    await client.connect(
      closing(
        createWebSocketClientTransport({ url: `${url}?tenant=7`, headers: { authorization: 'Bearer good' } }),
      ),
    );
    onCleanup(() => client.close());
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    const seen = JSON.parse((result.content[0] as { text: string }).text);
    expect(seen).toEqual({
      authInfo: { subject: 'alice' },
      era: 'legacy',
      url: `${url}?tenant=7`,
      authorization: 'Bearer good',
    });
  });

  it('answers 500 for a hook that throws something else, and reports it', async () => {
    const errors: Error[] = [];
    const { url } = await listen({
      server: accept,
      authenticate: () => {
        throw new Error('database down');
      },
      onerror: (error) => errors.push(error),
    });
    const outcome = await rawUpgrade(url);
    expect(outcome.status).toBe(500);
    // The cause stays local: the peer learns nothing of it.
    expect(outcome.body).not.toContain('database');
    expect(errors.map((error) => error.message)).toEqual(['database down']);
  });
});

describe('maxConnections', () => {
  it('refuses upgrades beyond the cap with 503, and accepts again once a connection closed', async () => {
    const { url, handler: endpoint } = await listen({ server: accept, maxConnections: 2 });
    const first = await rawClient(url);
    await rawClient(url);
    const refused = await rawUpgrade(url);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(JSON.parse(refused.body).error).toMatchObject({
      code: -32603,
      message: expect.stringContaining('maxConnections'),
    });
    const client = await createWebSocketClientTransport({ url })
      .start()
      .catch((e: unknown) => e);
    expect(client).toMatchObject({ code: TransportErrorCode.HttpStatus, details: { httpStatus: 503 } });
    expect(endpoint.stats).toMatchObject({ sessions: 2, sessionsCreated: 2, refusedSessions: 2 });
    first.close();
    await once(first, 'close');
    await expect.poll(() => endpoint.stats.sessions).toBe(1);
    expect((await rawUpgrade(url)).status).toBe(101);
  });

  it('counts upgrades waiting for authenticate against the cap', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { url, handler: endpoint } = await listen({
      server: accept,
      maxConnections: 1,
      authenticate: () => gate,
    });
    const waiting = rawUpgrade(url);
    await expect.poll(() => endpoint.stats.upgrading).toBe(1);
    expect((await rawUpgrade(url)).status).toBe(503);
    release();
    expect((await waiting).status).toBe(101);
  });
});

describe('paths', () => {
  async function httpServerOnPort0(): Promise<{ http: Server; base: string }> {
    const http = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('app');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    onCleanup(
      () =>
        new Promise<void>((resolve) => {
          http.closeAllConnections();
          http.close(() => resolve());
        }),
    );
    return { http, base: `ws://127.0.0.1:${(http.address() as AddressInfo).port}` };
  }

  it('attached to an HTTP server, serves its path and leaves other upgrades to other listeners', async () => {
    const { http, base } = await httpServerOnPort0();
    const endpoint = createWebSocketHandler({ server: testServer(), httpServer: http, path: '/mcp-ws' });
    onCleanup(() => endpoint.close());
    // Another handler of the same server answers its own path.
    http.on('upgrade', (req, socket) => {
      if (req.url !== '/other') return;
      socket.end('HTTP/1.1 418 I am a teapot\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
    expect((await rawUpgrade(`${base}/other`)).status).toBe(418);
    const client = new McpClient({ name: 'attach-test', version: '1.0.0' });
    await client.connect(closing(createWebSocketClientTransport({ url: `${base}/mcp-ws?x=1` })));
    onCleanup(() => client.close());
    const result = await client.callTool({ name: 'echo', arguments: { text: 'hi' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo:hi' }]);
    expect(endpoint.stats.sessions).toBe(1);
    // close() detaches: the HTTP server keeps running, our path is no longer served.
    await endpoint.close();
    expect(endpoint.stats.sessions).toBe(0);
    expect(http.listenerCount('upgrade')).toBe(1);
  });

  it('listenWebSocket answers 404 to other paths and 426 to plain HTTP on its path', async () => {
    const { url, port } = await listen({ server: accept, path: '/ws' });
    expect((await rawUpgrade(`ws://127.0.0.1:${port}/elsewhere`)).status).toBe(404);
    const plain = await fetch(url.replace('ws:', 'http:'));
    expect(plain.status).toBe(426);
    expect(plain.headers.get('upgrade')).toBe('websocket');
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
  });

  it('handleUpgrade serves upgrades a framework routes to it, and refuses them with 503 once closed', async () => {
    const { http, base } = await httpServerOnPort0();
    const endpoint = createWebSocketHandler({ server: accept });
    http.on('upgrade', (req, socket, head) => void endpoint.handleUpgrade(req, socket, head));
    // No path check in handleUpgrade: the framework routed the request.
    expect((await rawUpgrade(`${base}/any/path`)).status).toBe(101);
    await endpoint.close();
    const refused = await rawUpgrade(`${base}/any/path`);
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.message).toContain('closing');
  });
});
