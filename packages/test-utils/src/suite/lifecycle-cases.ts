import { TransportErrorCode } from '@mcpwire/protocol-core';
import { expect, it } from 'vitest';
import { settle } from '../transport-recorder.js';
import { expectTransportError, type SuiteContext, sampleMessage } from './context.js';

/** close() propagation, exactly-once onclose, and sending after close. */
export function lifecycleCases(ctx: SuiteContext): void {
  it('a.close() resolves and fires onclose exactly once on each side', async () => {
    const { harness, a, b } = await ctx.openStarted();
    await harness.a.close();
    await b.waitForClose();
    await settle();
    expect(a.closeCount).toBe(1);
    expect(b.closeCount).toBe(1);
  });

  it('b.close() propagates to a the same way', async () => {
    const { harness, a, b } = await ctx.openStarted();
    await harness.b.close();
    await a.waitForClose();
    await settle();
    expect([a.closeCount, b.closeCount]).toEqual([1, 1]);
  });

  it('closing both sides at once still fires onclose once each', async () => {
    const { harness, a, b } = await ctx.openStarted();
    await Promise.all([harness.a.close(), harness.b.close()]);
    await settle();
    expect([a.closeCount, b.closeCount]).toEqual([1, 1]);
  });

  it('close() called three times fires onclose once each, and every call resolves', async () => {
    const { harness, a, b } = await ctx.openStarted();
    await Promise.all([harness.a.close(), harness.a.close()]);
    await b.waitForClose();
    await harness.a.close();
    await settle();
    expect([a.closeCount, b.closeCount]).toEqual([1, 1]);
  });

  it('send after close rejects with Closed, on the closed side and then on the peer', async () => {
    const { harness, a, b } = await ctx.openStarted();
    await harness.a.close();
    const local = await expectTransportError(
      () => harness.a.send(sampleMessage(0, 'a')),
      TransportErrorCode.Closed,
    );
    expect(local.message).not.toBe('');
    await b.waitForClose();
    await expectTransportError(() => harness.b.send(sampleMessage(1, 'b')), TransportErrorCode.Closed);
    await settle();
    // Nothing sent after the close may surface on either side.
    expect(a.messages).toEqual([]);
    expect(b.messages).toEqual([]);
  });
}
