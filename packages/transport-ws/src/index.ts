// Public API of @mcpwire/transport-ws (Node entry): the server and the client on `ws`. Explicit named exports only.
export { WebSocketCloseCode } from './close-codes.js';
export type { WebSocketCloseCodeValue } from './close-codes.js';
export type { WebSocketConnectionOptions } from './connection-options.js';
export type { WebSocketTimers } from './timers.js';
export { MCP_SUBPROTOCOL } from './subprotocol.js';
export type { WsClientOptionsLike, WsConstructorLike, WsSocketLike } from './ws-types.js';

// One open connection as a Transport (each server connection; or a `ws` socket you accepted yourself).
export { WebSocketTransport } from './socket-transport.js';
export { createWebSocketTransport } from './create-socket-transport.js';
export type { WebSocketSocketTransportOptions } from './create-socket-transport.js';

// client
export type { WebSocketClientTransportOptions } from './client/options.js';
export { WebSocketClientTransport, createWebSocketClientTransport } from './client/node.js';
export type { NodeWebSocketClientTransportOptions } from './client/node.js';

// server
export { HttpAuthError } from '@mcpwire/protocol-core';
export type { Authenticate, HttpAuthErrorOptions, HttpAuthRequest } from '@mcpwire/protocol-core';
export { createWebSocketHandler, createWebSocketServer } from './server/endpoint.js';
export type { WebSocketEndpoint, WebSocketHandler, WebSocketServerStats } from './server/endpoint.js';
export { listenWebSocket } from './server/listen.js';
export type { ListenWebSocketOptions, WebSocketListener } from './server/listen.js';
export type {
  WebSocketConnectionHandler,
  WebSocketConnectionInfo,
  WebSocketServerOptions,
} from './server/options.js';
// Shared by every transport server and client (from protocol-core's transport kit).
export type {
  ConnectableServer,
  ServerOrFactory,
  ServerStats,
  Timers,
} from '@mcpwire/protocol-core/transport-kit';
