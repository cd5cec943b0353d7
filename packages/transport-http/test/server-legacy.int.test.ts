// The legacy era (2025-11-25 Streamable HTTP) over a real node:http server: sessions (ids, binding,
// caps, DELETE), the GET stream, server requests answered by client POSTs, resumption with
// Last-Event-ID, SSE polling, and a server that keeps serving through aborts, resets and DELETEs.
import { request } from 'node:http';
import type { ToolResult } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HttpAuthError,
  InMemoryEventStore,
  listenStreamableHttp,
  type ListenStreamableHttpOptions,
  type StreamableHttpListener,
} from '../src/index.js';
import { initializeBody, legacyHeaders, post, SseReader, sleep, testServer } from './server-support/http.js';
import { raw } from './server-support/raw.js';

const open: StreamableHttpListener[] = [];

afterEach(async () => {
  for (const listener of open.splice(0)) await listener.close();
});

async function start(options?: Partial<ListenStreamableHttpOptions>): Promise<StreamableHttpListener> {
  const listener = await listenStreamableHttp({ server: testServer(), ...options });
  open.push(listener);
  return listener;
}

/** A listener and the McpServer behind it. */
async function startWithServer(
  options?: Partial<ListenStreamableHttpOptions>,
): Promise<{ listener: StreamableHttpListener; server: ReturnType<typeof testServer> }> {
  const server = testServer();
  return { listener: await start({ server, ...options }), server };
}

/** Opens an initialized session; returns its id. */
async function openSession(
  url: string,
  capabilities: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<string> {
  const init = await post(url, initializeBody(0, capabilities), { ...legacyHeaders(), ...headers });
  expect(init.status).toBe(200);
  const sessionId = init.headers.get('mcp-session-id')!;
  const [response] = await new SseReader(init).rest();
  expect(response.result.protocolVersion).toBe('2025-11-25');
  const initialized = await post(
    url,
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { ...legacyHeaders(sessionId), ...headers },
  );
  expect(initialized.status).toBe(202);
  return sessionId;
}

function callBody(
  id: number | string,
  name: string,
  args: Record<string, unknown> = {},
  meta?: Record<string, unknown>,
) {
  return {
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name, arguments: args, ...(meta ? { _meta: meta } : {}) },
  };
}

function openGet(
  url: string,
  sessionId: string,
  lastEventId?: string,
  signal?: AbortSignal,
): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'text/event-stream',
    'mcp-session-id': sessionId,
    'mcp-protocol-version': '2025-11-25',
  };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  return fetch(url, { headers, ...(signal === undefined ? {} : { signal }) });
}

describe('sessions', () => {
  it('answers initialize with a fresh 128-bit session id of visible ASCII', async () => {
    const { url, handler } = await start();
    const first = await openSession(url);
    const second = await openSession(url);
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second).not.toBe(first);
    expect(handler.stats).toMatchObject({ sessions: 2, sessionsCreated: 2 });
  });

  it('requires a session id after initialize (400) and refuses unknown ones (404)', async () => {
    const { url } = await start();
    const missing = await post(url, callBody(1, 'echo', { text: 'x' }), legacyHeaders());
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toContain('Mcp-Session-Id');
    const unknown = await post(url, callBody(1, 'echo', { text: 'x' }), legacyHeaders('not-a-session'));
    expect(unknown.status).toBe(404);
  });

  it('ends a session on DELETE (204); its id then answers 404', async () => {
    const { url, handler } = await start();
    const sessionId = await openSession(url);
    const deleted = await fetch(url, { method: 'DELETE', headers: legacyHeaders(sessionId) });
    expect(deleted.status).toBe(204);
    expect(handler.stats.sessions).toBe(0);
    expect((await post(url, callBody(1, 'echo', { text: 'x' }), legacyHeaders(sessionId))).status).toBe(404);
    expect((await fetch(url, { method: 'DELETE', headers: legacyHeaders(sessionId) })).status).toBe(404);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(400);
  });

  it("drops a session's stored events when it is deleted, so its heap goes with it", async () => {
    const eventStore = new InMemoryEventStore();
    const { url } = await start({ eventStore });
    const sessions: string[] = [];
    for (let i = 0; i < 3; i++) {
      const sessionId = await openSession(url);
      sessions.push(sessionId);
      const answer = await post(
        url,
        callBody(1, 'echo', { text: 'y'.repeat(100_000) }),
        legacyHeaders(sessionId),
      );
      await new SseReader(answer).rest();
    }
    // Two streams a session: the initialize answer and the call's.
    expect(eventStore.size).toBe(6);
    expect(eventStore.bytes).toBeGreaterThan(300_000);
    for (const sessionId of sessions) {
      expect((await fetch(url, { method: 'DELETE', headers: legacyHeaders(sessionId) })).status).toBe(204);
    }
    expect(eventStore.size).toBe(0);
    expect(eventStore.bytes).toBe(0);
  });

  it('binds a session to the principal that opened it: another principal gets 404', async () => {
    const { url } = await start({
      authenticate: ({ header }) => {
        const user = header('x-user');
        if (user === undefined) throw new HttpAuthError('who are you?');
        return { subject: user };
      },
    });
    const sessionId = await openSession(url, {}, { 'x-user': 'alice' });
    const body = callBody(1, 'echo', { text: 'x' });
    const bob = await post(url, body, { ...legacyHeaders(sessionId), 'x-user': 'bob' });
    expect(bob.status).toBe(404);
    const bobGet = await fetch(url, {
      headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId, 'x-user': 'bob' },
    });
    expect(bobGet.status).toBe(404);
    const alice = await post(url, body, { ...legacyHeaders(sessionId), 'x-user': 'alice' });
    expect(alice.status).toBe(200);
    await alice.body?.cancel();
  });

  it('answers initialize beyond the session cap 503 with Retry-After when no session is idle', async () => {
    const { url, handler } = await start({ maxSessions: 1 });
    const sessionId = await openSession(url);
    const abort = new AbortController();
    const stream = await openGet(url, sessionId, undefined, abort.signal);
    expect(stream.status).toBe(200);
    const refused = await post(url, initializeBody(), legacyHeaders());
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(handler.stats).toMatchObject({ sessions: 1, sessionsCreated: 1, refusedSessions: 1 });
    abort.abort();
  });

  it('at the session cap evicts the least recently used idle session instead of refusing', async () => {
    const { url, handler } = await start({ maxSessions: 2 });
    const first = await openSession(url);
    const second = await openSession(url);
    // The first is used again: the second is now the least recently used.
    const touched = await post(url, callBody(1, 'echo', { text: 'x' }), legacyHeaders(first));
    await new SseReader(touched).rest();
    const third = await openSession(url);
    expect((await post(url, callBody(2, 'echo', { text: 'x' }), legacyHeaders(second))).status).toBe(404);
    for (const sessionId of [first, third]) {
      const answer = await post(url, callBody(3, 'echo', { text: 'x' }), legacyHeaders(sessionId));
      expect(answer.status).toBe(200);
      await new SseReader(answer).rest();
    }
    expect(handler.stats).toMatchObject({
      sessions: 2,
      sessionsCreated: 3,
      sessionsEvicted: 1,
      refusedSessions: 0,
    });
  });

  it('refuses a protocol-version header this era does not have (400)', async () => {
    const { url } = await start();
    const sessionId = await openSession(url);
    const response = await post(url, callBody(1, 'echo', { text: 'x' }), {
      ...legacyHeaders(sessionId),
      'mcp-protocol-version': '1999-01-01',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('1999-01-01');
  });

  it('leaves no session behind when initialize fails', async () => {
    const { url, handler } = await start();
    const bad = { jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25' } };
    const response = await post(url, bad, legacyHeaders());
    const sessionId = response.headers.get('mcp-session-id')!;
    const [answer] = await new SseReader(response).rest();
    expect(answer.error.code).toBe(-32602);
    await expect.poll(() => handler.stats.sessions).toBe(0);
    expect((await post(url, callBody(1, 'echo', { text: 'x' }), legacyHeaders(sessionId))).status).toBe(404);
  });

  it('refuses a request id already in flight in the session (409)', async () => {
    const server = testServer();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.registerTool('hold', {}, async () => {
      await gate;
      return { content: [] };
    });
    const { url } = await start({ server });
    const sessionId = await openSession(url);
    // A long string id: the answer echoes it as its id, but its message names only an excerpt.
    const id = `r-${'7'.repeat(100_000)}`;
    const first = await post(url, callBody(id, 'hold'), legacyHeaders(sessionId));
    const duplicate = await post(url, callBody(id, 'echo', { text: 'x' }), legacyHeaders(sessionId));
    expect(duplicate.status).toBe(409);
    const refused = await duplicate.json();
    expect(refused.id).toBe(id);
    expect(refused.error.message.length).toBeLessThan(400);
    release();
    expect((await new SseReader(first).rest()).at(-1)).toMatchObject({ id, result: {} });
  });
});

describe('POST streams', () => {
  it('opens each request stream with a priming event (id, retry, empty data), then the response', async () => {
    const { url } = await start({ sseRetryMs: 2500 });
    const sessionId = await openSession(url);
    const response = await post(url, callBody(1, 'echo', { text: 'hi' }), legacyHeaders(sessionId));
    const reader = new SseReader(response);
    const priming = await reader.next();
    expect(priming).toMatchObject({ data: '', id: expect.stringMatching(/./) });
    expect(reader.retry).toBe(2500);
    const answer = await reader.nextMessage();
    expect(answer?.message).toMatchObject({ id: 1, result: { content: [{ text: 'hi' }] } });
    expect(answer?.id).not.toBe(priming?.id);
    expect(await reader.next()).toBeUndefined();
  });

  it('carries a server request on the POST stream and takes the client answer as a POST (202)', async () => {
    const { url } = await start();
    const sessionId = await openSession(url, { sampling: {} });
    const response = await post(url, callBody(3, 'sample'), legacyHeaders(sessionId));
    const reader = new SseReader(response);
    const asked = await reader.nextMessage();
    expect(asked?.message).toMatchObject({ method: 'sampling/createMessage', id: expect.anything() });
    const answer = await post(
      url,
      {
        jsonrpc: '2.0',
        id: asked?.message.id,
        result: { role: 'assistant', content: { type: 'text', text: 'pong' }, model: 'test' },
      },
      legacyHeaders(sessionId),
    );
    expect(answer.status).toBe(202);
    expect((await reader.nextMessage())?.message).toMatchObject({
      id: 3,
      result: { content: [{ text: 'sampled pong' }] },
    });
  });

  it('answers in one JSON body with enableJsonResponse', async () => {
    const { url } = await start({ enableJsonResponse: true });
    const init = await post(url, initializeBody(), legacyHeaders());
    expect(init.headers.get('content-type')).toBe('application/json');
    const sessionId = init.headers.get('mcp-session-id')!;
    expect((await init.json()).result.serverInfo.name).toBe('http-test');
    const response = await post(url, callBody(2, 'echo', { text: 'json' }), legacyHeaders(sessionId));
    expect(await response.json()).toMatchObject({ id: 2, result: { content: [{ text: 'json' }] } });
  });

  it('gives two sessions using the same request id concurrently their own results', async () => {
    const { url } = await start();
    const [a, b] = await Promise.all([openSession(url), openSession(url)]);
    const [slow, fast] = await Promise.all([
      post(url, callBody(1, 'progress', { steps: 40 }, { progressToken: 1 }), legacyHeaders(a)).then((r) =>
        new SseReader(r).rest(),
      ),
      post(url, callBody(1, 'echo', { text: 'b' }), legacyHeaders(b)).then((r) => new SseReader(r).rest()),
    ]);
    expect(fast).toEqual([
      expect.objectContaining({
        id: 1,
        result: expect.objectContaining({ content: [{ type: 'text', text: 'b' }] }),
      }),
    ]);
    expect(slow).toHaveLength(41);
    expect(slow.at(-1)).toMatchObject({ id: 1, result: { content: [{ text: 'done 40' }] } });
  });

  it('ends the stream of a request the client cancelled', async () => {
    const server = testServer();
    server.registerTool(
      'forever',
      {},
      (_args, ctx) =>
        new Promise<ToolResult>((_resolve, reject) =>
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
        ),
    );
    const { url } = await start({ server });
    const sessionId = await openSession(url);
    const response = await post(url, callBody(9, 'forever'), legacyHeaders(sessionId));
    const reader = new SseReader(response);
    await reader.next();
    await post(
      url,
      { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 9 } },
      legacyHeaders(sessionId),
    );
    expect(await reader.rest()).toEqual([]);
  });
});

describe('the GET stream', () => {
  it('allows one GET stream per session (409 for a second), and a new one once it closed', async () => {
    const { url, handler } = await start();
    const sessionId = await openSession(url);
    const controller = new AbortController();
    const first = await openGet(url, sessionId, undefined, controller.signal);
    expect(first.status).toBe(200);
    const reader = new SseReader(first);
    expect((await reader.next())?.data).toBe('');
    expect((await openGet(url, sessionId)).status).toBe(409);
    controller.abort();
    await expect.poll(() => handler.stats.openStreams).toBe(0);
    const again = await openGet(url, sessionId);
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });

  it('carries messages unrelated to any request', async () => {
    const { listener, server } = await startWithServer();
    const sessionId = await openSession(listener.url);
    const reader = new SseReader(await openGet(listener.url, sessionId));
    await reader.next();
    server.sendLoggingMessage({ level: 'info', data: 'unrelated' });
    expect((await reader.nextMessage())?.message).toMatchObject({
      method: 'notifications/message',
      params: { data: 'unrelated' },
    });
    await reader.cancel();
  });
});

describe('resumability', () => {
  it('replays exactly the events a dropped GET stream missed, then goes on live', async () => {
    const { listener, server } = await startWithServer();
    const { url } = listener;
    const sessionId = await openSession(url);
    const controller = new AbortController();
    const reader = new SseReader(await openGet(url, sessionId, undefined, controller.signal));
    await reader.next();
    server.sendLoggingMessage({ level: 'info', data: 'one' });
    const one = await reader.nextMessage();
    expect(one?.message.params.data).toBe('one');
    controller.abort();
    await expect.poll(() => listener.handler.stats.openStreams).toBe(0);
    server.sendLoggingMessage({ level: 'info', data: 'two' });
    server.sendLoggingMessage({ level: 'info', data: 'three' });
    await sleep(10);
    const resumed = new SseReader(await openGet(url, sessionId, one!.id));
    expect((await resumed.nextMessage())?.message.params.data).toBe('two');
    expect((await resumed.nextMessage())?.message.params.data).toBe('three');
    server.sendLoggingMessage({ level: 'info', data: 'four' });
    expect((await resumed.nextMessage())?.message.params.data).toBe('four');
    await resumed.cancel();
  });

  it('delivers what was sent while no GET stream was open to the next one', async () => {
    const { listener, server } = await startWithServer();
    const sessionId = await openSession(listener.url);
    server.sendLoggingMessage({ level: 'info', data: 'early' });
    await sleep(10);
    const reader = new SseReader(await openGet(listener.url, sessionId));
    expect((await reader.nextMessage())?.message.params.data).toBe('early');
    await reader.cancel();
  });

  it('gives handlers the HTTP request as ctx.requestInfo: headers, URL, and both in JSON', async () => {
    const server = testServer();
    server.registerTool('where', {}, (_args, ctx) => {
      const info = ctx.requestInfo!;
      const text = [
        String(info.headers['x-trace']),
        info.url?.pathname ?? 'no url',
        info.url?.searchParams.get('tenant') ?? 'no tenant',
        JSON.stringify(info),
      ].join('|');
      return { content: [{ type: 'text', text }] };
    });
    const { url } = await start({ server });
    const sessionId = await openSession(url);
    const reader = new SseReader(
      await post(`${url}?tenant=t1`, callBody(1, 'where'), { ...legacyHeaders(sessionId), 'x-trace': 'abc' }),
    );
    const [response] = await reader.rest();
    const [trace, path, tenant, json] = (
      response as { result: { content: { text: string }[] } }
    ).result.content[0]!.text.split('|');
    expect([trace, path, tenant]).toEqual(['abc', '/mcp', 't1']);
    expect(JSON.parse(json!)).toMatchObject({ headers: { 'x-trace': 'abc' }, url: `${url}?tenant=t1` });
  });

  it('lets a tool close its POST stream early (SSE polling); the client resumes and gets the response', async () => {
    let listener: StreamableHttpListener | undefined;
    const server = testServer();
    server.registerTool('poll', {}, async (_args, ctx) => {
      const sessionId = ctx.requestInfo?.headers['mcp-session-id'] as string;
      expect(listener!.handler.closeSseStream(sessionId, ctx.requestId)).toBe(true);
      await sleep(20);
      return { content: [{ type: 'text', text: 'after the gap' }] };
    });
    listener = await start({ server });
    const sessionId = await openSession(listener.url);
    const reader = new SseReader(await post(listener.url, callBody(1, 'poll'), legacyHeaders(sessionId)));
    const priming = await reader.next();
    expect(await reader.next()).toBeUndefined();
    const resumed = new SseReader(await openGet(listener.url, sessionId, priming!.id));
    expect(await resumed.rest()).toEqual([
      expect.objectContaining({
        id: 1,
        result: expect.objectContaining({ content: [{ type: 'text', text: 'after the gap' }] }),
      }),
    ]);
  });

  it('answers an unknown, foreign or malformed Last-Event-ID 400 and replays nothing', async () => {
    const { url } = await start();
    const alice = await openSession(url);
    const bob = await openSession(url);
    const bobStream = new SseReader(
      await post(url, callBody(1, 'echo', { text: 'secret' }), legacyHeaders(bob)),
    );
    const bobPriming = await bobStream.next();
    await bobStream.rest();
    for (const lastEventId of [bobPriming!.id!, 'nonsense', `${alice}.99/1`]) {
      const response = await openGet(url, alice, lastEventId);
      expect(response.status, lastEventId).toBe(400);
      expect(await response.text()).not.toContain('secret');
    }
  });
});

describe('robustness', () => {
  it('keeps serving after a DELETE during a call: the call is aborted and its stream ends', async () => {
    const server = testServer();
    let aborted = false;
    server.registerTool(
      'long',
      {},
      (_args, ctx) =>
        new Promise<ToolResult>((_resolve, reject) =>
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            reject(ctx.signal.reason);
          }),
        ),
    );
    const { url } = await start({ server });
    const sessionId = await openSession(url);
    const reader = new SseReader(await post(url, callBody(1, 'long'), legacyHeaders(sessionId)));
    await reader.next();
    expect((await fetch(url, { method: 'DELETE', headers: legacyHeaders(sessionId) })).status).toBe(204);
    expect(await reader.rest()).toEqual([]);
    expect(aborted).toBe(true);
    const next = await openSession(url);
    const ok = await post(url, callBody(2, 'echo', { text: 'alive' }), legacyHeaders(next));
    expect((await new SseReader(ok).rest())[0].result.content[0].text).toBe('alive');
  });

  it('keeps serving after a client resets its socket mid-stream', async () => {
    const { url, handler } = await start();
    const sessionId = await openSession(url);
    const target = new URL(url);
    await new Promise<void>((resolve) => {
      const req = request(
        {
          hostname: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: legacyHeaders(sessionId),
        },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', () => {});
      req.end(JSON.stringify(callBody(1, 'progress', { steps: 200 }, { progressToken: 1 })));
    });
    await expect.poll(() => handler.stats.openStreams).toBe(0);
    const ok = await post(url, callBody(2, 'echo', { text: 'alive' }), legacyHeaders(sessionId));
    expect((await new SseReader(ok).rest())[0].result.content[0].text).toBe('alive');
  });

  it('keeps serving after a client aborts a POST', async () => {
    const { url } = await start();
    const sessionId = await openSession(url);
    const controller = new AbortController();
    const response = await post(
      url,
      callBody(1, 'progress', { steps: 100 }, { progressToken: 1 }),
      legacyHeaders(sessionId),
      controller.signal,
    );
    await new SseReader(response).next();
    controller.abort();
    const again = await raw(url, {
      headers: legacyHeaders(sessionId),
      body: JSON.stringify(callBody(2, 'echo', { text: 'ok' })),
    });
    expect(again.status).toBe(200);
    expect(again.text).toContain('"text":"ok"');
  });
});

describe('sessions per principal (maxSessionsPerPrincipal)', () => {
  const authenticate: ListenStreamableHttpOptions['authenticate'] = ({ header }) => {
    const user = header('x-user');
    return user === undefined ? undefined : { subject: user };
  };
  const echo = (id: number) => callBody(id, 'echo', { text: 'x' });

  it("evicts the principal's least recently used idle session; its id answers 404, the others work", async () => {
    const { url, handler } = await start({ authenticate, maxSessionsPerPrincipal: 2 });
    const alice = { 'x-user': 'alice' };
    const first = await openSession(url, {}, alice);
    const second = await openSession(url, {}, alice);
    await new SseReader(await post(url, echo(1), { ...legacyHeaders(first), ...alice })).rest();
    const third = await openSession(url, {}, alice);
    expect((await post(url, echo(2), { ...legacyHeaders(second), ...alice })).status).toBe(404);
    for (const sessionId of [first, third]) {
      const answer = await post(url, echo(3), { ...legacyHeaders(sessionId), ...alice });
      expect(answer.status).toBe(200);
      await new SseReader(answer).rest();
    }
    expect(handler.stats).toMatchObject({ sessions: 2, sessionsEvicted: 1, refusedSessions: 0 });
  });

  it("refuses 429 with Retry-After when all of the principal's sessions are busy; another principal is unaffected", async () => {
    const { url, handler } = await start({ authenticate, maxSessionsPerPrincipal: 2 });
    const alice = { 'x-user': 'alice' };
    const abort = new AbortController();
    const sessions = [await openSession(url, {}, alice), await openSession(url, {}, alice)];
    for (const sessionId of sessions) {
      const stream = await fetch(url, {
        headers: { ...legacyHeaders(sessionId), accept: 'text/event-stream', ...alice },
        signal: abort.signal,
      });
      expect(stream.status).toBe(200);
    }
    const refused = await post(url, initializeBody(), { ...legacyHeaders(), ...alice });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await refused.json();
    expect(body.id).toBe(0);
    expect(body.error.data).toEqual({ limit: { name: 'maxSessionsPerPrincipal', value: 2 } });
    // Bob has sessions of his own, and alice's busy ones were left alone.
    await openSession(url, {}, { 'x-user': 'bob' });
    expect(handler.stats).toMatchObject({ sessions: 3, sessionsEvicted: 0, refusedSessions: 1 });
    abort.abort();
  });

  it('caps anonymous clients per address', async () => {
    const { url, handler } = await start({ maxSessionsPerPrincipal: 2 });
    const sessions: string[] = [];
    for (let i = 0; i < 5; i++) sessions.push(await openSession(url));
    // Every test client comes from 127.0.0.1: the oldest three were evicted one by one.
    expect(handler.stats).toMatchObject({ sessions: 2, sessionsCreated: 5, sessionsEvicted: 3 });
    expect((await post(url, echo(1), legacyHeaders(sessions[0]))).status).toBe(404);
    const newest = await post(url, echo(1), legacyHeaders(sessions[4]));
    expect(newest.status).toBe(200);
    await new SseReader(newest).rest();
  });
});
