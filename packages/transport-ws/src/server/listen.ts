/** `listenWebSocket`: a WebSocket MCP endpoint on its own node:http server, in one call. */
import { pathOf } from '@mcpwire/protocol-core/transport-kit';
import {
  createHttpServer,
  type HttpServerLimits,
  listenOn,
  sendText,
} from '@mcpwire/protocol-core/transport-kit/node';
import { createWebSocketHandler, type WebSocketHandler } from './endpoint.js';
import type { WebSocketServerOptions } from './options.js';
import { refuseUpgrade } from './refusal.js';

/** Options of {@link listenWebSocket}. */
export interface ListenWebSocketOptions extends Omit<WebSocketServerOptions, 'httpServer'> {
  /** The port; 0 picks a free one. @default 0 */
  port?: number | undefined;
  /**
   * The interface to bind. Binding beyond loopback also needs `allowedHosts` (and `allowedOrigins` for
   * browsers): the defaults accept localhost names only. @default '127.0.0.1'
   */
  host?: string | undefined;
  /** Timeouts and the socket cap of the node:http server (see `HttpServerLimits` for the defaults). */
  httpLimits?: HttpServerLimits | undefined;
}

/** A listening WebSocket endpoint. */
export interface WebSocketListener {
  /** The endpoint URL, e.g. `ws://127.0.0.1:41234/ws`. */
  readonly url: string;
  /** The bound port (the real one when 0 was asked). */
  readonly port: number;
  /** The handler behind it (stats). */
  readonly handler: WebSocketHandler;
  /** @deprecated the same as `handler`, its name on every transport listener; kept for one release. */
  readonly endpoint: WebSocketHandler;
  /** Closes every connection (1001), then stops listening. */
  close(): Promise<void>;
}

/**
 * Serves MCP over WebSocket on a new node:http server: upgrades at `path` are served, other upgrades
 * are answered 404, and plain HTTP requests 426 (at `path`) or 404.
 * @example
 * const { url, close } = await listenWebSocket({ server, port: 3000 });
 */
export async function listenWebSocket(options: ListenWebSocketOptions): Promise<WebSocketListener> {
  const path = options.path ?? '/ws';
  const handler = createWebSocketHandler({ ...options, path });
  const httpServer = createHttpServer((request, response) => {
    if (pathOf(request.url) !== path) return sendText(response, 404, 'Not Found');
    sendText(response, 426, 'Upgrade Required: connect with a WebSocket (subprotocol "mcp")', {
      upgrade: 'websocket',
      connection: 'Upgrade',
    });
  }, options.httpLimits);
  httpServer.on('upgrade', (request, socket, head) => {
    if (pathOf(request.url) === path) void handler.handleUpgrade(request, socket, head);
    else {
      socket.on('error', () => socket.destroy());
      refuseUpgrade(socket, 404, 'Not Found');
    }
  });
  const bound = await listenOn(httpServer, options, () => handler.close());
  return { url: bound.urlOf('ws', path), port: bound.port, handler, endpoint: handler, close: bound.close };
}
