// The connection core with a fake socket and a fake clock: heartbeat timing, backpressure (write
// callbacks and polling), the buffer cap, the close timeout, queueing before start, byte counting.
import { type TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { FakeTimers, TransportRecorder } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import { resolveConnectionSettings, type WebSocketConnectionOptions } from '../src/connection-options.js';
import { closeError } from '../src/internal/errors.js';
import { EarlyEvents, type PortSink } from '../src/internal/port.js';
import { webSocketTransportOver } from '../src/socket-transport.js';
import { FakePort } from './support/fake-port.js';

const note = (i: number) => ({ jsonrpc: '2.0' as const, method: 'n', params: { i } });

function open(port: FakePort, options: WebSocketConnectionOptions = {}, pauseReadsWhenBuffered = false) {
  const timers = new FakeTimers();
  const settings = resolveConnectionSettings('test', { timers, ...options });
  const transport = webSocketTransportOver(port, settings, { pauseReadsWhenBuffered });
  // The default wait (5 s), not a short one: a wait ends when the event comes, and CI may be slow.
  const recorder = new TransportRecorder(transport);
  return { transport, recorder, timers, sink: port.sink as PortSink };
}

/** Whether a promise settled, after the microtasks queued so far ran. */
async function stateOf(promise: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => {
      state = 'resolved';
    },
    () => {
      state = 'rejected';
    },
  );
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return state;
}

describe('heartbeat', () => {
  it('pings every interval and drops the peer at the first interval that follows an unanswered ping', async () => {
    const port = new FakePort();
    const { transport, recorder, timers, sink } = open(port, { heartbeatIntervalMs: 100 });
    await transport.start();
    timers.advance(100);
    expect(port.pings).toBe(1);
    sink.pong();
    timers.advance(100);
    expect(port.pings).toBe(2);
    // A message is proof of life too.
    sink.text(JSON.stringify(note(1)));
    timers.advance(100);
    expect([port.pings, port.terminated]).toEqual([3, 0]);
    // From the last sign of life (t=200) to the drop (t=400): within two intervals.
    timers.advance(99);
    expect(port.terminated).toBe(0);
    timers.advance(1);
    expect(port.terminated).toBe(1);
    expect(port.closes).toEqual([{ code: 1008, reason: 'heartbeat timeout' }]);
    sink.closed(1006, '');
    await recorder.waitForClose();
    expect(recorder.errors).toMatchObject([{ code: TransportErrorCode.Network }]);
    expect(timers.pending).toBe(0);
  });

  it('schedules nothing without pings (browsers) or with interval 0', () => {
    const noPing = open(new FakePort({ canPing: false }));
    expect(noPing.timers.pending).toBe(0);
    const off = open(new FakePort(), { heartbeatIntervalMs: 0 });
    expect(off.timers.pending).toBe(0);
  });
});

describe('backpressure', () => {
  it('resolves below the mark at once, above it on the write callback that drains below', async () => {
    const port = new FakePort();
    const { transport } = open(port, { highWaterMarkBytes: 100, maxBufferedBytes: 1000 });
    await transport.start();
    port.bufferedAmount = 50;
    expect(await stateOf(transport.send(note(0)))).toBe('resolved');
    port.bufferedAmount = 500;
    const first = transport.send(note(1));
    const second = transport.send(note(2));
    expect(await stateOf(first)).toBe('pending');
    // A callback while still above the mark releases nothing.
    port.flushCallbacks.shift()?.();
    expect(await stateOf(first)).toBe('pending');
    port.flush(100);
    expect([await stateOf(first), await stateOf(second)]).toEqual(['resolved', 'resolved']);
  });

  it('server side: stops reading while answers wait above the mark, and handles what it held once drained', async () => {
    const port = new FakePort();
    const { transport, recorder, sink } = open(port, { highWaterMarkBytes: 100 }, true);
    await transport.start();
    sink.text(JSON.stringify(note(1)));
    port.bufferedAmount = 500;
    const waiting = transport.send(note(0));
    expect(port.paused).toBe(true);
    // Frames the socket still hands over after pause() wait: their answers would only add to the buffer.
    sink.text(JSON.stringify(note(2)));
    sink.text('not json');
    sink.text(JSON.stringify(note(3)));
    expect(recorder.messages).toEqual([note(1)]);
    expect(port.sent).toHaveLength(1);
    port.flush(0);
    await waiting;
    expect(port.paused).toBe(false);
    expect(recorder.messages).toEqual([note(1), note(2), note(3)]);
    expect(recorder.errors).toHaveLength(1);
    expect(port.sent).toHaveLength(2);
  });

  it('client side (the default): never stops reading, so two peers cannot wait on each other', async () => {
    const port = new FakePort();
    const { transport, recorder, sink } = open(port, { highWaterMarkBytes: 100 });
    await transport.start();
    port.bufferedAmount = 500;
    void transport.send(note(0));
    sink.text(JSON.stringify(note(1)));
    expect(port.paused).toBe(false);
    expect(recorder.messages).toEqual([note(1)]);
    port.flush(0);
  });

  it('polls bufferedAmount where the socket has no write callbacks (browsers)', async () => {
    const port = new FakePort({ flushEvents: false });
    const { transport, timers } = open(port, { highWaterMarkBytes: 100, heartbeatIntervalMs: 0 });
    await transport.start();
    port.bufferedAmount = 200;
    const waiting = transport.send(note(0));
    timers.advance(10);
    expect(await stateOf(waiting)).toBe('pending');
    port.bufferedAmount = 0;
    timers.advance(10);
    expect(await stateOf(waiting)).toBe('resolved');
    expect(timers.pending).toBe(0);
  });

  it('drops the connection past maxBufferedBytes, and pending sends reject with Closed', async () => {
    const port = new FakePort();
    const { transport, recorder, sink } = open(port, { highWaterMarkBytes: 100, maxBufferedBytes: 1000 });
    await transport.start();
    port.bufferedAmount = 500;
    const waiting = transport.send(note(0));
    port.bufferedAmount = 1001;
    const crossing = transport.send(note(1));
    await expect(crossing).rejects.toMatchObject({
      code: TransportErrorCode.LimitExceeded,
      details: { limit: { name: 'maxBufferedBytes', value: 1000 } },
    });
    await expect(waiting).rejects.toMatchObject({ code: TransportErrorCode.Closed });
    expect([port.closes, port.terminated]).toEqual([[{ code: 1008, reason: 'peer not reading' }], 1]);
    expect(recorder.errors.map((error) => (error as TransportError).code)).toEqual([
      TransportErrorCode.LimitExceeded,
    ]);
    sink.closed(1006, '');
    await recorder.waitForClose();
    // The close came from this side: the 1006 that followed adds no second error.
    expect(recorder.errors).toHaveLength(1);
    expect(transport.closeCode).toBe(1008);
  });
});

describe('lifecycle', () => {
  it('queues frames and errors until start(), then delivers them in order', async () => {
    const port = new FakePort();
    const { transport, recorder, sink } = open(port);
    sink.text(JSON.stringify(note(1)));
    sink.text('not json');
    sink.text(JSON.stringify(note(2)));
    expect(recorder.messages).toEqual([]);
    await expect(transport.send(note(0))).rejects.toMatchObject({ code: TransportErrorCode.NotStarted });
    await transport.start();
    expect(recorder.messages).toEqual([note(1), note(2)]);
    expect(recorder.errors.map((error) => (error as TransportError).code)).toEqual([
      TransportErrorCode.Parse,
    ]);
    // The bad frame was answered at once, started or not.
    expect(JSON.parse(port.sent[0] ?? '{}')).toMatchObject({ id: null, error: { code: -32700 } });
  });

  it('close() waits for the peer, then drops the socket after closeTimeoutMs; onclose fires once', async () => {
    const port = new FakePort();
    const { transport, recorder, timers, sink } = open(port, { closeTimeoutMs: 500 });
    await transport.start();
    const closing = transport.close();
    const again = transport.close(4000, 'ignored');
    expect(port.closes).toEqual([{ code: 1000, reason: '' }]);
    timers.advance(499);
    expect(await stateOf(closing)).toBe('pending');
    timers.advance(1);
    await Promise.all([closing, again]);
    expect(port.terminated).toBe(1);
    sink.closed(1006, '');
    await transport.close();
    expect(recorder.closeCount).toBe(1);
    expect(recorder.errors).toEqual([]);
    expect(transport.closeCode).toBe(1000);
  });

  it('a close before start fires onclose at once; start() after it rejects with Closed', async () => {
    const port = new FakePort();
    const { transport, recorder, sink } = open(port);
    const closing = transport.close();
    sink.closed(1000, '');
    await closing;
    expect(recorder.closeCount).toBe(1);
    await expect(transport.start()).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });

  it('a send whose JSON cannot be made is refused without touching the socket', async () => {
    const port = new FakePort();
    const { transport } = open(port);
    await transport.start();
    const cyclic: Record<string, unknown> = { jsonrpc: '2.0', method: 'x' };
    cyclic['params'] = cyclic;
    await expect(transport.send(cyclic as never)).rejects.toMatchObject({
      code: TransportErrorCode.SendValidation,
    });
    expect(port.sent).toEqual([]);
  });
});

describe('helpers', () => {
  it('EarlyEvents replays what came before the sink, in order, then forwards', () => {
    const events = new EarlyEvents();
    const seen: string[] = [];
    const sink = { text: (data: string) => seen.push(data) } as unknown as PortSink;
    events.emit((s) => s.text('a'));
    events.emit((s) => s.text('b'));
    events.listen(sink);
    events.emit((s) => s.text('c'));
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('maps close codes received to TransportError codes', () => {
    expect([1000, 1001, 1005].map((code) => closeError(code, ''))).toEqual([undefined, undefined, undefined]);
    const codes = [1002, 1003, 1006, 1007, 1008, 1009, 1011, 4000].map(
      (code) => (closeError(code, 'why') as TransportError).code,
    );
    expect(codes).toEqual([
      TransportErrorCode.InvalidMessage,
      TransportErrorCode.InvalidMessage,
      TransportErrorCode.Network,
      TransportErrorCode.InvalidMessage,
      TransportErrorCode.Closed,
      TransportErrorCode.MessageTooLarge,
      TransportErrorCode.Closed,
      TransportErrorCode.Closed,
    ]);
  });

  it('refuses bad limits at construction', () => {
    expect(() => resolveConnectionSettings('test', { maxMessageBytes: 0 })).toThrow(RangeError);
    expect(() => resolveConnectionSettings('test', { heartbeatIntervalMs: 1.5 })).toThrow(RangeError);
    expect(() => resolveConnectionSettings('test', { highWaterMarkBytes: 10, maxBufferedBytes: 5 })).toThrow(
      /maxBufferedBytes \(5\) must be at least highWaterMarkBytes \(10\)/,
    );
  });
});
