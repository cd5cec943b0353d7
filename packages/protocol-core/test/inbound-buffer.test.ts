import { describe, expect, it } from 'vitest';
import { InboundBuffer, type JSONRPCMessage, type Transport, type TransportError } from '../src/index.js';

function owner(): Transport & { got: JSONRPCMessage[]; errors: Error[]; closes: number } {
  const t = {
    got: [] as JSONRPCMessage[],
    errors: [] as Error[],
    closes: 0,
    start: async () => {},
    send: async () => {},
    close: async () => {},
    onmessage: (m: JSONRPCMessage) => void t.got.push(m),
    onerror: (e: Error) => void t.errors.push(e),
    onclose: () => void t.closes++,
  };
  return t;
}

const ping = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'ping' });

describe('InboundBuffer', () => {
  it('queues messages and errors until start, then replays them in order, then closes once', () => {
    const t = owner();
    const buffer = new InboundBuffer(t);
    buffer.deliver(ping(1));
    buffer.fail(new Error('bad frame'));
    buffer.deliver(ping(2));
    buffer.closed();
    expect(t.got).toEqual([]);
    expect(t.closes).toBe(0);
    buffer.start();
    expect(t.got).toEqual([ping(1), ping(2)]);
    expect(t.errors.map((e) => e.message)).toEqual(['bad frame']);
    expect(t.closes).toBe(1);
    buffer.closed();
    buffer.flushClose();
    expect(t.closes).toBe(1);
  });

  it('keeps replaying when a handler throws, reporting the throw', () => {
    const t = owner();
    t.onmessage = (m) => {
      if ('id' in m && m.id === 1) throw new Error('handler broke');
      t.got.push(m);
    };
    const buffer = new InboundBuffer(t);
    buffer.deliver(ping(1));
    buffer.deliver(ping(2));
    buffer.start();
    expect(t.got).toEqual([ping(2)]);
    expect(t.errors.map((e) => e.message)).toEqual(['handler broke']);
  });

  it('refuses messages beyond maxQueued with one TooManyPending error', () => {
    const t = owner();
    const buffer = new InboundBuffer(t, { maxQueued: 2 });
    for (let i = 0; i < 5; i++) buffer.deliver(ping(i));
    buffer.start();
    expect(t.got).toHaveLength(2);
    expect(t.errors).toHaveLength(1);
    expect((t.errors[0] as TransportError).code).toBe('MCPWIRE_ERR_TOO_MANY_PENDING');
    expect((t.errors[0] as TransportError).details.limit).toEqual({ name: 'maxQueued', value: 2 });
  });

  it('throws AlreadyStarted on a second start, and Closed on a start after flushClose', () => {
    const started = new InboundBuffer(owner());
    started.start();
    expect(() => started.start()).toThrowError(
      expect.objectContaining({ code: 'MCPWIRE_ERR_ALREADY_STARTED' }),
    );
    const t = owner();
    const closed = new InboundBuffer(t);
    closed.flushClose();
    expect(t.closes).toBe(1);
    expect(() => closed.start()).toThrowError(expect.objectContaining({ code: 'MCPWIRE_ERR_CLOSED' }));
  });

  it('drops messages delivered after the close', () => {
    const t = owner();
    const buffer = new InboundBuffer(t);
    buffer.start();
    buffer.closed();
    buffer.deliver(ping(9));
    expect(t.got).toEqual([]);
    expect(t.closes).toBe(1);
  });
});
