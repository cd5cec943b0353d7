import type { Timers } from '@mcpwire/protocol-core/transport-kit';

/** @deprecated use `Timers` (exported here too), the one timer shape of every transport; kept for one release. */
export type WebSocketTimers = Timers;

/** The global timers, unref'd where the runtime can, so a heartbeat never keeps a Node process alive. */
export const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms) as unknown as { unref?: () => void };
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};
