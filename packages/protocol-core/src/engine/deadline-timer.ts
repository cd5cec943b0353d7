import type { EngineTimers } from './options.js';

/** The longest delay every runtime's setTimeout accepts; Node fires longer ones at once. */
const MAX_DELAY_MS = 2_147_483_647;

/** Node, Deno and Bun timer handles can stop keeping the process alive; browser handles are numbers. */
interface KeepAliveHandle {
  ref?: () => unknown;
  unref?: () => unknown;
}

function setKeepAlive(handle: unknown, keepAlive: boolean): void {
  if (typeof handle !== 'object' || handle === null) return;
  const h = handle as KeepAliveHandle;
  if (keepAlive) h.ref?.();
  else h.unref?.();
}

/**
 * One timer shared by every deadline of an engine, armed for the earliest one.
 *
 * It is re-armed lazily: ending a request or pushing its deadline later (progress) does nothing here;
 * when the timer fires, the owner scans for what is due and schedules the next earliest deadline. With
 * equal timeouts each new deadline is later than the armed one, so a steady stream of requests arms
 * one timer per timeout period instead of one per request.
 */
export class DeadlineTimer {
  readonly #timers: EngineTimers;
  readonly #fire: () => void;
  #handle: unknown = undefined;
  #armed = false;
  /** When the armed timer fires (Infinity when disarmed). */
  #firesAt = Number.POSITIVE_INFINITY;
  #keepAlive = true;

  constructor(timers: EngineTimers, onFire: () => void) {
    this.#timers = timers;
    // The one closure of the engine's timing: created once, reused for every arm.
    this.#fire = () => {
      this.#armed = false;
      this.#handle = undefined;
      this.#firesAt = Number.POSITIVE_INFINITY;
      onFire();
    };
  }

  /** True while a timer is armed. */
  get armed(): boolean {
    return this.#armed;
  }

  /** Makes sure the timer fires no later than `deadline` (same clock as `now`). */
  schedule(deadline: number, now: number): void {
    // Also covers deadline = Infinity (never expires): nothing to arm.
    if (deadline >= this.#firesAt) return;
    if (this.#armed) this.#timers.clearTimeout(this.#handle);
    const delay = Math.min(Math.max(0, deadline - now), MAX_DELAY_MS);
    this.#handle = this.#timers.setTimeout(this.#fire, delay);
    this.#armed = true;
    this.#firesAt = now + delay;
    if (!this.#keepAlive) setKeepAlive(this.#handle, false);
  }

  /**
   * Whether the armed timer should keep the process alive. The owner turns it off when nothing is
   * pending, so that an idle engine does not hold a Node process open until a stale deadline; toggling
   * ref/unref costs far less than clearing and re-creating the timer on every request.
   */
  keepAlive(keepAlive: boolean): void {
    if (keepAlive === this.#keepAlive) return;
    this.#keepAlive = keepAlive;
    if (this.#armed) setKeepAlive(this.#handle, keepAlive);
  }

  /** Disarms the timer. */
  clear(): void {
    if (this.#armed) this.#timers.clearTimeout(this.#handle);
    this.#armed = false;
    this.#handle = undefined;
    this.#firesAt = Number.POSITIVE_INFINITY;
  }
}
