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

/**
 * The global timers, unref'd where the runtime can (Node), so that a keep-alive or a heartbeat never
 * keeps a process alive on its own. Browsers have no unref: there they are the plain globals.
 */
export const backgroundTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms) as unknown as { unref?: () => void };
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};
