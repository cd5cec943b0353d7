import { type JSONRPCMessage, TransportErrorCode } from '@mcpwire/protocol-core';
import { expect, it } from 'vitest';
import { settle } from '../transport-recorder.js';
import { expectTransportError, record, type SuiteContext, sampleMessage } from './context.js';

/** Ordering, queueing before start, and concurrency. */
export function deliveryCases(ctx: SuiteContext): void {
  it('delivers 1,000 messages each way complete, in order and unchanged', async () => {
    const { harness, a, b } = await ctx.openStarted();
    const fromA = Array.from({ length: 1000 }, (_, i) => sampleMessage(i, 'a'));
    const fromB = Array.from({ length: 1000 }, (_, i) => sampleMessage(i, 'b'));
    // Each side awaits its own sends (the order a wire promises), while both directions run at once.
    const pump = async (send: (m: JSONRPCMessage) => Promise<void>, messages: JSONRPCMessage[]) => {
      for (const message of messages) await send(message);
    };
    await Promise.all([pump((m) => harness.a.send(m), fromA), pump((m) => harness.b.send(m), fromB)]);
    await Promise.all([b.waitForMessages(1000), a.waitForMessages(1000)]);
    await settle();
    expect(b.messages).toEqual(fromA);
    expect(a.messages).toEqual(fromB);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('queues messages sent before start() and before callbacks exist, then delivers them in order', async () => {
    const harness = await ctx.open();
    const a = record(harness, 'a');
    await harness.a.start();
    const sent = Array.from({ length: 25 }, (_, i) => sampleMessage(i, 'early'));
    for (const message of sent) await harness.a.send(message);
    // Give the wire time to bring them to b's side while b has no callbacks at all.
    await settle(50);
    expect(harness.b.onmessage).toBeUndefined();
    const b = record(harness, 'b');
    await harness.b.start();
    await b.waitForMessages(sent.length);
    await settle();
    expect(b.messages).toEqual(sent);
    expect(b.errors).toEqual([]);
    expect(a.messages).toEqual([]);
  });

  it('rejects a second start() with AlreadyStarted', async () => {
    const { harness } = await ctx.openStarted();
    await expectTransportError(() => harness.a.start(), TransportErrorCode.AlreadyStarted);
    await expectTransportError(() => harness.b.start(), TransportErrorCode.AlreadyStarted);
  });

  it('resolves and delivers 64 concurrent sends in each direction', async () => {
    const { harness, a, b } = await ctx.openStarted();
    const fromA = Array.from({ length: 64 }, (_, i) => sampleMessage(i, 'a'));
    const fromB = Array.from({ length: 64 }, (_, i) => sampleMessage(i, 'b'));
    await Promise.all([...fromA.map((m) => harness.a.send(m)), ...fromB.map((m) => harness.b.send(m))]);
    await Promise.all([b.waitForMessages(64), a.waitForMessages(64)]);
    await settle();
    // Concurrent sends promise arrival, not order (HTTP may reorder), and no duplicates.
    expect(b.messages).toHaveLength(64);
    expect(a.messages).toHaveLength(64);
    expect(b.messages).toEqual(expect.arrayContaining(fromA));
    expect(a.messages).toEqual(expect.arrayContaining(fromB));
  });
}
