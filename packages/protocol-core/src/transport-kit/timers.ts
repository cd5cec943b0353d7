/**
 * The timer functions a transport arms (timeouts, keep-alives, heartbeats, sweeps). Inject a fake one in
 * tests; every mcpwire transport takes this one shape.
 */
export interface Timers {
  /** Schedules `callback` after `ms` milliseconds and returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a callback scheduled by `setTimeout`. */
  clearTimeout(handle: unknown): void;
}
