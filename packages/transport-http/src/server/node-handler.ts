/**
 * The Node entry: `handleNode(req, res, parsedBody?)` for node:http, Express and Fastify (raw
 * req/res), served straight from Node's objects; the Fetch `handleRequest` too, over the same
 * sessions. And `listenStreamableHttp`, a server on a port in one call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathOf } from '@mcpwire/protocol-core/transport-kit';
import {
  createHttpServer,
  type HttpServerLimits,
  listenOn,
  sendText,
} from '@mcpwire/protocol-core/transport-kit/node';
import { StreamableHttpCore } from './core.js';
import { NodeExchange } from './node-exchange.js';
import type { StreamableHttpServerOptions } from './options.js';
import { type StreamableHttpWebHandler, webHandlerOf } from './web-handler.js';

/** A Streamable HTTP endpoint for Node, serving both Node and Fetch requests. */
export interface StreamableHttpHandler extends StreamableHttpWebHandler {
  /**
   * Serves one Node request; resolves when it was handled (a stream may still be open). Never
   * rejects. `parsedBody` is the body a framework parsed already (Express `express.json()`).
   */
  readonly handleNode: (req: IncomingMessage, res: ServerResponse, parsedBody?: unknown) => Promise<void>;
}

/**
 * Creates a Streamable HTTP endpoint (both eras) for Node.
 * @example
 * const mcp = createStreamableHttpHandler({ server });
 * http.createServer((req, res) => mcp.handleNode(req, res)).listen(3000, '127.0.0.1');
 * app.all('/mcp', express.json(), (req, res) => mcp.handleNode(req, res, req.body)); // Express
 */
export function createStreamableHttpHandler(options: StreamableHttpServerOptions): StreamableHttpHandler {
  const core = new StreamableHttpCore(options);
  const web = webHandlerOf(core);
  return {
    handleNode: (req, res, parsedBody) =>
      core.handle(new NodeExchange(req, res, parsedBody !== undefined, parsedBody)),
    handleRequest: web.handleRequest,
    closeSseStream: web.closeSseStream,
    get stats() {
      return core.stats;
    },
    close: web.close,
  };
}

/** Options of {@link listenStreamableHttp}. */
export interface ListenStreamableHttpOptions extends StreamableHttpServerOptions {
  /** The port; 0 picks a free one. @default 0 */
  port?: number | undefined;
  /**
   * The interface to bind. Binding beyond loopback also needs `allowedHosts` (and `allowedOrigins`
   * for browsers): the default lists accept localhost names only. @default '127.0.0.1'
   */
  host?: string | undefined;
  /** The MCP endpoint; other paths are answered 404. @default '/mcp' */
  path?: string | undefined;
  /** Timeouts and the socket cap of the node:http server (see `HttpServerLimits` for the defaults). */
  httpLimits?: HttpServerLimits | undefined;
}

/** A listening endpoint. */
export interface StreamableHttpListener {
  /** The endpoint URL, e.g. `http://127.0.0.1:41234/mcp`. */
  readonly url: string;
  /** The bound port (the real one when 0 was asked). */
  readonly port: number;
  /** The handler behind it (stats, closeSseStream). */
  readonly handler: StreamableHttpHandler;
  /** Ends every session and stream, then stops listening. */
  close(): Promise<void>;
}

/**
 * Serves `server` over Streamable HTTP on a new node:http server.
 * @example
 * const { url, close } = await listenStreamableHttp({ server, port: 3000 });
 */
export async function listenStreamableHttp(
  options: ListenStreamableHttpOptions,
): Promise<StreamableHttpListener> {
  const path = options.path ?? '/mcp';
  const handler = createStreamableHttpHandler(options);
  const httpServer = createHttpServer((req, res) => {
    if (pathOf(req.url) !== path) sendText(res, 404, 'Not Found');
    else void handler.handleNode(req, res);
  }, options.httpLimits);
  const bound = await listenOn(httpServer, options, handler.close);
  return { url: bound.urlOf('http', path), port: bound.port, handler, close: bound.close };
}
