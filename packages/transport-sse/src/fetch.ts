// Public API of @mcpwire/transport-sse/fetch: the client alone over `fetch` (no `node:` imports, no undici).
export { createSseClientTransport } from './client/create-fetch.js';
export { SseClientTransport } from './client/transport.js';
export { SSEClientTransport } from './client/sdk-names.js';
export type { SSEClientTransportOptions } from './client/sdk-names.js';
export type { HeadersOption, SseClientTimers, SseClientTransportOptions } from './client/options.js';
export type { Timers } from '@mcpwire/protocol-core/transport-kit';
export type { FetchLike, FetchResponseLike } from './client/http.js';
export { BATCH_PROTOCOL_VERSIONS } from './shared/batch.js';
