// Public API of @mcpwire/transport-http/fetch: the runtime-neutral subset (no `node:` imports, no undici).
export { HeaderName } from './shared/mcp-headers.js';

// client: the Streamable HTTP client transport (both eras), over fetch.
export { createStreamableHttpClientTransport } from './client/create-fetch.js';
export { StreamableHttpClientTransport } from './client/transport.js';
export { StreamableHTTPClientTransport } from './client/sdk-names.js';
export type {
  StreamableHTTPClientTransportOptions,
  StreamableHTTPReconnectionOptions,
} from './client/sdk-names.js';
export type {
  ClientTimers,
  HeadersOption,
  ReconnectOptions,
  StreamableHttpClientTransportOptions,
  ToolRejection,
} from './client/options.js';
export { fetchHttpRequester } from './client/http.js';
export type {
  AbortSourceLike,
  FetchLike,
  FetchResponseLike,
  HttpRequest,
  HttpRequester,
  HttpResponse,
} from './client/http.js';
export { createEraCache, eraCacheKey } from './client/era-cache.js';
export type { CachedEra, EraCache } from './client/era-cache.js';

// server (Streamable HTTP server over the Fetch API, both eras; src/server/, no node:http)
// Re-exported from protocol-core, where the SSE and WebSocket servers share them.
export { HttpAuthError, defaultPrincipalOf } from '@mcpwire/protocol-core';
export type { Authenticate, HttpAuthErrorOptions, HttpAuthRequest } from '@mcpwire/protocol-core';
export type { StreamableHttpServerStats, StreamableHttpStats } from './server/core.js';
// Shared by every transport server and client (from protocol-core's transport kit).
export type { ServerStats, Timers } from '@mcpwire/protocol-core/transport-kit';
export { InMemoryEventStore } from './server/event-store.js';
export type { EventStore, InMemoryEventStoreOptions } from './server/event-store.js';
export type { HttpServerTimers, StreamableHttpServerOptions } from './server/options.js';
export { createStreamableHttpWebHandler } from './server/web-handler.js';
export type { StreamableHttpWebHandler } from './server/web-handler.js';
