import {
  DEFAULT_MAX_MESSAGE_BYTES,
  type InMemoryTimers,
  InMemoryTransport,
  type InMemoryTransportOptions,
  type Timers,
  createInMemoryTransportPair,
} from '@mcpwire/in-memory';
import {
  type JSONRPCMessage,
  type JSONRPCRequest,
  type Transport,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import { FakeTimers, TransportRecorder, describeTransportSuite, settle } from '@mcpwire/test-utils';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';

const maxMessageBytes = 64 * 1024;

describeTransportSuite('in-memory', async () => {
  const [a, b] = createInMemoryTransportPair({ maxMessageBytes });
  return {
    a,
    b,
    maxMessageBytes,
    // b's side writes raw frames; frames are discrete here, so no terminator is needed.
    injectRawToA: (raw) => b.sendRaw(raw),
    rawFrameTerminator: '',
    answersMalformedFrames: false,
    dispose: async () => a.disconnect(),
  };
});

// Every pair a test makes is cut afterwards, so no timer or handler outlives its test.
const made: InMemoryTransport[] = [];
afterEach(() => {
  for (const end of made.splice(0)) end.disconnect();
});

interface Pair {
  a: InMemoryTransport;
  b: InMemoryTransport;
  ra: TransportRecorder;
  rb: TransportRecorder;
}

async function startedPair(options?: InMemoryTransportOptions): Promise<Pair> {
  const [a, b] = createInMemoryTransportPair(options);
  made.push(a);
  const pair = { a, b, ra: new TransportRecorder(a), rb: new TransportRecorder(b) };
  await Promise.all([a.start(), b.start()]);
  return pair;
}

function ping(id: number): JSONRPCRequest {
  return { jsonrpc: '2.0', id, method: 'ping' };
}

async function rejection(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('InMemoryTransport: the public surface', () => {
  it('offers the SDK-style static createLinkedPair, linked like the factory', async () => {
    const [a, b] = InMemoryTransport.createLinkedPair();
    made.push(a);
    expect(a).toBeInstanceOf(InMemoryTransport);
    expect(b).toBeInstanceOf(InMemoryTransport);
    const rb = new TransportRecorder(b);
    await Promise.all([a.start(), b.start()]);
    await a.send(ping(1));
    await rb.waitForMessages(1);
    expect(rb.messages).toEqual([ping(1)]);
  });

  it('pins the types of the public API', () => {
    expectTypeOf(createInMemoryTransportPair).returns.toEqualTypeOf<[InMemoryTransport, InMemoryTransport]>();
    expectTypeOf<InMemoryTransport>().toExtend<Transport>();
    expectTypeOf<InMemoryTransport['protocolVersion']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<InMemoryTransport['disconnect']>().toEqualTypeOf<() => void>();
    // One timer shape for every transport; the old name is a deprecated alias of it.
    expectTypeOf<InMemoryTimers>().toEqualTypeOf<Timers>();
    expectTypeOf<InMemoryTransportOptions['timers']>().toEqualTypeOf<Timers | undefined>();
    expect(DEFAULT_MAX_MESSAGE_BYTES).toBe(4 * 1024 * 1024);
  });

  it('reports sessionId from the options on both ends, and stores setProtocolVersion per end', async () => {
    const { a, b } = await startedPair({ sessionId: 'session-1' });
    expect([a.sessionId, b.sessionId]).toEqual(['session-1', 'session-1']);
    expect(a.protocolVersion).toBeUndefined();
    a.setProtocolVersion('2025-11-25');
    expect(a.protocolVersion).toBe('2025-11-25');
    expect(b.protocolVersion).toBeUndefined();
    const [c] = createInMemoryTransportPair();
    expect(c.sessionId).toBeUndefined();
  });

  it('hands authInfo to the receiver as extra.authInfo, by reference', async () => {
    const { a, rb } = await startedPair();
    const authInfo = { token: 't', scopes: ['read'] };
    await a.send(ping(1), { authInfo });
    await a.send(ping(2));
    await rb.waitForMessages(2);
    expect(rb.extras[0]?.authInfo).toBe(authInfo);
    expect(rb.extras[1]).toBeUndefined();
  });

  it('rejects bad options at creation with a RangeError naming the option', () => {
    expect(() => createInMemoryTransportPair({ maxMessageBytes: 0 })).toThrow(/maxMessageBytes/);
    expect(() => createInMemoryTransportPair({ latencyMs: -1 })).toThrow(RangeError);
    expect(() => createInMemoryTransportPair({ dropRate: 1.5 })).toThrow(/dropRate/);
    expect(() => createInMemoryTransportPair({ dropRate: Number.NaN })).toThrow(/dropRate/);
    expect(() => createInMemoryTransportPair({ disconnectAfterMessages: 2.5 })).toThrow(
      /disconnectAfterMessages/,
    );
  });
});

describe('InMemoryTransport: delivery', () => {
  it('never delivers inside send(): the message arrives in a later microtask', async () => {
    const { a, rb } = await startedPair();
    const sent = a.send(ping(1));
    expect(rb.messages).toEqual([]);
    await sent;
    expect(rb.messages).toEqual([ping(1)]);
  });

  it('plays a million ping-pongs without re-entrancy or stack growth', async () => {
    const { a, b } = await startedPair();
    const rounds = 1_000_000;
    const previousLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 1_000;
    const depth = () => (new Error().stack ?? '').split('\n').length;
    const depths: number[] = [];
    let active = 0;
    let maxActive = 0;
    let round = 0;
    const done = new Promise<void>((resolve) => {
      // A synchronous delivery would nest one handler inside the other and deepen the stack every round.
      b.onmessage = (message) => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        void b.send({ jsonrpc: '2.0', id: (message as JSONRPCRequest).id, result: {} });
        active -= 1;
      };
      a.onmessage = () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        round += 1;
        if (round % 100_000 === 1) depths.push(depth());
        if (round < rounds) void a.send(ping(round));
        else resolve();
        active -= 1;
      };
    });
    try {
      await a.send(ping(0));
      await done;
    } finally {
      Error.stackTraceLimit = previousLimit;
    }
    expect(round).toBe(rounds);
    expect(maxActive).toBe(1);
    expect(depths).toHaveLength(10);
    expect(new Set(depths).size).toBe(1);
  }, 60_000);

  it('keeps order across bursts sent in several turns and interleaved with replies', async () => {
    const { a, b, rb } = await startedPair();
    const sent: JSONRPCMessage[] = [];
    for (let turn = 0; turn < 5; turn++) {
      for (let i = 0; i < 20; i++) {
        const message = ping(turn * 100 + i);
        sent.push(message);
        void a.send(message);
      }
      void b.send({ jsonrpc: '2.0', method: 'notifications/turn', params: { turn } });
      await Promise.resolve();
    }
    await rb.waitForMessages(sent.length);
    expect(rb.messages).toEqual(sent);
  });

  it('keeps delivering after a callback throws, and reports the throw to onerror', async () => {
    const { a, b, rb } = await startedPair();
    const onmessage = b.onmessage;
    let calls = 0;
    b.onmessage = (message, extra) => {
      calls += 1;
      if (calls === 1) throw new Error('handler failed');
      onmessage?.(message, extra);
    };
    void a.send(ping(1));
    void a.send(ping(2));
    await a.send(ping(3));
    await rb.waitForMessages(2);
    expect(rb.messages).toEqual([ping(2), ping(3)]);
    expect(rb.errors.map((e) => e.message)).toEqual(['handler failed']);
  });
});

describe('InMemoryTransport: copying and validation', () => {
  it('copies through JSON: sender and receiver never share objects', async () => {
    const { a, rb } = await startedPair();
    const message = {
      jsonrpc: '2.0' as const,
      id: 1,
      method: 'tools/call',
      params: { list: [1, 2], nested: { n: 1 } },
    };
    const sending = a.send(message);
    message.params.list.push(3);
    message.params.nested.n = 99;
    await sending;
    await rb.waitForMessages(1);
    const received = rb.messages[0] as typeof message;
    expect(received).toEqual({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { list: [1, 2], nested: { n: 1 } },
    });
    received.params.list.length = 0;
    expect(message.params.list).toEqual([1, 2, 3]);
  });

  it('drops undefined fields and turns non-JSON values into their JSON form, as a wire would', async () => {
    const { a, rb } = await startedPair();
    await a.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'm',
      params: { gone: undefined, when: new Date(0), nan: Number.NaN },
    });
    await rb.waitForMessages(1);
    expect(rb.messages[0]).toStrictEqual({
      jsonrpc: '2.0',
      id: 1,
      method: 'm',
      params: { when: '1970-01-01T00:00:00.000Z', nan: null },
    });
  });

  it('validates envelopes on arrival: an invalid one goes to onerror with an excerpt, not to onmessage', async () => {
    const { a, rb } = await startedPair();
    const invalid = { jsonrpc: '2.0', id: 5, method: 42 } as unknown as JSONRPCMessage;
    await a.send(invalid);
    await a.send(ping(6));
    await rb.waitForMessages(1);
    expect(rb.messages).toEqual([ping(6)]);
    const error = rb.errors[0] as TransportError;
    expect(error.code).toBe(TransportErrorCode.InvalidMessage);
    expect(error.details).toMatchObject({ requestId: 5, excerpt: '{"jsonrpc":"2.0","id":5,"method":42}' });
  });

  it('rejects a message that cannot become JSON with SendValidation, and sends nothing', async () => {
    const { a, rb } = await startedPair();
    const circular: Record<string, unknown> = { jsonrpc: '2.0', id: 9, method: 'loop' };
    circular['params'] = { self: circular };
    const cyclic = await rejection(a.send(circular as unknown as JSONRPCMessage));
    expect(cyclic.code).toBe(TransportErrorCode.SendValidation);
    expect(cyclic.details).toMatchObject({ requestId: 9, method: 'loop' });
    expect(cyclic.cause).toBeInstanceOf(TypeError);
    const big = await rejection(a.send({ jsonrpc: '2.0', method: 'm', params: { n: 1n } }));
    expect(big.code).toBe(TransportErrorCode.SendValidation);
    const nothing = await rejection(a.send(undefined as unknown as JSONRPCMessage));
    expect(nothing.code).toBe(TransportErrorCode.SendValidation);
    await settle();
    expect(rb.messages).toEqual([]);
  });

  it('sendRaw delivers valid text and reports bad JSON as Parse', async () => {
    const { a, rb } = await startedPair();
    await a.sendRaw('{"jsonrpc":"2.0","method":"raw"}');
    await a.sendRaw('{oops');
    await rb.waitForErrors(1);
    expect(rb.messages).toEqual([{ jsonrpc: '2.0', method: 'raw' }]);
    expect((rb.errors[0] as TransportError).code).toBe(TransportErrorCode.Parse);
    expect((rb.errors[0] as TransportError).details.excerpt).toBe('{oops');
  });
});

describe('InMemoryTransport: close', () => {
  it('delivers what was sent before the close, then closes the peer', async () => {
    const { a, ra, rb } = await startedPair();
    void a.send(ping(1));
    void a.send(ping(2));
    await a.close();
    expect(ra.closeCount).toBe(1);
    await rb.waitForClose();
    expect(rb.messages).toEqual([ping(1), ping(2)]);
  });

  it('gives an unstarted peer its queued messages and then onclose at start()', async () => {
    const [a, b] = createInMemoryTransportPair();
    made.push(a);
    await a.send(ping(1));
    await a.close();
    await settle();
    const rb = new TransportRecorder(b);
    await b.start();
    expect(rb.messages).toEqual([ping(1)]);
    expect(rb.closeCount).toBe(1);
    expect((await rejection(b.send(ping(2)))).code).toBe(TransportErrorCode.Closed);
  });

  it('rejects start() after close() with Closed', async () => {
    const [a] = createInMemoryTransportPair();
    made.push(a);
    await a.close();
    expect((await rejection(a.start())).code).toBe(TransportErrorCode.Closed);
  });

  it('names the message in the Closed error', async () => {
    const { a } = await startedPair();
    await a.close();
    const error = await rejection(a.send(ping(42)));
    expect(error.code).toBe(TransportErrorCode.Closed);
    expect(error.details).toEqual({ method: 'ping', requestId: 42 });
    expect((await rejection(a.sendRaw('{}'))).code).toBe(TransportErrorCode.Closed);
  });
});

describe('InMemoryTransport options: maxMessageBytes', () => {
  it('accepts exactly the limit and refuses one byte more, to the receiver, in order', async () => {
    const limit = 1_000;
    const { a, rb } = await startedPair({ maxMessageBytes: limit });
    const sized = (bytes: number): JSONRPCRequest => {
      const base = JSON.stringify({ jsonrpc: '2.0', id: 'big', method: 'p', params: { s: '' } }).length;
      return { jsonrpc: '2.0', id: 'big', method: 'p', params: { s: 'x'.repeat(bytes - base) } };
    };
    await a.send(sized(limit));
    // The sender's write succeeds, as on a real wire; the receiver refuses.
    await a.send(sized(limit + 1));
    await a.send(ping(3));
    await rb.waitForMessages(2);
    expect(rb.messages).toEqual([sized(limit), ping(3)]);
    const error = rb.errors[0] as TransportError;
    expect(error.code).toBe(TransportErrorCode.MessageTooLarge);
    expect(error.details).toMatchObject({
      limit: { name: 'maxMessageBytes', value: limit },
      method: 'p',
      requestId: 'big',
    });
    expect(error.message).toContain('1001 bytes');
  });

  it('counts UTF-8 bytes, not characters', async () => {
    const limit = 300;
    const { a, rb } = await startedPair({ maxMessageBytes: limit });
    // 48 characters of JSON around the string: all three are under 300 characters, not all under 300 bytes.
    const text = (s: string): JSONRPCMessage => ({ jsonrpc: '2.0', method: 'p', params: { s } });
    await a.send(text('é'.repeat(200))); // 248 characters, 448 bytes
    await a.send(text('✓'.repeat(84))); // 132 characters, exactly 300 bytes
    await a.send(text('😀'.repeat(70))); // 188 characters, 328 bytes
    await rb.waitForMessages(1);
    await rb.waitForErrors(2);
    expect(rb.messages).toEqual([text('✓'.repeat(84))]);
    expect(rb.errors.map((e) => (e as TransportError).code)).toEqual([
      TransportErrorCode.MessageTooLarge,
      TransportErrorCode.MessageTooLarge,
    ]);
  });

  it('defaults to 4 MiB', async () => {
    const { a, rb } = await startedPair();
    const base = JSON.stringify({ jsonrpc: '2.0', method: 'p', params: { s: '' } }).length;
    const fits = {
      jsonrpc: '2.0' as const,
      method: 'p',
      params: { s: 'x'.repeat(DEFAULT_MAX_MESSAGE_BYTES - base) },
    };
    await a.send(fits);
    await a.send({
      jsonrpc: '2.0',
      method: 'p',
      params: { s: 'x'.repeat(DEFAULT_MAX_MESSAGE_BYTES - base + 1) },
    });
    await rb.waitForErrors(1);
    expect(rb.messages).toHaveLength(1);
    expect((rb.errors[0] as TransportError).details.limit).toEqual({
      name: 'maxMessageBytes',
      value: DEFAULT_MAX_MESSAGE_BYTES,
    });
  });
});

describe('InMemoryTransport options: latencyMs and timers', () => {
  it('delays every message by latencyMs on the injected clock, keeping order across batches', async () => {
    const timers = new FakeTimers();
    const { a, b, ra, rb } = await startedPair({ latencyMs: 10, timers });
    void a.send(ping(1));
    void a.send(ping(2));
    await Promise.resolve();
    timers.advance(4);
    void a.send(ping(3));
    void b.send(ping(100));
    timers.advance(5);
    await settle(0);
    expect(rb.messages).toEqual([]);
    timers.advance(1);
    expect(rb.messages).toEqual([ping(1), ping(2)]);
    timers.advance(3);
    expect(rb.messages).toEqual([ping(1), ping(2)]);
    timers.advance(1);
    expect(rb.messages).toEqual([ping(1), ping(2), ping(3)]);
    expect(ra.messages).toEqual([ping(100)]);
  });

  it('delays the close too, and frees its timers once both ends are closed', async () => {
    const timers = new FakeTimers();
    const { a, b, rb } = await startedPair({ latencyMs: 10, timers });
    void b.send(ping(1));
    void a.send(ping(2));
    await a.close();
    expect(rb.closeCount).toBe(0);
    timers.advance(10);
    expect(rb.messages).toEqual([ping(2)]);
    expect(rb.closeCount).toBe(1);
    expect(timers.pending).toBe(0);
    expect((await rejection(b.send(ping(3)))).code).toBe(TransportErrorCode.Closed);
  });
});

describe('InMemoryTransport options: dropRate and random', () => {
  it('loses exactly the messages the random source picks, and send still resolves', async () => {
    const rolls = [0.1, 0.9, 0.49, 0.5, 0.99];
    let calls = 0;
    const random = () => rolls[calls++ % rolls.length] as number;
    const { a, rb } = await startedPair({ dropRate: 0.5, random });
    for (let i = 0; i < 5; i++) await a.send(ping(i));
    await settle();
    expect(calls).toBe(5);
    expect(rb.messages).toEqual([ping(1), ping(3), ping(4)]);
    expect(rb.errors).toEqual([]);
  });

  it('never loses the close, even with dropRate 1', async () => {
    const { a, b, rb } = await startedPair({ dropRate: 1 });
    await a.send(ping(1));
    await a.close();
    await rb.waitForClose();
    expect(rb.messages).toEqual([]);
    expect((await rejection(b.send(ping(2)))).code).toBe(TransportErrorCode.Closed);
  });

  it('never calls random() when dropRate is 0', async () => {
    let calls = 0;
    const { a, rb } = await startedPair({ random: () => ++calls });
    await a.send(ping(1));
    await rb.waitForMessages(1);
    expect(calls).toBe(0);
  });
});

describe('InMemoryTransport options: maxQueued', () => {
  it('holds at most maxQueued messages before start() and reports the overflow', async () => {
    const [a, b] = createInMemoryTransportPair({ maxQueued: 2 });
    made.push(a);
    for (let i = 1; i <= 4; i++) await a.send(ping(i));
    await settle(0);
    const rb = new TransportRecorder(b);
    await b.start();
    expect(rb.messages).toEqual([ping(1), ping(2)]);
    expect(rb.errors.map((e) => (e as TransportError).code)).toEqual([TransportErrorCode.TooManyPending]);
  });
});

describe('InMemoryTransport options: disconnectAfterMessages and disconnect()', () => {
  it('cuts the wire after the n-th message: it arrives, later ones are lost, both ends close once', async () => {
    const { a, b, ra, rb } = await startedPair({ disconnectAfterMessages: 3 });
    await a.send(ping(1));
    await b.send(ping(2));
    void a.send(ping(3));
    void a.send(ping(4));
    await rb.waitForClose();
    await settle();
    expect(rb.messages).toEqual([ping(1), ping(3)]);
    expect(ra.messages).toEqual([ping(2)]);
    expect([ra.closeCount, rb.closeCount]).toEqual([1, 1]);
    expect((await rejection(a.send(ping(5)))).code).toBe(TransportErrorCode.Closed);
    expect((await rejection(b.send(ping(6)))).code).toBe(TransportErrorCode.Closed);
  });

  it('disconnect() loses what is in flight, closes both ends once, and is idempotent', async () => {
    const timers = new FakeTimers();
    const { a, b, ra, rb } = await startedPair({ latencyMs: 5, timers });
    void a.send(ping(1));
    void b.send(ping(2));
    b.disconnect();
    b.disconnect();
    await a.close();
    timers.runAll();
    await settle();
    expect([ra.messages, rb.messages]).toEqual([[], []]);
    expect([ra.closeCount, rb.closeCount]).toEqual([1, 1]);
    expect(timers.pending).toBe(0);
    expect((await rejection(a.send(ping(3)))).code).toBe(TransportErrorCode.Closed);
  });
});
