// Public API of @mcpwire/transport-ws/browser: the client on the WHATWG WebSocket (global or injected).
// Nothing here reaches `node:` or `ws`, so browsers, workers, Deno and Bun can load it.
export { WebSocketCloseCode } from './close-codes.js';
export type { WebSocketCloseCodeValue } from './close-codes.js';
export type { WebSocketConnectionOptions } from './connection-options.js';
export type { WebSocketTimers } from './timers.js';
export type { Timers } from '@mcpwire/protocol-core/transport-kit';
export { MCP_SUBPROTOCOL } from './subprotocol.js';
export type { WebSocketConstructorLike, WebSocketLike } from './web-socket-types.js';
export type { WebSocketClientTransportOptions } from './client/options.js';
export { WebSocketClientTransport, createWebSocketClientTransport } from './client/browser.js';
export type { BrowserWebSocketClientTransportOptions } from './client/browser.js';
