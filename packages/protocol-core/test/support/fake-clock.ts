import type { EngineTimers } from '../../src/engine/options.js';

interface FakeTimer {
  at: number;
  seq: number;
  callback: () => void;
}

/** A manual clock for the engine: time moves only through `advance`, and every arm is counted. */
export class FakeClock implements EngineTimers {
  #now = 0;
  #seq = 0;
  readonly #timers = new Map<number, FakeTimer>();
  /** How many times a timer was armed. */
  setTimeoutCalls = 0;

  readonly setTimeout = (callback: () => void, ms: number): unknown => {
    this.setTimeoutCalls++;
    const handle = ++this.#seq;
    this.#timers.set(handle, { at: this.#now + ms, seq: handle, callback });
    return handle;
  };

  readonly clearTimeout = (handle: unknown): void => {
    this.#timers.delete(handle as number);
  };

  readonly now = (): number => this.#now;

  /** Timers armed and not yet fired or cleared. */
  get armed(): number {
    return this.#timers.size;
  }

  /** Moves time forward, firing due timers in order (each at its own time). */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      let next: [number, FakeTimer] | undefined;
      for (const entry of this.#timers) {
        const [, timer] = entry;
        if (timer.at > target) continue;
        if (
          next === undefined ||
          timer.at < next[1].at ||
          (timer.at === next[1].at && timer.seq < next[1].seq)
        ) {
          next = entry;
        }
      }
      if (next === undefined) break;
      this.#timers.delete(next[0]);
      this.#now = Math.max(this.#now, next[1].at);
      next[1].callback();
    }
    this.#now = target;
  }
}
