// The Fetch entry, driven with `new Request(...)` and no socket: both eras, Host from the URL,
// streamed bodies under the limit, slow readers (buffer cap), keep-alives and idle sessions on an
// injected clock, and shutdown.
import { TransportErrorCode } from '@mcpwire/protocol-core';
import type { ToolResult } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createStreamableHttpWebHandler,
  type StreamableHttpServerOptions,
  type StreamableHttpWebHandler,
} from '../src/fetch.js';
import {
  ACCEPT_BOTH,
  initializeBody,
  LEGACY,
  legacyHeaders,
  ManualIntervals,
  modernHeaders,
  modernRequest,
  SseReader,
  testServer,
} from './server-support/http.js';

const URL_ = 'http://localhost/mcp';
const handlers: StreamableHttpWebHandler[] = [];

afterEach(async () => {
  for (const handler of handlers.splice(0)) await handler.close();
});

function create(options?: Partial<StreamableHttpServerOptions>): StreamableHttpWebHandler {
  const handler = createStreamableHttpWebHandler({ server: testServer(), ...options });
  handlers.push(handler);
  return handler;
}

function postRequest(body: unknown, headers: Record<string, string>, init?: RequestInit): Request {
  return new Request(URL_, { method: 'POST', headers, body: JSON.stringify(body), ...init });
}

async function openSession(handler: StreamableHttpWebHandler): Promise<string> {
  const init = await handler.handleRequest(postRequest(initializeBody(), legacyHeaders()));
  const sessionId = init.headers.get('mcp-session-id')!;
  await new SseReader(init).rest();
  await handler.handleRequest(
    postRequest({ jsonrpc: '2.0', method: 'notifications/initialized' }, legacyHeaders(sessionId)),
  );
  return sessionId;
}

function getRequest(sessionId: string, lastEventId?: string): Request {
  const headers: Record<string, string> = {
    accept: 'text/event-stream',
    'mcp-session-id': sessionId,
    'mcp-protocol-version': LEGACY,
  };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  return new Request(URL_, { headers });
}

describe('the Fetch handler', () => {
  it('serves a modern request as JSON', async () => {
    const handler = create();
    const body = modernRequest('tools/call', { name: 'echo', arguments: { text: 'web' } });
    const response = await handler.handleRequest(postRequest(body, modernHeaders(body)));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: { content: [{ type: 'text', text: 'web' }] } });
  });

  it('serves a legacy session over SSE', async () => {
    const handler = create();
    const sessionId = await openSession(handler);
    const call = {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'legacy' } },
    };
    const response = await handler.handleRequest(postRequest(call, legacyHeaders(sessionId)));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await new SseReader(response).rest()).toEqual([
      expect.objectContaining({
        id: 1,
        result: expect.objectContaining({ content: [{ type: 'text', text: 'legacy' }] }),
      }),
    ]);
  });

  it('checks the Host header, or the URL when there is none', async () => {
    const handler = create();
    const body = initializeBody();
    const byHeader = await handler.handleRequest(
      postRequest(body, { ...legacyHeaders(), host: 'evil.example.com' }),
    );
    expect(byHeader.status).toBe(403);
    const byUrl = await handler.handleRequest(
      new Request('http://evil.example.com/mcp', {
        method: 'POST',
        headers: legacyHeaders(),
        body: JSON.stringify(body),
      }),
    );
    expect(byUrl.status).toBe(403);
  });

  it('counts a streamed body without Content-Length and refuses it at the limit (413)', async () => {
    const handler = create({ maxBodyBytes: 100 });
    const chunk = new TextEncoder().encode('x'.repeat(60));
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: ACCEPT_BOTH },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await handler.handleRequest(request);
    expect(response.status).toBe(413);
    // An endless body: reading stopped right after the limit.
    expect(pulls).toBeLessThan(10);
  });

  it('aborts a modern handler when the request signal aborts', async () => {
    const server = testServer();
    let sawAbort = false;
    server.registerTool(
      'wait',
      {},
      (_args, ctx) =>
        new Promise<ToolResult>((resolve) =>
          ctx.signal.addEventListener('abort', () => {
            sawAbort = true;
            resolve({ content: [] });
          }),
        ),
    );
    const handler = create({ server });
    const controller = new AbortController();
    const body = modernRequest('tools/call', { name: 'wait', arguments: {} });
    const pending = handler.handleRequest(
      postRequest(body, modernHeaders(body), { signal: controller.signal }),
    );
    await expect.poll(() => handler.stats.modernInFlight).toBe(1);
    controller.abort();
    await expect.poll(() => sawAbort).toBe(true);
    await expect.poll(() => handler.stats.modernInFlight).toBe(0);
    void pending;
  });
});

describe('a client that does not read', () => {
  it('closes its stream at the buffer cap, reports it, and keeps the events for a resume', async () => {
    const server = testServer();
    const errors: Error[] = [];
    const handler = create({ server, maxStreamBufferBytes: 4096, onerror: (error) => errors.push(error) });
    const sessionId = await openSession(handler);
    const response = await handler.handleRequest(getRequest(sessionId));
    // Nobody reads `response.body`: the queue grows until the cap.
    const data = 'y'.repeat(1000);
    for (let i = 0; i < 10; i++) server.sendLoggingMessage({ level: 'info', data: `${i}:${data}` });
    await expect.poll(() => handler.stats.overflows).toBe(1);
    expect(handler.stats.openStreams).toBe(0);
    expect(errors).toEqual([expect.objectContaining({ code: TransportErrorCode.LimitExceeded })]);
    // The client reads late: what was queued arrives, then the end; it resumes from the last id it saw.
    const first = new SseReader(response);
    const seen: string[] = [];
    let lastId: string | undefined;
    for (let next = await first.nextMessage(); next !== undefined; next = await first.nextMessage()) {
      seen.push(next.message.params.data);
      lastId = next.id;
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(10);
    const again = new SseReader(await handler.handleRequest(getRequest(sessionId, lastId)));
    while (seen.length < 10) seen.push((await again.nextMessage())?.message.params.data);
    // Every message exactly once, in order.
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `${i}:${data}`));
    await again.cancel();
  });
});

describe('timers', () => {
  it('runs a keep-alive timer while a listen stream is open, and ends the listen when the client leaves', async () => {
    const timers = new ManualIntervals();
    const handler = create({ timers, keepAliveMs: 15_000 });
    const body = modernRequest('subscriptions/listen', { notifications: { toolsListChanged: true } });
    const reader = new SseReader(await handler.handleRequest(postRequest(body, modernHeaders(body))));
    expect((await reader.nextMessage())?.message.method).toBe('notifications/subscriptions/acknowledged');
    expect(timers.active).toBe(1);
    expect(handler.stats).toMatchObject({ modernInFlight: 1, openStreams: 1 });
    await reader.cancel();
    await expect.poll(() => timers.active).toBe(0);
    await expect.poll(() => handler.stats).toMatchObject({ modernInFlight: 0, openStreams: 0 });
  });

  it('writes exactly one keep-alive comment per interval', async () => {
    const timers = new ManualIntervals();
    const handler = create({ timers, keepAliveMs: 1000 });
    const body = modernRequest('subscriptions/listen', { notifications: { toolsListChanged: true } });
    const response = await handler.handleRequest(postRequest(body, modernHeaders(body)));
    const stream = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await stream.read()).value);
    expect(text).toContain('subscriptions/acknowledged');
    timers.advance(3000);
    text = '';
    while (!text.endsWith(':\n\n:\n\n:\n\n')) text += decoder.decode((await stream.read()).value);
    expect(text).toBe(':\n\n:\n\n:\n\n');
    await stream.cancel();
  });

  it('reclaims a session idle past the timeout, not one with an open stream', async () => {
    const timers = new ManualIntervals();
    const handler = create({ timers, now: () => timers.now, sessionIdleTimeoutMs: 60_000 });
    const idle = await openSession(handler);
    const watched = await openSession(handler);
    const stream = await handler.handleRequest(getRequest(watched));
    timers.advance(59_000);
    expect(handler.stats.sessions).toBe(2);
    timers.advance(20_000);
    expect(handler.stats).toMatchObject({ sessions: 1, sessionsExpired: 1 });
    const gone = await handler.handleRequest(getRequest(idle));
    expect(gone.status).toBe(404);
    await stream.body?.cancel();
    // With no session left the sweep timer stops.
    await handler.handleRequest(new Request(URL_, { method: 'DELETE', headers: legacyHeaders(watched) }));
    expect(timers.active).toBe(0);
  });
});

describe('close', () => {
  it('ends every session and stream, and answers 503 afterwards', async () => {
    const handler = create();
    const sessionId = await openSession(handler);
    const reader = new SseReader(await handler.handleRequest(getRequest(sessionId)));
    await reader.next();
    await handler.close();
    expect(await reader.rest()).toEqual([]);
    expect(handler.stats).toMatchObject({ sessions: 0, openStreams: 0 });
    const after = await handler.handleRequest(postRequest(initializeBody(), legacyHeaders()));
    expect(after.status).toBe(503);
  });
});
