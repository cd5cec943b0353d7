// The server handler over real sockets: the endpoint event, 202 answers, and each refusal with its
// status, headers and JSON-RPC body. Raw undici requests, so every byte on the wire is checked.
import { type JSONRPCMessage, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { settle } from '@mcpwire/test-utils';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { HttpAuthError, listenSse } from '../src/index.js';
import {
  initializeRequest,
  mount,
  onCleanup,
  openRaw,
  postJson,
  raw,
  testServer,
} from './support/fixtures.js';
import { rawClient, recordingServer } from './support/sessions.js';

const ping = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'ping' });
const initialized: JSONRPCMessage = { jsonrpc: '2.0', method: 'notifications/initialized' };

describe('GET: the event stream', () => {
  it('answers text/event-stream, no-cache, X-Accel-Buffering: no, and an endpoint event first', async () => {
    const server = await recordingServer();
    const stream = await openRaw(server.url);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream');
    expect(stream.headers['cache-control']).toBe('no-cache');
    expect(stream.headers['x-accel-buffering']).toBe('no');
    const [first] = await stream.waitForEvents(1);
    expect(first?.event).toBe('endpoint');
    expect(first?.data).toMatch(
      /^\/messages\?sessionId=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const session = await server.session(0);
    expect(first?.data).toBe(`/messages?sessionId=${session.transport.sessionId}`);
    expect(session.info.sessionId).toBe(session.transport.sessionId);
    expect(server.handler.stats).toMatchObject({ sessions: 1, sessionsCreated: 1 });
  });

  it('gives each stream its own session id', async () => {
    const server = await recordingServer();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await rawClient(server)).sessionId);
    expect(ids.size).toBe(5);
    expect(server.handler.stats.sessions).toBe(5);
  });

  it('custom paths are routed and advertised; others are left to the next handler', async () => {
    const server = await recordingServer({ ssePath: '/events', messagesPath: '/rpc' });
    expect((await raw(`${server.origin}/sse`, 'GET')).text).toBe('not ours');
    const stream = await openRaw(`${server.origin}/events`);
    expect(await stream.endpoint()).toMatch(/^\/rpc\?sessionId=/);
  });

  it('405 with Allow for other methods on its paths', async () => {
    const server = await recordingServer();
    const put = await raw(server.url, 'PUT');
    expect(put.status).toBe(405);
    expect(put.headers['allow']).toBe('GET');
    const get = await raw(`${server.origin}/messages?sessionId=x`, 'GET');
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST');
    expect(get.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 } });
  });
});

describe('POST: messages', () => {
  it('202 "Accepted" with no-cache, and the message reaches the session with requestInfo', async () => {
    const server = await recordingServer();
    const client = await rawClient(server);
    const answer = await postJson(client.endpoint, ping(1), { 'x-trace': 'abc' });
    expect(answer.status).toBe(202);
    expect(answer.text).toBe('Accepted');
    expect(answer.headers['cache-control']).toBe('no-cache');
    const { recorder } = await server.session(0);
    await recorder.waitForMessages(1);
    expect(recorder.messages).toEqual([ping(1)]);
    const extra = recorder.extras[0];
    expect(extra?.requestInfo?.headers['x-trace']).toBe('abc');
    expect(extra?.requestInfo?.url?.searchParams.get('sessionId')).toBe(client.sessionId);
    expect(extra?.requestInfo?.remoteAddress).toBe('127.0.0.1');
    // JSON shows the lazy URL and address too (they live behind getters).
    expect(JSON.parse(JSON.stringify(extra?.requestInfo))).toMatchObject({
      headers: { 'x-trace': 'abc' },
      url: expect.stringContaining(`sessionId=${client.sessionId}`),
      remoteAddress: '127.0.0.1',
    });
    expect(extra?.authInfo).toBeUndefined();
  });

  it('what the session sends arrives as event: message, in order', async () => {
    const server = await recordingServer();
    const client = await rawClient(server);
    const { transport } = await server.session(0);
    for (let id = 1; id <= 3; id++) await transport.send({ jsonrpc: '2.0', id, result: { n: id } });
    const events = await client.stream.waitForEvents(4);
    expect(events.slice(1)).toEqual(
      [1, 2, 3].map((id) => ({
        event: 'message',
        data: JSON.stringify({ jsonrpc: '2.0', id, result: { n: id } }),
      })),
    );
  });

  it('400 without sessionId; 404 for an unknown one and for an ended session', async () => {
    const server = await recordingServer();
    const missing = await postJson(`${server.origin}/messages`, ping(1));
    expect(missing.status).toBe(400);
    expect(missing.json()).toEqual({
      jsonrpc: '2.0',
      error: { code: -32600, message: expect.stringContaining('sessionId') },
    });
    const unknown = await postJson(`${server.origin}/messages?sessionId=nope`, ping(1));
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 } });
    expect(unknown.json()).not.toHaveProperty('id');

    const client = await rawClient(server);
    const { transport, recorder } = await server.session(0);
    await transport.close();
    await client.stream.ended;
    expect((await postJson(client.endpoint, ping(2))).status).toBe(404);
    expect(recorder.closeCount).toBe(1);
    expect(server.handler.stats.sessions).toBe(0);
  });

  it('415 for a body that is not application/json', async () => {
    const server = await recordingServer();
    const client = await rawClient(server);
    const answer = await raw(
      client.endpoint,
      'POST',
      { 'content-type': 'text/plain' },
      JSON.stringify(ping(1)),
    );
    expect(answer.status).toBe(415);
    expect(answer.json()).toMatchObject({ error: { code: -32600 } });
    // With parameters it is still JSON.
    expect(
      (await postJson(client.endpoint, ping(2), { 'content-type': 'application/json; charset=utf-8' }))
        .status,
    ).toBe(202);
  });

  it('413 past maxBodyBytes, declared or counted while reading, before parsing; reported to the session', async () => {
    const server = await recordingServer({ maxBodyBytes: 1000 });
    const client = await rawClient(server);
    const big = JSON.stringify({ jsonrpc: '2.0', method: 'note', params: { pad: 'x'.repeat(2000) } });
    const declared = await postJson(client.endpoint, big);
    expect(declared.status).toBe(413);
    expect(declared.headers['connection']).toBe('close');
    expect(declared.json()).toMatchObject({
      error: { code: -32600, message: expect.stringContaining('1000') },
    });
    // No Content-Length: counted chunk by chunk.
    const chunked = Readable.from([Buffer.from(big.slice(0, 600)), Buffer.from(big.slice(600))]);
    const streamed = await request(client.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunked,
    });
    expect(streamed.statusCode).toBe(413);
    await streamed.body.dump();
    const { recorder } = await server.session(0);
    await recorder.waitForErrors(2);
    for (const error of recorder.errors) {
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).code).toBe(TransportErrorCode.MessageTooLarge);
      expect((error as TransportError).details.limit).toEqual({ name: 'maxBodyBytes', value: 1000 });
    }
    expect(recorder.messages).toEqual([]);
    // The session goes on.
    expect((await postJson(client.endpoint, ping(1))).status).toBe(202);
  });

  it('bad JSON: 400 with a -32700 error (id null), reported with an excerpt, and the session keeps serving', async () => {
    const server = await recordingServer();
    const client = await rawClient(server);
    const answer = await postJson(client.endpoint, '{"jsonrpc":"2.0","id":1,"method":');
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    const invalid = await postJson(client.endpoint, { jsonrpc: '1.0', id: 7, method: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.json()).toMatchObject({ jsonrpc: '2.0', id: 7, error: { code: -32600 } });
    expect((await postJson(client.endpoint, ping(1))).status).toBe(202);
    const { recorder } = await server.session(0);
    await recorder.waitForMessages(1);
    expect(recorder.messages).toEqual([ping(1)]);
    expect(recorder.errors.map((error) => (error as TransportError).code)).toEqual([
      TransportErrorCode.Parse,
      TransportErrorCode.InvalidMessage,
    ]);
    expect((recorder.errors[0] as TransportError).details.excerpt).toContain('{"jsonrpc":"2.0","id":1');
  });
});

describe('JSON-RPC batches: only where the negotiated revision allows them', () => {
  const batch = JSON.stringify([ping(1), { jsonrpc: '2.0', method: 'notifications/initialized' }]);

  it('refused before a version is negotiated and under 2025-06-18', async () => {
    const server = await recordingServer();
    const client = await rawClient(server);
    const before = await postJson(client.endpoint, batch);
    expect(before.status).toBe(400);
    expect(before.json()).toMatchObject({
      error: { code: -32600, message: expect.stringContaining('batch') },
    });
    const { transport, recorder } = await server.session(0);
    transport.setProtocolVersion('2025-06-18');
    expect((await postJson(client.endpoint, batch)).status).toBe(400);
    await settle();
    expect(recorder.messages).toEqual([]);
  });

  it.each([
    '2024-11-05',
    '2025-03-26',
  ])('accepted whole under %s; one invalid member refuses the whole batch', async (version) => {
    const server = await recordingServer();
    const client = await rawClient(server);
    const { transport, recorder } = await server.session(0);
    transport.setProtocolVersion(version);
    expect((await postJson(client.endpoint, batch)).status).toBe(202);
    await recorder.waitForMessages(2);
    expect(recorder.messages).toEqual(JSON.parse(batch));
    const mixed = await postJson(client.endpoint, [ping(3), { jsonrpc: '2.0', id: 4 }]);
    expect(mixed.status).toBe(400);
    expect(mixed.json()).toEqual([
      expect.objectContaining({ id: 4, error: expect.objectContaining({ code: -32600 }) }),
    ]);
    await settle();
    expect(recorder.messages).toHaveLength(2);
  });
});

describe('security: Host and Origin (403 before any work)', () => {
  it('refuses a foreign Host on GET and POST with a JSON-RPC error without id, and opens no session', async () => {
    const server = await recordingServer();
    const client = await rawClient(server);
    const get = await raw(server.url, 'GET', { host: 'evil.example:80' });
    expect(get.status).toBe(403);
    expect(get.headers['cache-control']).toBe('no-cache');
    expect(get.json()).toEqual({
      jsonrpc: '2.0',
      error: { code: -32600, message: expect.stringContaining('Host') },
    });
    const post = await postJson(client.endpoint, ping(1), { host: 'evil.example' });
    expect(post.status).toBe(403);
    expect(server.handler.stats.sessionsCreated).toBe(1);
    const { recorder } = await server.session(0);
    await settle();
    expect(recorder.messages).toEqual([]);
  });

  it('refuses a foreign Origin (and "null") on GET and POST; accepts a loopback one', async () => {
    const server = await recordingServer();
    const client = await rawClient(server);
    for (const origin of ['https://evil.example', 'null']) {
      expect((await raw(server.url, 'GET', { origin })).status).toBe(403);
      expect((await postJson(client.endpoint, ping(1), { origin })).status).toBe(403);
    }
    expect((await postJson(client.endpoint, ping(1), { origin: 'http://localhost:5173' })).status).toBe(202);
    expect(server.handler.stats.sessionsCreated).toBe(1);
  });

  it("'any' turns each check off; a custom list replaces the loopback default", async () => {
    const open = await recordingServer({ allowedHosts: 'any', allowedOrigins: 'any' });
    const stream = await openRaw(open.url, { host: 'mcp.example.com', origin: 'https://app.example.com' });
    expect(stream.status).toBe(200);
    const strict = await recordingServer({ allowedHosts: ['mcp.example.com'] });
    expect((await raw(strict.url, 'GET')).status).toBe(403);
    expect((await openRaw(strict.url, { host: 'mcp.example.com' })).status).toBe(200);
  });
});

describe('security: authentication and principal binding', () => {
  const authenticate = ({ header }: { header(name: string): string | undefined }) => {
    const token = header('authorization');
    if (token === undefined) {
      throw new HttpAuthError('Missing bearer token', { wwwAuthenticate: 'Bearer realm="mcp"' });
    }
    if (token === 'Bearer mallory') throw new HttpAuthError('Not allowed', { status: 403 });
    return { subject: token.slice('Bearer '.length) };
  };

  it('401 with WWW-Authenticate, and 403, on GET and POST; the principal reaches handlers', async () => {
    const server = await recordingServer({ authenticate });
    const noToken = await raw(server.url, 'GET');
    expect(noToken.status).toBe(401);
    expect(noToken.headers['www-authenticate']).toBe('Bearer realm="mcp"');
    expect(noToken.json()).toMatchObject({ error: { code: -32600, message: 'Missing bearer token' } });
    const refused = await raw(server.url, 'GET', { authorization: 'Bearer mallory' });
    expect(refused.status).toBe(403);
    expect(refused.headers['www-authenticate']).toBeUndefined();

    const alice = await rawClient(server, { authorization: 'Bearer alice' });
    const post401 = await postJson(alice.endpoint, ping(1));
    expect(post401.status).toBe(401);
    expect(post401.headers['www-authenticate']).toBe('Bearer realm="mcp"');
    expect((await postJson(alice.endpoint, ping(1), { authorization: 'Bearer mallory' })).status).toBe(403);
    expect((await postJson(alice.endpoint, ping(2), { authorization: 'Bearer alice' })).status).toBe(202);
    const session = await server.session(0);
    expect(session.info.authInfo).toEqual({ subject: 'alice' });
    await session.recorder.waitForMessages(1);
    expect(session.recorder.messages).toEqual([ping(2)]);
    expect(session.recorder.extras[0]?.authInfo).toEqual({ subject: 'alice' });
  });

  it("another principal's POST gets 404, as if the session did not exist", async () => {
    const server = await recordingServer({ authenticate });
    const alice = await rawClient(server, { authorization: 'Bearer alice' });
    const asBob = await postJson(alice.endpoint, ping(1), { authorization: 'Bearer bob' });
    expect(asBob.status).toBe(404);
    expect(asBob.text).toBe(
      (await postJson(`${server.origin}/messages?sessionId=nope`, ping(1), { authorization: 'Bearer bob' }))
        .text,
    );
    const { recorder } = await server.session(0);
    await settle();
    expect(recorder.messages).toEqual([]);
  });

  it('a throwing hook (not HttpAuthError) is a 500 reported to onerror', async () => {
    const errors: Error[] = [];
    const server = await recordingServer({
      authenticate: () => {
        throw new Error('hook bug');
      },
      onerror: (error) => errors.push(error),
    });
    const answer = await raw(server.url, 'GET');
    expect(answer.status).toBe(500);
    expect(answer.text).not.toContain('hook bug');
    expect(errors.map((error) => error.message)).toEqual(['hook bug']);
  });
});

describe('limits and shutdown', () => {
  it('503 with Retry-After above maxSessions; a slot frees when a stream ends', async () => {
    const server = await recordingServer({ maxSessions: 2 });
    const first = await rawClient(server);
    const second = await rawClient(server);
    // A request awaiting its answer keeps each session busy, so neither may be evicted.
    for (const client of [first, second]) expect((await postJson(client.endpoint, ping(1))).status).toBe(202);
    const third = await raw(server.url, 'GET');
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBe('30');
    expect(third.json()).toMatchObject({ jsonrpc: '2.0', error: { message: expect.stringContaining('2') } });
    expect(server.handler.stats.refusedSessions).toBe(1);
    first.stream.close();
    const { recorder } = await server.session(0);
    await recorder.waitForClose();
    expect((await openRaw(server.url)).status).toBe(200);
  });

  it('at maxSessions evicts the least recently used idle session instead of refusing', async () => {
    const server = await recordingServer({ maxSessions: 2 });
    const first = await rawClient(server);
    const second = await rawClient(server);
    // The first is used again: the second is now the least recently used.
    expect((await postJson(first.endpoint, initialized)).status).toBe(202);
    const third = await rawClient(server);
    await second.stream.ended;
    expect((await postJson(second.endpoint, initialized)).status).toBe(404);
    expect((await postJson(first.endpoint, initialized)).status).toBe(202);
    expect((await postJson(third.endpoint, initialized)).status).toBe(202);
    expect(server.handler.stats).toMatchObject({
      sessions: 2,
      sessionsCreated: 3,
      sessionsEvicted: 1,
      refusedSessions: 0,
    });
  });

  it('close() ends every stream and closes every session; then GET is 503 and POST 404', async () => {
    const server = await recordingServer();
    const a = await rawClient(server);
    const b = await rawClient(server);
    const sessions = [await server.session(0), await server.session(1)];
    await server.handler.close();
    expect(sessions.map((session) => session.recorder.closeCount)).toEqual([1, 1]);
    await Promise.all([a.stream.ended, b.stream.ended]);
    expect((await raw(server.url, 'GET')).status).toBe(503);
    expect((await postJson(a.endpoint, ping(1))).status).toBe(404);
    await expect(sessions[0]!.transport.send(ping(1))).rejects.toMatchObject({
      code: TransportErrorCode.Closed,
    });
  });

  it('a connect that fails closes its session, ends the stream, and is reported to onerror', async () => {
    const errors: Error[] = [];
    const mounted = await mount({
      server: async () => {
        throw new Error('no server for you');
      },
      onerror: (error) => errors.push(error),
    });
    const stream = await openRaw(mounted.url);
    await stream.ended;
    expect(stream.events.map((event) => event.event)).toEqual(['endpoint']);
    expect(errors.map((error) => error.message)).toEqual(['no server for you']);
    expect(mounted.handler.stats.sessions).toBe(0);
  });

  it('listenSse binds 127.0.0.1, serves its two paths and answers 404 elsewhere', async () => {
    const listener = await listenSse({ server: testServer() });
    onCleanup(() => listener.close());
    expect(listener.url).toBe(`http://127.0.0.1:${listener.port}/sse`);
    expect((await raw(`http://127.0.0.1:${listener.port}/other`, 'GET')).status).toBe(404);
    const stream = await openRaw(listener.url);
    const endpoint = new URL(await stream.endpoint(), listener.url).href;
    expect((await postJson(endpoint, initializeRequest(1))).status).toBe(202);
    const [, answer] = await stream.waitForEvents(2);
    expect(JSON.parse(answer!.data)).toMatchObject({ id: 1, result: { protocolVersion: '2024-11-05' } });
  });
});

describe('sessions per principal (maxSessionsPerPrincipal)', () => {
  const authenticate = ({ header }: { header(name: string): string | undefined }) => {
    const user = header('x-user');
    return user === undefined ? undefined : { subject: user };
  };
  const alice = { 'x-user': 'alice' };

  it("evicts the principal's least recently used idle session; its id answers 404, the others work", async () => {
    const server = await recordingServer({ authenticate, maxSessionsPerPrincipal: 2 });
    const first = await rawClient(server, alice);
    const second = await rawClient(server, alice);
    expect((await postJson(first.endpoint, initialized, alice)).status).toBe(202);
    const third = await rawClient(server, alice);
    await second.stream.ended;
    expect((await postJson(second.endpoint, initialized, alice)).status).toBe(404);
    expect((await postJson(first.endpoint, initialized, alice)).status).toBe(202);
    expect((await postJson(third.endpoint, initialized, alice)).status).toBe(202);
    expect((await server.session(1)).transport.closed).toBe(true);
    expect(server.handler.stats).toMatchObject({ sessions: 2, sessionsEvicted: 1, refusedSessions: 0 });
  });

  it("refuses 429 with Retry-After while all of the principal's sessions are busy; another principal is unaffected", async () => {
    const server = await recordingServer({ authenticate, maxSessionsPerPrincipal: 2 });
    const clients = [await rawClient(server, alice), await rawClient(server, alice)];
    for (const client of clients) expect((await postJson(client.endpoint, ping(7), alice)).status).toBe(202);
    const refused = await raw(server.url, 'GET', alice);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { data: { limit: { name: 'maxSessionsPerPrincipal', value: 2 } } },
    });
    await rawClient(server, { 'x-user': 'bob' });
    expect(server.handler.stats).toMatchObject({ sessions: 3, sessionsEvicted: 0, refusedSessions: 1 });
    // Once the first session's request is answered it is idle again, and evicted for the next GET.
    const first = await server.session(0);
    await first.recorder.waitForMessages(1);
    await first.transport.send({ jsonrpc: '2.0', id: 7, result: {} });
    await rawClient(server, alice);
    expect(first.transport.closed).toBe(true);
    expect(server.handler.stats).toMatchObject({ sessions: 3, sessionsEvicted: 1, refusedSessions: 1 });
  });

  it('caps anonymous clients per address', async () => {
    const server = await recordingServer({ maxSessionsPerPrincipal: 2 });
    const clients: Awaited<ReturnType<typeof rawClient>>[] = [];
    for (let i = 0; i < 4; i++) clients.push(await rawClient(server));
    // Every test client comes from 127.0.0.1: the oldest two were evicted one by one.
    expect(server.handler.stats).toMatchObject({ sessions: 2, sessionsCreated: 4, sessionsEvicted: 2 });
    await clients[0]!.stream.ended;
    expect((await postJson(clients[0]!.endpoint, initialized)).status).toBe(404);
    expect((await postJson(clients[3]!.endpoint, initialized)).status).toBe(202);
  });
});
