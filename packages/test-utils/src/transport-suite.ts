import { afterEach, describe } from 'vitest';
import { deliveryCases } from './suite/delivery-cases.js';
import { record, type StartedPair, type SuiteContext } from './suite/context.js';
import { lifecycleCases } from './suite/lifecycle-cases.js';
import { limitsCases } from './suite/limits-cases.js';
import type { TransportPairFactory, TransportPairHarness } from './transport-harness.js';

/**
 * Registers the shared transport test suite: the Transport contract every mcpwire transport keeps
 * (ordering, queue-before-start, exactly-once close, typed errors, size limits, malformed frames,
 * concurrency). Each test gets a fresh harness from `factory`; both ends are closed and the harness
 * disposed after it.
 * @example
 * describeTransportSuite('in-memory', async () => {
 *   const [a, b] = createInMemoryTransportPair({ maxMessageBytes: 65_536 });
 *   return { a, b, maxMessageBytes: 65_536, dispose: async () => {} };
 * });
 */
export function describeTransportSuite(name: string, factory: TransportPairFactory): void {
  describe(`transport suite: ${name}`, () => {
    const open: TransportPairHarness[] = [];

    afterEach(async () => {
      const harnesses = open.splice(0);
      for (const harness of harnesses) {
        // close() is idempotent by contract; a failure here must not hide the harness's own cleanup.
        await Promise.allSettled([harness.a.close(), harness.b.close()]);
        await harness.dispose();
      }
    });

    const ctx: SuiteContext = {
      async open() {
        const harness = await factory();
        open.push(harness);
        return harness;
      },
      async openStarted(): Promise<StartedPair> {
        const harness = await ctx.open();
        const pair: StartedPair = { harness, a: record(harness, 'a'), b: record(harness, 'b') };
        await Promise.all([harness.a.start(), harness.b.start()]);
        return pair;
      },
    };

    describe('delivery', () => deliveryCases(ctx));
    describe('lifecycle', () => lifecycleCases(ctx));
    describe('limits and malformed input', () => limitsCases(ctx));
  });
}
