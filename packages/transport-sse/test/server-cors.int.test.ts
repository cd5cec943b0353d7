// CORS for browser pages on another origin, over real sockets: preflights on both paths, the headers
// on the stream, on the 202 and on every refusal made after the Origin check, and that CORS never
// widens who may call (a foreign Origin is still 403, without any CORS header).
import { HttpAuthError, McpClient } from '@mcpwire/protocol-core';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createSseClientTransport, type SseServerOptions } from '../src/index.js';
import {
  initializeRequest,
  mount,
  onCleanup,
  openRaw,
  postJson,
  type RawAnswer,
  testServer,
} from './support/fixtures.js';
import { rawClient, recordingServer } from './support/sessions.js';

/** A page served from another port of the same host: cross-origin, and let in by the loopback list. */
const PAGE = 'http://127.0.0.1:5173';
const FOREIGN = 'https://evil.example';

const ping = { jsonrpc: '2.0', id: 1, method: 'ping' };

type Headers = Record<string, string | string[] | undefined>;

/** The CORS headers every answer to `PAGE` must carry. */
function expectCors(headers: Headers): void {
  expect(headers['access-control-allow-origin']).toBe(PAGE);
  expect(headers['access-control-expose-headers']).toBe('www-authenticate, retry-after');
  expect(headers['vary']).toBe('Origin');
}

function expectNoCors(headers: Headers): void {
  for (const name of Object.keys(headers)) expect(name).not.toMatch(/^access-control-/);
}

/** Any request with undici, read whole (OPTIONS included, which the fixtures' `raw` does not take). */
async function send(
  url: string,
  method: 'GET' | 'POST' | 'PUT' | 'OPTIONS',
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  const response = await request(url, { method, headers, body: body ?? null });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text, json: () => JSON.parse(text) };
}

function preflight(url: string, origin: string, method: string, requestHeaders?: string): Promise<RawAnswer> {
  const headers: Record<string, string> = { origin, 'access-control-request-method': method };
  if (requestHeaders !== undefined) headers['access-control-request-headers'] = requestHeaders;
  return send(url, 'OPTIONS', headers);
}

describe('preflights', () => {
  it('OPTIONS on the stream path: 204, GET allowed, the requested headers echoed, cached', async () => {
    const server = await recordingServer();
    const answer = await preflight(server.url, PAGE, 'GET', 'authorization, x-trace');
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(answer.headers['access-control-allow-methods']).toBe('GET');
    expect(answer.headers['access-control-allow-headers']).toBe('authorization, x-trace');
    expect(Number(answer.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(answer.headers['vary']).toBe(
      'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    );
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(server.handler.stats.sessionsCreated).toBe(0);
  });

  it('OPTIONS on the messages path: 204, POST allowed, Content-Type allowed as asked', async () => {
    const server = await recordingServer();
    const answer = await preflight(`${server.origin}/messages?sessionId=x`, PAGE, 'POST', 'content-type');
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(answer.headers['access-control-allow-methods']).toBe('POST');
    expect(answer.headers['access-control-allow-headers']).toBe('content-type');
  });

  it('no Access-Control-Request-Headers: none allowed; OPTIONS that is not a preflight stays 405', async () => {
    const server = await recordingServer();
    const bare = await preflight(server.url, PAGE, 'GET');
    expect(bare.status).toBe(204);
    expect(bare.headers['access-control-allow-headers']).toBeUndefined();
    const notPreflight = await send(server.url, 'OPTIONS', { origin: PAGE });
    expect(notPreflight.status).toBe(405);
    expect(notPreflight.headers['allow']).toBe('GET');
    // Still an answer to an allowed page: it may read why.
    expectCors(notPreflight.headers);
    const noOrigin = await send(server.url, 'OPTIONS', { 'access-control-request-method': 'GET' });
    expect(noOrigin.status).toBe(405);
    expectNoCors(noOrigin.headers);
  });

  it('a foreign Origin is refused 403 before any CORS header, on both paths', async () => {
    const server = await recordingServer();
    for (const url of [server.url, `${server.origin}/messages?sessionId=x`]) {
      const answer = await preflight(url, FOREIGN, 'POST', 'content-type');
      expect(answer.status).toBe(403);
      expect(answer.json()).toMatchObject({ error: { message: 'Forbidden: Origin is not allowed' } });
      expectNoCors(answer.headers);
    }
  });
});

describe('answers to an allowed Origin', () => {
  it('the event stream and the 202 carry the CORS headers; the session works as usual', async () => {
    const server = await recordingServer();
    const client = await rawClient(server, { origin: PAGE });
    expect(client.stream.status).toBe(200);
    expect(client.stream.headers['content-type']).toBe('text/event-stream');
    expect(client.stream.headers['x-accel-buffering']).toBe('no');
    expectCors(client.stream.headers);
    const accepted = await postJson(client.endpoint, ping, { origin: PAGE });
    expect(accepted.status).toBe(202);
    expect(accepted.text).toBe('Accepted');
    expect(accepted.headers['content-type']).toBe('text/plain; charset=utf-8');
    expectCors(accepted.headers);
    const { recorder } = await server.session(0);
    await recorder.waitForMessages(1);
    expect(recorder.messages).toEqual([ping]);
  });

  it('every refusal after the Origin check carries them: 400, 404, 405, 413, 415', async () => {
    const server = await recordingServer({ maxBodyBytes: 100 });
    const client = await rawClient(server, { origin: PAGE });
    const headers = { origin: PAGE };
    const answers: [number, RawAnswer][] = [
      [400, await postJson(`${server.origin}/messages`, ping, headers)],
      [400, await postJson(client.endpoint, '{"jsonrpc":', headers)],
      [404, await postJson(`${server.origin}/messages?sessionId=nope`, ping, headers)],
      [405, await send(server.url, 'PUT', headers)],
      [413, await postJson(client.endpoint, { ...ping, params: { pad: 'x'.repeat(200) } }, headers)],
      [415, await send(client.endpoint, 'POST', { ...headers, 'content-type': 'text/plain' }, '{}')],
    ];
    for (const [status, answer] of answers) {
      expect(answer.status).toBe(status);
      expect(answer.headers['content-type']).toBe('application/json');
      expectCors(answer.headers);
    }
  });

  it('401 exposes WWW-Authenticate, 403 and a failing hook (500) carry them too', async () => {
    const server = await recordingServer({
      authenticate: ({ header }) => {
        const token = header('authorization');
        if (token === undefined)
          throw new HttpAuthError('Missing token', { wwwAuthenticate: 'Bearer realm="mcp"' });
        if (token === 'Bearer boom') throw new Error('hook bug');
        throw new HttpAuthError('Not yours', { status: 403 });
      },
    });
    const missing = await send(server.url, 'GET', { origin: PAGE });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="mcp"');
    expectCors(missing.headers);
    const forbidden = await postJson(`${server.origin}/messages?sessionId=x`, ping, {
      origin: PAGE,
      authorization: 'Bearer other',
    });
    expect(forbidden.status).toBe(403);
    expectCors(forbidden.headers);
    const failed = await send(server.url, 'GET', { origin: PAGE, authorization: 'Bearer boom' });
    expect(failed.status).toBe(500);
    expectCors(failed.headers);
  });

  it('503 above maxSessions exposes Retry-After', async () => {
    const server = await recordingServer({ maxSessions: 1 });
    const client = await rawClient(server, { origin: PAGE });
    // A request awaiting its answer keeps the session busy: not evicted for the next one.
    const ping = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
    const busy = await send(
      client.endpoint,
      'POST',
      { origin: PAGE, 'content-type': 'application/json' },
      ping,
    );
    expect(busy.status).toBe(202);
    const refused = await send(server.url, 'GET', { origin: PAGE });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('30');
    expectCors(refused.headers);
  });

  it('an McpClient whose requests carry the Origin lists tools and calls echo with non-ASCII text', async () => {
    const mounted = await mount({ server: testServer() });
    const client = new McpClient({ name: 'cors-test', version: '1.0.0' });
    await client.connect(createSseClientTransport({ url: mounted.url, headers: { origin: PAGE } }));
    onCleanup(() => client.close());
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('echo');
    const text = 'héllo, 世界 🌍';
    const result = await client.callTool({ name: 'echo', arguments: { text } });
    expect(result.content).toEqual([{ type: 'text', text }]);
  });
});

describe('no CORS', () => {
  it('a foreign Origin gets 403 without CORS headers on GET and POST', async () => {
    const server = await recordingServer();
    const get = await send(server.url, 'GET', { origin: FOREIGN });
    expect(get.status).toBe(403);
    expectNoCors(get.headers);
    const post = await postJson(`${server.origin}/messages?sessionId=x`, ping, { origin: FOREIGN });
    expect(post.status).toBe(403);
    expectNoCors(post.headers);
    expect(server.handler.stats.sessionsCreated).toBe(0);
  });

  it('a request without Origin (not a browser) gets none, on the stream, the 202 and a refusal', async () => {
    const server = await recordingServer();
    const client = await rawClient(server);
    expectNoCors(client.stream.headers);
    const accepted = await postJson(client.endpoint, initializeRequest());
    expect(accepted.status).toBe(202);
    expectNoCors(accepted.headers);
    const missing = await postJson(`${server.origin}/messages`, ping);
    expect(missing.status).toBe(400);
    expectNoCors(missing.headers);
  });

  const off: [string, Omit<SseServerOptions, 'server'>, string][] = [
    ['cors: false', { cors: false }, PAGE],
    ["allowedOrigins: 'any' (off unless asked)", { allowedOrigins: 'any' }, 'https://elsewhere.example'],
  ];
  for (const [name, options, origin] of off) {
    it(`is off with ${name}: preflight 405, the stream without CORS headers`, async () => {
      const server = await recordingServer(options);
      const answer = await preflight(server.url, origin, 'GET');
      expect(answer.status).toBe(405);
      expectNoCors(answer.headers);
      const stream = await openRaw(server.url, { origin });
      expect(stream.status).toBe(200);
      expectNoCors(stream.headers);
    });
  }

  it("allowedOrigins: 'any' with cors: true lets every origin read", async () => {
    const server = await recordingServer({ allowedOrigins: 'any', cors: true });
    const origin = 'https://elsewhere.example';
    const answer = await preflight(`${server.origin}/messages?sessionId=x`, origin, 'POST', 'content-type');
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(origin);
    const stream = await openRaw(server.url, { origin });
    expect(stream.headers['access-control-allow-origin']).toBe(origin);
  });
});
