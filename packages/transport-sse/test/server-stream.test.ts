// The event stream of a session, with a fake response and fake timers: keep-alive comments, send()
// waiting for drain, the buffer cap for a client that does not read, and a client that leaves.
import { type JSONRPCMessage, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { FakeTimers, TransportRecorder } from '@mcpwire/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSseHandler,
  type SseHandler,
  type SseServerOptions,
  type SseServerTransport,
} from '../src/index.js';
import { asResponse, FakeResponse, fakeRequest } from './support/fake-http.js';

const handlers: SseHandler[] = [];
afterEach(async () => {
  for (const handler of handlers.splice(0)) await handler.close();
});

const note = (pad: number): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'note',
  params: { pad: 'x'.repeat(pad) },
});

/** A handler with one open stream on `res`, its session started and recorded. */
async function openSession(
  res: FakeResponse,
  options: Omit<SseServerOptions, 'server'> = {},
): Promise<{ handler: SseHandler; transport: SseServerTransport; recorder: TransportRecorder }> {
  let handed!: (transport: SseServerTransport) => void;
  const connected = new Promise<SseServerTransport>((resolve) => {
    handed = resolve;
  });
  const handler = createSseHandler({ ...options, server: (transport) => handed(transport) });
  handlers.push(handler);
  expect(handler.handleNode(fakeRequest('GET', '/sse'), asResponse(res))).toBe(true);
  const transport = await connected;
  const recorder = new TransportRecorder(transport);
  await transport.start();
  return { handler, transport, recorder };
}

describe('keep-alive', () => {
  it('writes ": keep-alive" every keepAliveMs on the injected clock, and stops with the stream', async () => {
    const timers = new FakeTimers();
    const res = new FakeResponse();
    const { transport } = await openSession(res, { keepAliveMs: 15_000, timers });
    const comments = () => res.written.split('\n\n').filter((block) => block === ': keep-alive').length;
    expect(res.written).toMatch(/^event: endpoint\ndata: \/messages\?sessionId=[^\n]+\n\n$/);
    timers.advance(14_999);
    expect(comments()).toBe(0);
    timers.advance(1);
    expect(comments()).toBe(1);
    timers.advance(30_000);
    expect(comments()).toBe(3);
    await transport.close();
    expect(timers.pending).toBe(0);
    timers.advance(60_000);
    expect(comments()).toBe(3);
  });

  it('keepAliveMs 0 sends none and arms no timer', async () => {
    const timers = new FakeTimers();
    const res = new FakeResponse();
    await openSession(res, { keepAliveMs: 0, timers });
    expect(timers.pending).toBe(0);
    timers.advance(3_600_000);
    expect(res.written).not.toContain('keep-alive');
  });
});

describe('backpressure and the buffer cap', () => {
  it('send() resolves at once below the high-water mark, and waits for drain above it', async () => {
    const res = new FakeResponse(0, 1000);
    const { transport } = await openSession(res, { keepAliveMs: 0 });
    await transport.send(note(10));
    let resolved = false;
    const waiting = transport.send(note(2000)).then(() => {
      resolved = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved).toBe(false);
    res.drain();
    await waiting;
    expect(resolved).toBe(true);
    expect(res.events().map((event) => event.event)).toEqual(['endpoint', 'message', 'message']);
  });

  it('past maxStreamBufferBytes the stream is cut and the session closed with LimitExceeded', async () => {
    const res = new FakeResponse(4096);
    const { handler, transport, recorder } = await openSession(res, {
      keepAliveMs: 0,
      maxStreamBufferBytes: 64 * 1024,
    });
    const sends: Promise<void>[] = [];
    // A server that does not wait for drain (notifications sent without await): the cap is what holds.
    for (let i = 0; i < 10 && !transport.closed; i++) sends.push(transport.send(note(10_000)));
    const outcomes = await Promise.allSettled(sends);
    expect(transport.closed).toBe(true);
    expect(res.destroyed).toBe(true);
    const last = outcomes.at(-1);
    expect(last?.status).toBe('rejected');
    expect((last as PromiseRejectedResult).reason).toMatchObject({ code: TransportErrorCode.LimitExceeded });
    expect(recorder.errors).toHaveLength(1);
    const error = recorder.errors[0] as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.code).toBe(TransportErrorCode.LimitExceeded);
    expect(error.details.limit).toEqual({ name: 'maxStreamBufferBytes', value: 64 * 1024 });
    expect(recorder.closeCount).toBe(1);
    expect(handler.stats).toMatchObject({ sessions: 0, overflows: 1 });
    await expect(transport.send(note(1))).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });
});

describe('a client that leaves', () => {
  it('closes the session once, and a send waiting for drain rejects with Closed', async () => {
    const res = new FakeResponse(0, 100);
    const { handler, transport, recorder } = await openSession(res, { keepAliveMs: 0 });
    const waiting = transport.send(note(500));
    res.leave();
    await expect(waiting).rejects.toMatchObject({ code: TransportErrorCode.Closed });
    expect(recorder.closeCount).toBe(1);
    expect(recorder.errors).toEqual([]);
    expect(handler.stats.sessions).toBe(0);
    await transport.close();
    expect(recorder.closeCount).toBe(1);
  });

  it('a session closed before it was started fires onclose at start, once', async () => {
    const res = new FakeResponse();
    let handed!: SseServerTransport;
    const handler = createSseHandler({
      server: (transport) => {
        handed = transport;
      },
    });
    handlers.push(handler);
    handler.handleNode(fakeRequest('GET', '/sse'), asResponse(res));
    await Promise.resolve();
    res.leave();
    const recorder = new TransportRecorder(handed);
    expect(recorder.closeCount).toBe(0);
    await handed.start();
    expect(recorder.closeCount).toBe(1);
  });
});

describe('parsed bodies (Express express.json())', () => {
  it('are accepted as they are, checked like raw ones', async () => {
    const res = new FakeResponse();
    const { handler, transport, recorder } = await openSession(res, { keepAliveMs: 0 });
    const answer = new FakeResponse();
    const url = `/messages?sessionId=${transport.sessionId}`;
    const message = { jsonrpc: '2.0', id: 1, method: 'ping' };
    handler.handleNode(fakeRequest('POST', url, '', {}), asResponse(answer), message);
    await recorder.waitForMessages(1);
    expect(answer.statusCode).toBe(202);
    expect(recorder.messages).toEqual([message]);
    const refused = new FakeResponse();
    handler.handleNode(fakeRequest('POST', url, '', {}), asResponse(refused), { jsonrpc: '2.0', id: 2 });
    await recorder.waitForErrors(1);
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.written)).toMatchObject({ id: 2, error: { code: -32600 } });
  });
});
