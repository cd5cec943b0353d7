import type { Timers } from '@mcpwire/protocol-core/transport-kit';

/** @deprecated use `Timers` (exported here too), the one timer shape of every transport; kept for one release. */
export type WebSocketTimers = Timers;
