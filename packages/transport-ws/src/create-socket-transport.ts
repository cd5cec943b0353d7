import { WebSocketTransport, type WebSocketSocketTransportOptions } from './socket-transport.js';

export type { WebSocketSocketTransportOptions } from './socket-transport.js';

/**
 * Wraps an open `ws` WebSocket as a Transport; the same as `new WebSocketTransport(options)`. Frames
 * are listened to from this call on and queued until `start()`. Checking Host, Origin, the `mcp`
 * subprotocol and credentials is then up to whoever accepted the socket: `createWebSocketHandler`
 * does all of that.
 * @example
 * wss.on('connection', (socket) => void server.connect(createWebSocketTransport({ socket })));
 */
export function createWebSocketTransport(options: WebSocketSocketTransportOptions): WebSocketTransport {
  return new WebSocketTransport(options);
}
