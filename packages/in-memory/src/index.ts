// Public API of @mcpwire/in-memory: explicit named exports only.
export { InMemoryTransport, createInMemoryTransportPair } from './in-memory-transport.js';
export { DEFAULT_MAX_MESSAGE_BYTES } from './options.js';
export type { InMemorySendOptions, InMemoryTimers, InMemoryTransportOptions } from './options.js';
export type { Timers } from '@mcpwire/protocol-core/transport-kit';
