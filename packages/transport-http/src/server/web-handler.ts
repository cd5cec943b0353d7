/**
 * The Fetch entry: `handleRequest(request) => Response` for Hono, Bun, Deno, Cloudflare Workers and
 * anything else built on Web `Request`/`Response`. Runtime-neutral: nothing in its import graph
 * touches `node:` or undici.
 */
import type { RequestId } from '@mcpwire/protocol-core';
import { StreamableHttpCore, type StreamableHttpServerStats } from './core.js';
import type { StreamableHttpServerOptions } from './options.js';
import { WebExchange } from './web-exchange.js';

/** A Streamable HTTP endpoint over the Fetch API. */
export interface StreamableHttpWebHandler {
  /** Serves one request; resolves as soon as the response starts (streams keep going). Never rejects. */
  readonly handleRequest: (request: Request) => Promise<Response>;
  /**
   * Ends the connection of a legacy request's SSE stream before its response (SSE polling,
   * SEP-1699): the client resumes with `GET` + `Last-Event-ID` after the priming event's `retry`.
   * False when the session or the request has no open stream.
   */
  closeSseStream(sessionId: string, requestId: RequestId): boolean;
  /** Live counters. */
  readonly stats: StreamableHttpServerStats;
  /** Ends every session and stream; later requests are answered 503. The `McpServer` stays open. */
  close(): Promise<void>;
}

/** Builds the handler methods shared by both entries over one core. */
export function webHandlerOf(core: StreamableHttpCore): StreamableHttpWebHandler {
  return {
    handleRequest: (request) => {
      const exchange = new WebExchange(request);
      void core.handle(exchange);
      return exchange.response;
    },
    closeSseStream: (sessionId, requestId) =>
      core.legacy.session(sessionId)?.closeRequestStream(requestId) ?? false,
    get stats() {
      return core.stats;
    },
    close: () => core.close(),
  };
}

/**
 * Creates a Streamable HTTP endpoint (both eras) over the Fetch API.
 * @example
 * const mcp = createStreamableHttpWebHandler({ server });
 * app.all('/mcp', (c) => mcp.handleRequest(c.req.raw)); // Hono
 * Bun.serve({ fetch: (request) => mcp.handleRequest(request) });
 */
export function createStreamableHttpWebHandler(
  options: StreamableHttpServerOptions,
): StreamableHttpWebHandler {
  return webHandlerOf(new StreamableHttpCore(options));
}
