import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProtocolError, TransportError, TransportErrorCode } from '../src/errors.js';
import type { JSONRPCRequest } from '../src/jsonrpc.js';
import { flush, scripted, track } from './support/engine-harness.js';

describe('ProtocolEngine.request: correlation', () => {
  it('generates increasing integer ids and matches responses out of order', async () => {
    const { engine, transport, peerRespond } = await scripted();
    const first = track(engine.request('a'));
    const second = track(engine.request('b', { x: 1 }));
    const third = track(engine.request('c'));
    const sent = transport.messages as JSONRPCRequest[];
    expect(sent.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(sent[1]).toEqual({ jsonrpc: '2.0', id: 2, method: 'b', params: { x: 1 } });
    expect('params' in sent[0]!).toBe(false);

    peerRespond(3, { n: 3 });
    peerRespond(1, { n: 1 });
    peerRespond(2, { n: 2 });
    await flush();
    expect([first.value, second.value, third.value]).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('compares ids by type and value: a response with id "1" does not answer request 1', async () => {
    const { engine, peerRespond, errors } = await scripted();
    const call = track(engine.request('a'));
    peerRespond('1', { wrong: true });
    await flush();
    expect(call.settled).toBe(false);
    expect(engine.stats.unknownResponses).toBe(1);
    expect(errors[0]).toMatchObject({ code: TransportErrorCode.InvalidMessage, details: { requestId: '1' } });

    peerRespond(1, { right: true });
    await flush();
    expect(call.value).toEqual({ right: true });
  });

  it('rejects with a ProtocolError carrying the peer error and the request id', async () => {
    const { engine, transport } = await scripted();
    const call = engine.request('tools/call');
    transport.receive({ jsonrpc: '2.0', id: 1, error: { code: -32602, message: 'bad', data: { at: 'x' } } });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: -32602, message: 'bad', data: { at: 'x' }, requestId: 1 });
  });

  it('drops late responses silently and unknown ones with a non-fatal report, counting each', async () => {
    const { engine, peerRespond, transport, errors } = await scripted();
    const call = engine.request('a');
    peerRespond(1);
    await call;
    peerRespond(1); // answered already: late
    peerRespond(99); // never sent: unknown
    transport.receive({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
    expect(engine.stats.lateResponses).toBe(1);
    expect(engine.stats.unknownResponses).toBe(2);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(TransportError);
    expect(errors[1]!.message).toContain('Parse error');
  });

  it('rejects with the transport error when send fails, and forgets the request', async () => {
    const { engine, transport } = await scripted();
    transport.failNextSend = new TransportError(TransportErrorCode.Write, 'pipe broke');
    await expect(engine.request('a')).rejects.toMatchObject({ code: TransportErrorCode.Write });
    expect(engine.debugCounts().pendingRequests).toBe(0);
  });
});

describe('ProtocolEngine.request: timeouts', () => {
  it('times out after 60 s by default, naming method, id and limit, and cancels at the peer', async () => {
    const { engine, clock, sentWithMethod } = await scripted();
    const call = track(engine.request('tools/call'));
    clock.advance(59_999);
    await flush();
    expect(call.settled).toBe(false);
    clock.advance(1);
    await flush();
    const error = call.error as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.code).toBe(TransportErrorCode.RequestTimeout);
    expect(error.details).toEqual({
      requestId: 1,
      method: 'tools/call',
      limit: { name: 'timeoutMs', value: 60_000 },
    });
    expect(error.message).toContain('"tools/call" (id 1)');
    expect(error.message).toContain('60000 ms');
    expect(sentWithMethod('notifications/cancelled')).toEqual([
      { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1, reason: error.message } },
    ]);
    expect(engine.debugCounts().pendingRequests).toBe(0);
  });

  it('restarts the timeout on each progress update', async () => {
    const { engine, clock, peerNotify } = await scripted();
    const updates: number[] = [];
    const call = track(
      engine.request('slow', {}, { timeoutMs: 1000, onprogress: (p) => updates.push(p.progress) }),
    );
    clock.advance(900);
    peerNotify('notifications/progress', { progressToken: 1, progress: 1 });
    clock.advance(900); // 1800 ms in total, 900 since the progress
    await flush();
    expect(call.settled).toBe(false);
    clock.advance(100);
    await flush();
    expect(call.error).toMatchObject({ code: TransportErrorCode.RequestTimeout });
    expect(updates).toEqual([1]);
  });

  it('does not restart the timeout when resetTimeoutOnProgress is false', async () => {
    const { engine, clock, peerNotify } = await scripted();
    const call = track(
      engine.request('slow', {}, { timeoutMs: 1000, resetTimeoutOnProgress: false, onprogress: () => {} }),
    );
    clock.advance(900);
    peerNotify('notifications/progress', { progressToken: 1, progress: 1 });
    clock.advance(100);
    await flush();
    expect(call.error).toMatchObject({ code: TransportErrorCode.RequestTimeout });
  });

  it('enforces maxTotalTimeoutMs even while progress keeps arriving', async () => {
    const { engine, clock, peerNotify } = await scripted();
    const call = track(
      engine.request('slow', {}, { timeoutMs: 1000, maxTotalTimeoutMs: 2500, onprogress: () => {} }),
    );
    for (let i = 1; i <= 3; i++) {
      clock.advance(800);
      peerNotify('notifications/progress', { progressToken: 1, progress: i });
    }
    await flush();
    expect(call.settled).toBe(false); // 2400 ms
    clock.advance(100);
    await flush();
    expect(call.error).toMatchObject({
      code: TransportErrorCode.RequestTimeout,
      details: { limit: { name: 'maxTotalTimeoutMs', value: 2500 } },
    });
  });

  it('uses one shared timer for many requests instead of one per request', async () => {
    const { engine, clock, peerRespond } = await scripted();
    const first = Array.from({ length: 100 }, (_, i) => track(engine.request('m', { i })));
    expect(clock.setTimeoutCalls).toBe(1);
    for (let id = 1; id <= 50; id++) peerRespond(id);
    clock.advance(30_000);
    const later = Array.from({ length: 50 }, () => track(engine.request('later')));
    expect(clock.setTimeoutCalls).toBe(1); // their deadline is after the armed one: nothing to do
    clock.advance(30_000);
    await flush();
    const timedOut = (c: { error: unknown }) =>
      (c.error as TransportError)?.code === TransportErrorCode.RequestTimeout;
    expect(first.slice(50).every(timedOut)).toBe(true);
    expect(later.some((c) => c.settled)).toBe(false);
    expect(engine.debugCounts()).toMatchObject({ pendingRequests: 50, timerArmed: true });
    clock.advance(30_000);
    await flush();
    expect(later.every(timedOut)).toBe(true);
    expect(engine.debugCounts()).toMatchObject({ pendingRequests: 0, timerArmed: false });
    expect(clock.setTimeoutCalls).toBe(2);
  });

  it('re-arms earlier for a shorter timeout and later for the rest', async () => {
    const { engine, clock } = await scripted();
    const long = track(engine.request('long'));
    const short = track(engine.request('short', {}, { timeoutMs: 1000 }));
    clock.advance(1000);
    await flush();
    expect(short.error).toMatchObject({ code: TransportErrorCode.RequestTimeout });
    expect(long.settled).toBe(false);
    expect(engine.debugCounts().timerArmed).toBe(true);
    clock.advance(59_000);
    await flush();
    expect(long.error).toMatchObject({ code: TransportErrorCode.RequestTimeout });
    expect(engine.debugCounts().timerArmed).toBe(false);
  });

  it('never expires a request with an infinite timeout', async () => {
    const { engine, clock } = await scripted();
    const call = track(
      engine.request('m', {}, { timeoutMs: Number.POSITIVE_INFINITY, maxTotalTimeoutMs: Infinity }),
    );
    expect(clock.armed).toBe(0);
    clock.advance(10 ** 9);
    await flush();
    expect(call.settled).toBe(false);
  });
});

describe('ProtocolEngine.request: cancellation', () => {
  it('sends notifications/cancelled on abort and rejects with Cancelled carrying the reason', async () => {
    const { engine, sentWithMethod, peerRespond, errors } = await scripted();
    const controller = new AbortController();
    const call = track(engine.request('tools/call', {}, { signal: controller.signal }));
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    await flush();
    expect(call.error).toMatchObject({ code: TransportErrorCode.Cancelled, details: { requestId: 1 } });
    expect((call.error as Error).cause).toBe(reason);
    expect(sentWithMethod('notifications/cancelled')).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: 1, reason: 'user pressed stop' },
      },
    ]);
    peerRespond(1); // the peer answered before it saw the cancel
    expect(engine.stats.lateResponses).toBe(1);
    expect(errors).toEqual([]);
  });

  it('rejects at once and sends nothing when the signal is already aborted', async () => {
    const { engine, transport } = await scripted();
    const error = await engine
      .request('a', {}, { signal: AbortSignal.abort('nope') })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: TransportErrorCode.Cancelled, cause: 'nope' });
    expect(transport.sent).toEqual([]);
  });

  it('never sends a cancellation for initialize: it is rejected locally only', async () => {
    const { engine, clock, sentWithMethod } = await scripted();
    const controller = new AbortController();
    const aborted = track(engine.request('initialize', {}, { signal: controller.signal }));
    const timedOut = track(engine.request('initialize', {}, { timeoutMs: 10 }));
    controller.abort();
    clock.advance(10);
    await flush();
    expect(aborted.error).toMatchObject({ code: TransportErrorCode.Cancelled });
    expect(timedOut.error).toMatchObject({ code: TransportErrorCode.RequestTimeout });
    expect(sentWithMethod('notifications/cancelled')).toEqual([]);
  });
});

describe('ProtocolEngine.request: progress', () => {
  it('adds _meta.progressToken (the id) to a copy of the params, keeping other _meta keys', async () => {
    const { engine, transport } = await scripted();
    const params = { name: 'x', _meta: { trace: 't1' } };
    track(engine.request('tools/call', params, { onprogress: () => {} }));
    expect(transport.messages[0]).toEqual({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'x', _meta: { trace: 't1', progressToken: 1 } },
    });
    expect(params).toEqual({ name: 'x', _meta: { trace: 't1' } });
  });

  it('delivers increasing progress, drops stale and unknown ones', async () => {
    const { engine, peerNotify } = await scripted();
    const seen: unknown[] = [];
    track(engine.request('m', undefined, { onprogress: (p) => seen.push(p) }));
    track(engine.request('no-progress'));
    peerNotify('notifications/progress', { progressToken: 1, progress: 1, total: 10, message: 'one' });
    peerNotify('notifications/progress', { progressToken: 1, progress: 1 }); // not increasing
    peerNotify('notifications/progress', { progressToken: 1, progress: 0.5 }); // backwards
    peerNotify('notifications/progress', { progressToken: 1, progress: 2 });
    peerNotify('notifications/progress', { progressToken: '1', progress: 3 }); // wrong type of token
    peerNotify('notifications/progress', { progressToken: 2, progress: 1 }); // request without onprogress
    peerNotify('notifications/progress', { progressToken: 77, progress: 1 });
    expect(seen).toEqual([{ progress: 1, total: 10, message: 'one' }, { progress: 2 }]);
    expect(engine.stats.staleProgress).toBe(2);
    expect(engine.stats.unknownProgress).toBe(3);
  });
});

describe('ProtocolEngine.request: limits, capabilities, validation', () => {
  it('refuses requests beyond maxPendingRequests without sending them', async () => {
    const { engine, transport, peerRespond } = await scripted({ maxPendingRequests: 2 });
    track(engine.request('a'));
    track(engine.request('b'));
    const error = await engine.request('c').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: TransportErrorCode.TooManyPending,
      details: { method: 'c', limit: { name: 'maxPendingRequests', value: 2 } },
    });
    expect(transport.sent).toHaveLength(2);
    expect(engine.stats.rejectedByLimit).toBe(1);
    peerRespond(1);
    track(engine.request('d'));
    expect(transport.sent).toHaveLength(3);
  });

  it('checks assertCanSend before sending requests and notifications', async () => {
    const { engine, transport } = await scripted({
      assertCanSend: (method) => {
        if (method.startsWith('sampling/')) throw new Error('peer lacks sampling');
      },
    });
    const error = await engine.request('sampling/createMessage').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: TransportErrorCode.CapabilityMissing,
      details: { method: 'sampling/createMessage' },
    });
    expect((error as Error).message).toContain('peer lacks sampling');
    await expect(engine.notify('sampling/x')).rejects.toMatchObject({
      code: TransportErrorCode.CapabilityMissing,
    });
    expect(transport.sent).toEqual([]);
    track(engine.request('tools/list'));
    expect(transport.sent).toHaveLength(1);
  });

  it('refuses an invalid envelope or a failed validateOutgoing with SendValidation, sending nothing', async () => {
    const hookError = new Error('params.name is required');
    const { engine, transport } = await scripted({
      validateOutgoing: (message) => {
        if ('method' in message && message.method === 'tools/call') throw hookError;
      },
    });
    const bad = await engine.request('x', ['array'] as never).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: TransportErrorCode.SendValidation });
    expect((bad as Error).message).toContain('"params" must be an object');
    const hooked = await engine.request('tools/call', {}).catch((e: unknown) => e);
    expect(hooked).toMatchObject({
      code: TransportErrorCode.SendValidation,
      cause: hookError,
      details: { method: 'tools/call' },
    });
    await expect(engine.notify('n', 'text' as never)).rejects.toMatchObject({
      code: TransportErrorCode.SendValidation,
    });
    expect(transport.sent).toEqual([]);
    // A refused request consumes no id.
    track(engine.request('ok'));
    expect(transport.messages[0]).toMatchObject({ id: 1, method: 'ok' });
  });

  it('parses the result with resultSchema, rejecting a mismatch with InvalidMessage naming the path', async () => {
    const { engine, peerRespond } = await scripted();
    const schema = z.object({ count: z.number() }).transform((r) => ({ doubled: r.count * 2 }));
    const good = engine.request('a', {}, { resultSchema: schema });
    peerRespond(1, { count: 2 });
    await expect(good).resolves.toEqual({ doubled: 4 });
    const bad = engine.request('b', {}, { resultSchema: schema });
    peerRespond(2, { count: 'two' });
    const error = await bad.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({
      code: TransportErrorCode.InvalidMessage,
      details: { requestId: 2, method: 'b' },
    });
    expect((error as Error).message).toContain('count:');
  });
});
