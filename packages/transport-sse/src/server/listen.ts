/** `listenSse`: the HTTP+SSE endpoints on a new node:http server, in one call. */
import {
  createHttpServer,
  type HttpServerLimits,
  listenOn,
  sendText,
} from '@mcpwire/protocol-core/transport-kit/node';
import { createSseHandler, type SseHandler } from './handler.js';
import type { SseServerOptions } from './options.js';

/** Options of {@link listenSse}. */
export interface ListenSseOptions extends SseServerOptions {
  /** The port; 0 picks a free one. @default 0 */
  port?: number | undefined;
  /**
   * The interface to bind. Binding beyond loopback also needs `allowedHosts` (and `allowedOrigins`
   * for browsers): the default lists accept localhost names only. @default '127.0.0.1'
   */
  host?: string | undefined;
  /** Timeouts and the socket cap of the node:http server (see `HttpServerLimits` for the defaults). */
  httpLimits?: HttpServerLimits | undefined;
}

/** A listening HTTP+SSE server. */
export interface SseListener {
  /** The event stream's URL, what clients connect to, e.g. `http://127.0.0.1:41234/sse`. */
  readonly url: string;
  /** The bound port (the real one when 0 was asked). */
  readonly port: number;
  /** The handler behind it (stats). */
  readonly handler: SseHandler;
  /** Ends every session and stream, then stops listening. */
  close(): Promise<void>;
}

/**
 * Serves `server` over HTTP+SSE on a new node:http server bound to 127.0.0.1 by default; other paths
 * are answered 404.
 * @example
 * const { url, close } = await listenSse({ server: mcpServer, port: 3001 });
 * // clients: createSseClientTransport({ url }) — url is http://127.0.0.1:3001/sse
 */
export async function listenSse(options: ListenSseOptions): Promise<SseListener> {
  const handler = createSseHandler(options);
  const httpServer = createHttpServer((req, res) => {
    if (!handler.handleNode(req, res)) sendText(res, 404, 'Not Found');
  }, options.httpLimits);
  const bound = await listenOn(httpServer, options, handler.close);
  return {
    url: bound.urlOf('http', options.ssePath ?? '/sse'),
    port: bound.port,
    handler,
    close: bound.close,
  };
}
