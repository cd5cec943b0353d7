import type { Timers } from '@mcpwire/protocol-core/transport-kit';

interface Scheduled {
  id: number;
  due: number;
  callback: () => void;
}

/**
 * A manual clock with `setTimeout` / `clearTimeout`, to inject into transports and decorators that take
 * a timers option, so tests control time without patching globals.
 * @example
 * const timers = new FakeTimers();
 * const [a, b] = createInMemoryTransportPair({ latencyMs: 10, timers });
 * timers.advance(10);
 */
export class FakeTimers implements Timers {
  #now = 0;
  #nextId = 1;
  // Kept sorted by due time, then by scheduling order, which is the order real timers fire in.
  #queue: Scheduled[] = [];

  /** The current fake time in milliseconds, starting at 0. */
  get now(): number {
    return this.#now;
  }

  /** How many callbacks are scheduled and not yet run or cleared. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Schedules `callback` to run when the clock reaches now + `ms`. */
  setTimeout(callback: () => void, ms: number): number {
    const entry: Scheduled = { id: this.#nextId++, due: this.#now + Math.max(0, ms), callback };
    let at = this.#queue.length;
    while (at > 0 && (this.#queue[at - 1] as Scheduled).due > entry.due) at -= 1;
    this.#queue.splice(at, 0, entry);
    return entry.id;
  }

  /** Cancels a scheduled callback; unknown handles are ignored, like the real one. */
  clearTimeout(handle: unknown): void {
    const index = this.#queue.findIndex((entry) => entry.id === handle);
    if (index >= 0) this.#queue.splice(index, 1);
  }

  /** Moves the clock forward by `ms`, running every callback that falls due, in order. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      const next = this.#queue[0];
      if (next === undefined || next.due > target) break;
      this.#queue.shift();
      this.#now = next.due;
      next.callback();
    }
    this.#now = target;
  }

  /** Runs every scheduled callback, including ones scheduled meanwhile, up to `limit` of them. */
  runAll(limit = 10_000): void {
    for (let run = 0; run < limit; run++) {
      const next = this.#queue[0];
      if (next === undefined) return;
      this.advance(next.due - this.#now);
    }
    throw new Error(`FakeTimers.runAll: still ${this.#queue.length} timer(s) after ${limit} runs`);
  }
}
