import { describe, expect, it } from 'vitest';
import { ProtocolEngine } from '../src/engine/engine.js';
import type { EngineTimers } from '../src/engine/options.js';
import { type TransportError, TransportErrorCode } from '../src/errors.js';
import type { JSONRPCMessage } from '../src/jsonrpc.js';
import { deferred, expectEmpty, flush, linked, scripted, track } from './support/engine-harness.js';
import { FakeTransport } from './support/fake-transport.js';

describe('ProtocolEngine lifecycle', () => {
  it('close() rejects every pending request at once, aborts handlers and leaves nothing behind', async () => {
    const { engine, transport, peerRequest, closes } = await scripted();
    const calls = [track(engine.request('a')), track(engine.request('b')), track(engine.request('c'))];
    let handlerSignal: AbortSignal | undefined;
    engine.setRequestHandler('slow', (_params, ctx) => {
      handlerSignal = ctx.signal;
      return new Promise(() => {});
    });
    peerRequest('in-1', 'slow');
    expect(engine.debugCounts()).toMatchObject({ pendingRequests: 3, runningHandlers: 1, timerArmed: true });

    await engine.close();
    await flush();
    expect(calls.map((c) => (c.error as TransportError).code)).toEqual([
      TransportErrorCode.Closed,
      TransportErrorCode.Closed,
      TransportErrorCode.Closed,
    ]);
    expect(calls.map((c) => (c.error as TransportError).details.requestId)).toEqual([1, 2, 3]);
    expect(handlerSignal?.aborted).toBe(true);
    expect(handlerSignal?.reason).toMatchObject({ code: TransportErrorCode.Closed });
    expectEmpty(engine);
    expect(closes()).toBe(1);
    expect(transport.closed).toBe(true);

    const sentBefore = transport.sent.length;
    await expect(engine.request('after')).rejects.toMatchObject({ code: TransportErrorCode.Closed });
    await expect(engine.notify('after')).rejects.toMatchObject({ code: TransportErrorCode.Closed });
    expect(transport.sent).toHaveLength(sentBefore);
    await engine.close(); // idempotent
    expect(closes()).toBe(1);
  });

  it('tears down the same way when the transport closes, firing onclose once', async () => {
    const { engine, transport, closes } = await scripted();
    const call = track(engine.request('a'));
    await transport.close();
    await flush();
    expect(call.error).toMatchObject({
      code: TransportErrorCode.Closed,
      details: { requestId: 1, method: 'a' },
    });
    expectEmpty(engine);
    await engine.close();
    expect(closes()).toBe(1);
  });

  it('drops a handler result that arrives after close', async () => {
    const { engine, transport, peerRequest } = await scripted();
    const gate = deferred<void>();
    engine.setRequestHandler('slow', async () => {
      await gate.promise;
      return {};
    });
    peerRequest(1, 'slow');
    await engine.close();
    gate.resolve();
    await flush();
    expect(transport.sent).toEqual([]);
    expectEmpty(engine);
  });

  it('refuses request() before connect, and a second connect while connected', async () => {
    const engine = new ProtocolEngine();
    await expect(engine.request('a')).rejects.toMatchObject({ code: TransportErrorCode.NotStarted });
    await engine.connect(new FakeTransport());
    await expect(engine.connect(new FakeTransport())).rejects.toMatchObject({
      code: TransportErrorCode.AlreadyStarted,
    });
    await engine.close();
  });

  it('may connect again after close, keeping ids increasing and ignoring the old transport', async () => {
    const { engine, transport: first, peerRespond } = await scripted();
    track(engine.request('a'));
    await engine.close();
    const second = new FakeTransport();
    await engine.connect(second);
    const call = track(engine.request('b'));
    expect(second.messages[0]).toMatchObject({ id: 2 });
    peerRespond(2); // through the old transport: closed, never delivered
    first.onmessage?.({ jsonrpc: '2.0', id: 2, result: { stale: true } });
    await flush();
    expect(call.settled).toBe(false);
    second.receive({ jsonrpc: '2.0', id: 2, result: { fresh: true } });
    await flush();
    expect(call.value).toEqual({ fresh: true });
    await engine.close();
  });

  it('installs its callbacks before start(), so messages flushed by start() are handled', async () => {
    const transport = new FakeTransport();
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'ping' }); // queued: not started yet
    const engine = new ProtocolEngine();
    await engine.connect(transport);
    expect(transport.messages).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
    await engine.close();
  });

  it('chains callbacks that were already on the transport', async () => {
    const transport = new FakeTransport();
    const seen: string[] = [];
    transport.onmessage = () => seen.push('message');
    transport.onclose = () => seen.push('close');
    const engine = new ProtocolEngine();
    engine.onclose = () => seen.push('engine close');
    await engine.connect(transport);
    transport.receive({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await transport.close();
    expect(seen).toEqual(['message', 'close', 'engine close']);
  });

  it('lets the armed timer stop keeping the process alive while nothing is pending', async () => {
    const handles: { hasRef(): boolean }[] = [];
    const timers: EngineTimers = {
      setTimeout: (callback, ms) => {
        const handle = setTimeout(callback, ms);
        handles.push(handle);
        return handle;
      },
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => performance.now(),
    };
    const engine = new ProtocolEngine({ timers });
    const transport = new FakeTransport();
    await engine.connect(transport);
    const call = engine.request('a');
    expect(handles).toHaveLength(1);
    expect(handles[0]!.hasRef()).toBe(true);
    transport.receive({ jsonrpc: '2.0', id: 1, result: {} });
    await call;
    expect(handles[0]!.hasRef()).toBe(false);
    track(engine.request('b'));
    expect(handles[0]!.hasRef()).toBe(true);
    expect(handles).toHaveLength(1);
    await engine.close();
    expect(engine.debugCounts().timerArmed).toBe(false);
  });
});

describe('ProtocolEngine between two engines', () => {
  it('lets a handler call back into the peer (nested request) without deadlock, related to its request', async () => {
    const { a, b, tb } = await linked({ maxConcurrentHandlers: 1 });
    a.setRequestHandler('roots/list', () => ({ roots: [{ uri: 'file:///r' }] }));
    b.setRequestHandler('tools/call', async (_params, ctx) => {
      const roots = await ctx.request('roots/list');
      await ctx.notify('notifications/message', { level: 'info', data: 'listed' });
      return { content: [], roots };
    });
    const result = await a.request('tools/call', { name: 't' });
    expect(result).toEqual({ content: [], roots: { roots: [{ uri: 'file:///r' }] } });
    const nested = tb.sent.filter((s) => 'method' in s.message);
    expect(nested.map((s) => [(s.message as { method: string }).method, s.options])).toEqual([
      ['roots/list', { relatedRequestId: 1 }],
      ['notifications/message', { relatedRequestId: 1 }],
    ]);
  });

  it('cancels a nested request when its parent request is cancelled', async () => {
    const { a, b } = await linked();
    let innerSignal: AbortSignal | undefined;
    a.setRequestHandler('inner', (_params, ctx) => {
      innerSignal = ctx.signal;
      return new Promise((_resolve, reject) =>
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
      );
    });
    const nestedOutcome = deferred<unknown>();
    b.setRequestHandler('outer', async (_params, ctx) => {
      try {
        return await ctx.request('inner');
      } catch (error) {
        nestedOutcome.resolve(error);
        throw error;
      }
    });
    const controller = new AbortController();
    const outer = track(a.request('outer', {}, { signal: controller.signal }));
    await flush();
    controller.abort('stop');
    await flush();
    expect(outer.error).toMatchObject({ code: TransportErrorCode.Cancelled });
    expect(await nestedOutcome.promise).toMatchObject({ code: TransportErrorCode.Cancelled });
    expect(innerSignal?.aborted).toBe(true);
    expectEmpty(a, true); // the lazy timer of the cancelled request is still armed, unreferenced
    expectEmpty(b, true);
    expect([a, b].map((e) => e.stats.lateResponses + e.stats.unknownResponses)).toEqual([0, 0]);
  });

  it('completes 100k sequential round trips without leaking entries or arming a timer per request', async () => {
    const { a, b, clock, errors } = await linked(undefined, { record: false });
    b.setRequestHandler('echo', (params) => ({ n: params?.['n'] }));
    let last: unknown;
    for (let n = 0; n < 100_000; n++) last = await a.request('echo', { n });
    expect(last).toEqual({ n: 99_999 });
    expect(clock.setTimeoutCalls).toBe(1);
    expect(errors).toEqual([]);
    expectEmpty(a, true); // the lazy timer stays armed (unreferenced) until its deadline
    expectEmpty(b);
    await a.close();
    expectEmpty(a);
  }, 60_000);

  it('answers and cancels in both directions with well-formed messages only', async () => {
    const { a, b, ta, tb, clock } = await linked();
    b.setRequestHandler('work', async (_params, ctx) => {
      await ctx.sendProgress(1, 2);
      return new Promise((_resolve, reject) =>
        ctx.signal.addEventListener('abort', () => reject(new Error('stopped'))),
      );
    });
    const progress: number[] = [];
    const call = track(
      a.request('work', {}, { timeoutMs: 100, onprogress: (p) => progress.push(p.progress) }),
    );
    await flush();
    clock.advance(100);
    await flush();
    expect(progress).toEqual([1]);
    expect(call.error).toMatchObject({ code: TransportErrorCode.RequestTimeout });
    const methods = (messages: JSONRPCMessage[]) =>
      messages.map((m) => ('method' in m ? m.method : 'response'));
    expect(methods(ta.messages)).toEqual(['work', 'notifications/cancelled']);
    expect(methods(tb.messages)).toEqual(['notifications/progress']);
    expectEmpty(b);
  });
});
