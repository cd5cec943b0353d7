import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HandlerContext } from '../src/engine/types.js';
import { ErrorCode } from '../src/error-codes.js';
import { ProtocolError, TransportError, TransportErrorCode } from '../src/errors.js';
import { deferred, flush, scripted } from './support/engine-harness.js';

describe('ProtocolEngine handlers: dispatch and errors', () => {
  it('answers a request with the handler result, routed with relatedRequestId', async () => {
    const { engine, peerRequest, transport } = await scripted();
    engine.setRequestHandler('tools/list', (params) => ({ tools: [], echo: params }));
    peerRequest(5, 'tools/list', { cursor: 'c' });
    await flush();
    expect(transport.sent).toEqual([
      {
        message: { jsonrpc: '2.0', id: 5, result: { tools: [], echo: { cursor: 'c' } } },
        options: { relatedRequestId: 5 },
      },
    ]);
  });

  it('answers ping with {} by default, and unknown methods with -32601', async () => {
    const { peerRequest, responsesFor } = await scripted();
    peerRequest(1, 'ping');
    peerRequest(2, 'nope/nothing');
    await flush();
    expect(responsesFor(1)).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
    expect(responsesFor(2)).toEqual([
      {
        jsonrpc: '2.0',
        id: 2,
        error: { code: ErrorCode.MethodNotFound, message: 'Method not found: nope/nothing' },
      },
    ]);
  });

  it('uses the fallback handler for methods without one, and removeRequestHandler removes one', async () => {
    const { engine, peerRequest, responsesFor } = await scripted();
    engine.setRequestHandler('x', () => ({ from: 'x' }));
    expect(engine.removeRequestHandler('x')).toBe(true);
    engine.fallbackRequestHandler = (_params, ctx) => ({ from: 'fallback', method: ctx.method });
    peerRequest(1, 'x');
    await flush();
    expect(responsesFor(1)).toEqual([{ jsonrpc: '2.0', id: 1, result: { from: 'fallback', method: 'x' } }]);
  });

  it('sends a thrown ProtocolError as is', async () => {
    const { engine, peerRequest, responsesFor, errors } = await scripted();
    engine.setRequestHandler('r', async () => {
      throw new ProtocolError(-32002, 'Resource not found', { uri: 'file:///x' });
    });
    peerRequest(1, 'r');
    await flush();
    expect(responsesFor(1)).toEqual([
      {
        jsonrpc: '2.0',
        id: 1,
        error: { code: -32002, message: 'Resource not found', data: { uri: 'file:///x' } },
      },
    ]);
    expect(errors).toEqual([]);
  });

  it('answers any other throw with a bare -32603 and reports the original locally', async () => {
    const { engine, peerRequest, responsesFor, errors } = await scripted();
    const secret = new Error('db password is hunter2');
    engine.setRequestHandler('sync', () => {
      throw secret;
    });
    engine.setRequestHandler('async', () => Promise.reject(secret));
    peerRequest(1, 'sync');
    peerRequest(2, 'async');
    await flush();
    for (const id of [1, 2]) {
      expect(responsesFor(id)).toEqual([
        { jsonrpc: '2.0', id, error: { code: ErrorCode.InternalError, message: 'Internal error' } },
      ]);
    }
    expect(JSON.stringify(responsesFor(1))).not.toContain('hunter2');
    expect(errors).toEqual([secret, secret]);
  });

  it('answers a non-object result with -32603 instead of sending it malformed', async () => {
    const { engine, peerRequest, responsesFor, errors } = await scripted();
    engine.setRequestHandler('arr', () => [1, 2] as never);
    engine.setRequestHandler('undef', async () => undefined as never);
    peerRequest(1, 'arr');
    peerRequest(2, 'undef');
    await flush();
    expect(responsesFor(1)).toEqual([
      { jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'Internal error' } },
    ]);
    expect(responsesFor(2)).toEqual([
      { jsonrpc: '2.0', id: 2, error: { code: -32603, message: 'Internal error' } },
    ]);
    expect(errors.map((e) => (e as TransportError).code)).toEqual([
      TransportErrorCode.SendValidation,
      TransportErrorCode.SendValidation,
    ]);
    expect(errors[0]!.message).toContain('an array');
  });

  it('answers -32603 when validateOutgoing refuses a result, and reports why', async () => {
    const { engine, peerRequest, responsesFor, errors } = await scripted({
      validateOutgoing: (message) => {
        if ('result' in message && 'tools' in message.result) throw new Error('tools[0].name missing');
      },
    });
    engine.setRequestHandler('tools/list', () => ({ tools: [{}] }));
    peerRequest(1, 'tools/list');
    await flush();
    expect(responsesFor(1)).toEqual([
      { jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'Internal error' } },
    ]);
    expect(errors[0]).toMatchObject({ code: TransportErrorCode.SendValidation, details: { requestId: 1 } });
    expect(errors[0]!.message).toContain('tools[0].name missing');
  });

  it('validates params with paramsSchema: -32602 naming the path, handler not called', async () => {
    const { engine, peerRequest, responsesFor } = await scripted();
    const seen: unknown[] = [];
    engine.setRequestHandler(
      'tools/call',
      (params, ctx) => {
        seen.push(params, ctx.meta);
        return {};
      },
      { paramsSchema: z.object({ name: z.string(), arguments: z.object({ n: z.number() }) }) },
    );
    peerRequest(1, 'tools/call', { name: 'add', arguments: { n: 'one' } });
    peerRequest(2, 'tools/call', { name: 'add', arguments: { n: 1 }, _meta: { progressToken: 'p' } });
    await flush();
    const [error] = responsesFor(1) as unknown as [
      { error: { code: number; message: string; data: unknown } },
    ];
    expect(error.error.code).toBe(ErrorCode.InvalidParams);
    expect(error.error.message).toContain('arguments.n:');
    expect(error.error.data).toMatchObject({ issues: [{ path: ['arguments', 'n'] }] });
    // The handler gets the schema's output (unknown keys stripped) and still sees the raw _meta.
    expect(seen).toEqual([{ name: 'add', arguments: { n: 1 } }, { progressToken: 'p' }]);
  });

  it('checks assertCanHandle before dispatch and sends its ProtocolError', async () => {
    let called = false;
    const { engine, peerRequest, responsesFor } = await scripted({
      assertCanHandle: (method) => {
        if (method === 'sampling/createMessage') {
          throw new ProtocolError(ErrorCode.MethodNotFound, 'Client does not support sampling');
        }
      },
    });
    engine.setRequestHandler('sampling/createMessage', () => {
      called = true;
      return {};
    });
    peerRequest(1, 'sampling/createMessage');
    await flush();
    expect(called).toBe(false);
    expect(responsesFor(1)).toEqual([
      { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Client does not support sampling' } },
    ]);
  });
});

describe('ProtocolEngine handlers: ids, duplicates, limits', () => {
  it('treats ids 1 and "1" as two requests', async () => {
    const { engine, peerRequest, responsesFor } = await scripted();
    const gate = deferred<void>();
    engine.setRequestHandler('m', async (params) => {
      await gate.promise;
      return { got: params?.['v'] };
    });
    peerRequest(1, 'm', { v: 'number' });
    peerRequest('1', 'm', { v: 'string' });
    gate.resolve();
    await flush();
    expect(responsesFor(1)).toEqual([{ jsonrpc: '2.0', id: 1, result: { got: 'number' } }]);
    expect(responsesFor('1')).toEqual([{ jsonrpc: '2.0', id: '1', result: { got: 'string' } }]);
  });

  it('answers a duplicate id in flight with -32600 and still answers the original exactly once', async () => {
    const { engine, peerRequest, responsesFor } = await scripted();
    const gate = deferred<void>();
    let runs = 0;
    engine.setRequestHandler('m', async () => {
      runs++;
      await gate.promise;
      return { ok: true };
    });
    peerRequest(7, 'm');
    peerRequest(7, 'm');
    await flush();
    expect(responsesFor(7)).toEqual([
      {
        jsonrpc: '2.0',
        id: 7,
        error: { code: ErrorCode.InvalidRequest, message: expect.stringContaining('7') },
      },
    ]);
    gate.resolve();
    await flush();
    expect(responsesFor(7)).toHaveLength(2);
    expect(responsesFor(7)[1]).toEqual({ jsonrpc: '2.0', id: 7, result: { ok: true } });
    expect(runs).toBe(1);
    // Once answered, the id may be seen again without being a duplicate.
    peerRequest(7, 'm');
    await flush();
    expect(runs).toBe(2);
    expect(engine.stats.duplicateRequests).toBe(1);
  });

  it('runs at most maxConcurrentHandlers at once, queues FIFO, and refuses beyond maxQueuedRequests', async () => {
    const { engine, peerRequest, responsesFor } = await scripted({
      maxConcurrentHandlers: 2,
      maxQueuedRequests: 2,
    });
    const gates = new Map<number, ReturnType<typeof deferred<void>>>();
    const started: number[] = [];
    engine.setRequestHandler('job', async (params) => {
      const n = params?.['n'] as number;
      started.push(n);
      const gate = deferred<void>();
      gates.set(n, gate);
      await gate.promise;
      return { n };
    });
    for (let n = 1; n <= 5; n++) peerRequest(n, 'job', { n });
    await flush();
    expect(started).toEqual([1, 2]);
    expect(engine.debugCounts()).toMatchObject({
      runningHandlers: 2,
      queuedRequests: 2,
      incomingRequests: 4,
    });
    expect(responsesFor(5)).toEqual([
      {
        jsonrpc: '2.0',
        id: 5,
        error: {
          code: ErrorCode.InternalError,
          message: expect.stringContaining('maxQueuedRequests'),
          data: { limit: { name: 'maxQueuedRequests', value: 2 } },
        },
      },
    ]);
    expect(engine.stats.rejectedByLimit).toBe(1);
    gates.get(2)!.resolve();
    await flush();
    expect(started).toEqual([1, 2, 3]);
    gates.get(1)!.resolve();
    await flush();
    expect(started).toEqual([1, 2, 3, 4]);
    gates.get(3)!.resolve();
    gates.get(4)!.resolve();
    await flush();
    expect([1, 2, 3, 4].map((id) => responsesFor(id))).toEqual(
      [1, 2, 3, 4].map((n) => [{ jsonrpc: '2.0', id: n, result: { n } }]),
    );
    expect(engine.debugCounts()).toMatchObject({
      runningHandlers: 0,
      queuedRequests: 0,
      incomingRequests: 0,
    });
  });

  it('drains a long queue of synchronous handlers without growing the stack', async () => {
    const { engine, peerRequest, transport } = await scripted({
      maxConcurrentHandlers: 1,
      maxQueuedRequests: 20_000,
    });
    const gate = deferred<void>();
    engine.setRequestHandler('first', async () => {
      await gate.promise;
      return {};
    });
    engine.setRequestHandler('sync', () => ({}));
    peerRequest(0, 'first');
    for (let id = 1; id <= 20_000; id++) peerRequest(id, 'sync');
    gate.resolve();
    await flush();
    expect(transport.sent).toHaveLength(20_001);
  });
});

describe('ProtocolEngine handlers: cancellation and progress', () => {
  it('aborts ctx.signal on notifications/cancelled and sends no response', async () => {
    const { engine, peerRequest, peerNotify, responsesFor, errors } = await scripted();
    let signal: AbortSignal | undefined;
    engine.setRequestHandler('slow', (_params, ctx) => {
      signal = ctx.signal;
      return new Promise((_resolve, reject) =>
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
      );
    });
    peerRequest(1, 'slow');
    peerNotify('notifications/cancelled', { requestId: 1, reason: 'user gave up' });
    await flush();
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toMatchObject({ code: TransportErrorCode.Cancelled });
    expect((signal?.reason as Error).message).toContain('user gave up');
    expect(responsesFor(1)).toEqual([]);
    expect(errors).toEqual([]);
    expect(engine.debugCounts().incomingRequests).toBe(0);
  });

  it('creates the signal lazily: a handler reading it after the cancel sees it aborted, and its result is dropped', async () => {
    const { engine, peerRequest, peerNotify, responsesFor } = await scripted();
    const gate = deferred<void>();
    let aborted: boolean | undefined;
    engine.setRequestHandler('slow', async (_params, ctx) => {
      await gate.promise;
      aborted = ctx.signal.aborted;
      return { done: true };
    });
    peerRequest(1, 'slow');
    peerNotify('notifications/cancelled', { requestId: 1 });
    gate.resolve();
    await flush();
    expect(aborted).toBe(true);
    expect(responsesFor(1)).toEqual([]);
  });

  it('ignores cancellations of unknown or finished requests, and of initialize', async () => {
    const { engine, peerRequest, peerNotify, responsesFor } = await scripted();
    const gate = deferred<void>();
    engine.setRequestHandler('initialize', async () => {
      await gate.promise;
      return { protocolVersion: '2025-11-25' };
    });
    peerNotify('notifications/cancelled', { requestId: 42 });
    peerRequest(1, 'initialize');
    peerNotify('notifications/cancelled', { requestId: 1 });
    gate.resolve();
    await flush();
    expect(responsesFor(1)).toEqual([{ jsonrpc: '2.0', id: 1, result: { protocolVersion: '2025-11-25' } }]);
    peerNotify('notifications/cancelled', { requestId: 1 });
    expect(engine.stats.ignoredCancellations).toBe(3);
  });

  it('drops a cancelled queued request without running or answering it', async () => {
    const { engine, peerRequest, peerNotify, responsesFor } = await scripted({ maxConcurrentHandlers: 1 });
    const gate = deferred<void>();
    const ran: number[] = [];
    engine.setRequestHandler('job', async (params) => {
      ran.push(params?.['n'] as number);
      await gate.promise;
      return {};
    });
    peerRequest(1, 'job', { n: 1 });
    peerRequest(2, 'job', { n: 2 });
    peerRequest(3, 'job', { n: 3 });
    peerNotify('notifications/cancelled', { requestId: 2 });
    expect(engine.debugCounts().queuedRequests).toBe(1);
    gate.resolve();
    await flush();
    expect(ran).toEqual([1, 3]);
    expect(responsesFor(2)).toEqual([]);
    expect(responsesFor(3)).toHaveLength(1);
  });

  it('ctx.sendProgress sends the peer token, related to the request; a no-op without a token', async () => {
    const { engine, peerRequest, sentWithMethod, transport } = await scripted();
    const outcomes: unknown[] = [];
    engine.setRequestHandler('work', async (_params, ctx: HandlerContext) => {
      await ctx.sendProgress(1, 3, 'first');
      await ctx.sendProgress(2);
      outcomes.push(await ctx.sendProgress(2).catch((e: unknown) => e));
      return {};
    });
    peerRequest('r1', 'work', { _meta: { progressToken: 'tok' } });
    peerRequest('r2', 'work');
    await flush();
    expect(sentWithMethod('notifications/progress')).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'tok', progress: 1, total: 3, message: 'first' },
      },
      { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 'tok', progress: 2 } },
    ]);
    expect(transport.sent.find((s) => 'method' in s.message)?.options).toEqual({ relatedRequestId: 'r1' });
    expect(outcomes[0]).toMatchObject({ code: TransportErrorCode.SendValidation });
    expect(outcomes[1]).toBeUndefined(); // r2 had no token: silently nothing
  });
});

describe('ProtocolEngine notifications', () => {
  it('dispatches to handlers and the fallback, ignores unknown ones, reports handler failures', async () => {
    const { engine, peerNotify, errors } = await scripted();
    const seen: unknown[] = [];
    engine.setNotificationHandler('notifications/message', (params, ctx) => {
      seen.push([ctx.method, params]);
    });
    engine.setNotificationHandler('bad', async () => {
      throw new Error('handler broke');
    });
    peerNotify('notifications/message', { level: 'info' });
    peerNotify('unknown/one'); // no handler, no fallback: ignored
    peerNotify('bad');
    engine.fallbackNotificationHandler = (_params, ctx) => {
      seen.push(ctx.method);
    };
    peerNotify('unknown/two');
    expect(engine.removeNotificationHandler('notifications/message')).toBe(true);
    peerNotify('notifications/message');
    await flush();
    expect(seen).toEqual([
      ['notifications/message', { level: 'info' }],
      'unknown/two',
      'notifications/message',
    ]);
    expect(errors.map((e) => e.message)).toEqual(['handler broke']);
  });

  it('reports a response that cannot be sent without throwing into the transport', async () => {
    const { engine, peerRequest, transport, errors } = await scripted();
    transport.failNextSend = new TransportError(TransportErrorCode.Write, 'EPIPE');
    peerRequest(1, 'ping');
    await flush();
    expect(errors).toMatchObject([{ code: TransportErrorCode.Write }]);
    expect(engine.debugCounts().incomingRequests).toBe(0);
  });
});
