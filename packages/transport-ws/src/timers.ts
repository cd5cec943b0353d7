/** The clock the WebSocket transports use (heartbeats, connect and close timeouts, drain polling). */
export interface WebSocketTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The global timers, unref'd where the runtime can, so a heartbeat never keeps a Node process alive. */
export const GLOBAL_TIMERS: WebSocketTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms) as unknown as { unref?: () => void };
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};
