import { type WebSocketConnectionOptions, resolveConnectionSettings } from './connection-options.js';
import { WsPort } from './internal/ws-port.js';
import { WebSocketTransport } from './socket-transport.js';
import type { WsSocketLike } from './ws-types.js';

/** Options of {@link createWebSocketTransport}. */
export interface WebSocketSocketTransportOptions extends WebSocketConnectionOptions {
  /**
   * An open `ws` WebSocket (e.g. one your framework accepted). Its `maxPayload` was fixed when it was
   * made: set it to `maxMessageBytes` there, so oversized frames are refused before being buffered.
   */
  socket: WsSocketLike;
}

/**
 * Wraps an open `ws` WebSocket as a Transport. Frames are listened to from this call on and queued
 * until `start()`. Checking Host, Origin, the `mcp` subprotocol and credentials is then up to whoever
 * accepted the socket: `createWebSocketHandler` does all of that.
 * @example
 * wss.on('connection', (socket) => void server.connect(createWebSocketTransport({ socket })));
 */
export function createWebSocketTransport(options: WebSocketSocketTransportOptions): WebSocketTransport {
  const settings = resolveConnectionSettings('WebSocketSocketTransportOptions', options);
  return new WebSocketTransport(new WsPort(options.socket), settings);
}
