// Public API of @mcpwire/transport-sse (Node entry): the HTTP+SSE server on node:http, and the client over undici.

// server
export { createSseHandler, createSseServerHandler } from './server/handler.js';
export type { SseHandler, SseServerHandler, SseServerStats } from './server/handler.js';
export { listenSse } from './server/listen.js';
export type { ListenSseOptions, SseListener } from './server/listen.js';
export type {
  SseConnectableServer,
  SseConnectHandler,
  SseConnectionHandler,
  SseConnectionInfo,
  SseServerOptions,
  SseServerTimers,
} from './server/options.js';
// Shared by every transport server and client (from protocol-core's transport kit).
export type {
  ConnectableServer,
  ServerOrFactory,
  ServerStats,
  Timers,
} from '@mcpwire/protocol-core/transport-kit';
export type { SseServerTransport } from './server/session-transport.js';
export { SSEServerTransport } from './server/sdk-names.js';
export type { SSEServerTransportOptions } from './server/sdk-names.js';
// Re-exported from protocol-core, where the Streamable HTTP and WebSocket servers share them.
export { HttpAuthError, defaultPrincipalOf } from '@mcpwire/protocol-core';
export type { Authenticate, HttpAuthErrorOptions, HttpAuthRequest } from '@mcpwire/protocol-core';

// client
export { createSseClientTransport } from './client/create-node.js';
export type { NodeSseClientTransportOptions } from './client/create-node.js';
export { SseClientTransport } from './client/transport.js';
export { SSEClientTransport } from './client/sdk-names.js';
export type { SSEClientTransportOptions } from './client/sdk-names.js';
export type { HeadersOption, SseClientTimers, SseClientTransportOptions } from './client/options.js';
export type { FetchLike, FetchResponseLike } from './client/http.js';

// shared
export { BATCH_PROTOCOL_VERSIONS } from './shared/batch.js';
