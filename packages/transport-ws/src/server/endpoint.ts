/**
 * The WebSocket server: every check happens before the upgrade (Host and Origin 403, the `mcp`
 * subprotocol 400, the connection cap 503, authentication 401/403), then `ws` completes the handshake
 * and the connection is handed to the MCP server as a `WebSocketTransport`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpAuthError, type MessageExtraInfo, type RequestInfo } from '@mcpwire/protocol-core';
import {
  authRefusalHeaders,
  authRequestOf,
  headerValue,
  OriginGuard,
  pathOf,
  type ServerStats,
} from '@mcpwire/protocol-core/transport-kit';
import { type WebSocket, WebSocketServer } from 'ws';
import { WebSocketCloseCode } from '../close-codes.js';
import { WsPort } from '../internal/ws-port.js';
import { type WebSocketTransport, webSocketTransportOver } from '../socket-transport.js';
import { MCP_SUBPROTOCOL } from '../subprotocol.js';
import { type ResolvedServerOptions, resolveServerOptions, type WebSocketServerOptions } from './options.js';
import { refuseUpgrade } from './refusal.js';

/**
 * Counts of a server, live: the ones every transport server has (a session is an open connection;
 * `refusedSessions` counts upgrades refused at `maxConnections`), and its own.
 */
export interface WebSocketServerStats extends ServerStats {
  /** @deprecated the same as `sessions`, its name on every transport server; kept for one release. */
  readonly connections: number;
  /** Upgrades waiting for `authenticate`. */
  readonly upgrading: number;
}

/** A WebSocket MCP endpoint: its upgrade handler, counts, and shutdown. */
export interface WebSocketHandler {
  /**
   * Serves one upgrade request (for frameworks that route upgrades themselves: no path check here).
   * Resolves once the connection was accepted or refused; never rejects.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
  /** Open connections and pending upgrades. */
  readonly stats: WebSocketServerStats;
  /**
   * Refuses new upgrades (503), closes every connection with 1001 and resolves once all are closed
   * (at most `closeTimeoutMs` later). Detaches from `httpServer` without closing it. Idempotent.
   */
  close(): Promise<void>;
}

/** True when the `Sec-WebSocket-Protocol` header offers `mcp`. */
function offersMcp(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((protocol) => protocol.trim() === MCP_SUBPROTOCOL);
}

function requestInfoOf(request: IncomingMessage): RequestInfo {
  const secure = (request.socket as { encrypted?: boolean }).encrypted === true;
  let url: URL | undefined;
  try {
    url = new URL(request.url ?? '/', `${secure ? 'wss' : 'ws'}://${request.headers.host ?? 'localhost'}`);
  } catch {
    url = undefined;
  }
  return { headers: request.headers, url, remoteAddress: request.socket.remoteAddress };
}

function destroyOnError(this: Duplex): void {
  this.destroy();
}

class Endpoint implements WebSocketHandler {
  readonly #options: ResolvedServerOptions;
  readonly #guard: OriginGuard;
  readonly #wss: WebSocketServer;
  readonly #connections = new Set<WebSocketTransport>();
  readonly #detach: (() => void) | undefined;
  #upgrading = 0;
  #created = 0;
  #refused = 0;
  #closed = false;

  constructor(options: WebSocketServerOptions) {
    const resolved = resolveServerOptions(options);
    this.#options = resolved;
    this.#guard = new OriginGuard(resolved.allowedHosts, resolved.allowedOrigins);
    this.#wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      maxPayload: resolved.connection.maxMessageBytes,
      perMessageDeflate: resolved.perMessageDeflate,
      skipUTF8Validation: false,
      handleProtocols: (protocols) => (protocols.has(MCP_SUBPROTOCOL) ? MCP_SUBPROTOCOL : false),
    });
    const httpServer = options.httpServer;
    if (httpServer !== undefined) {
      // Upgrades for other paths are left alone: another listener on the same server may serve them.
      const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
        if (pathOf(request.url) === resolved.path) void this.handleUpgrade(request, socket, head);
      };
      httpServer.on('upgrade', onUpgrade);
      this.#detach = () => httpServer.off('upgrade', onUpgrade);
    }
  }

  get stats(): WebSocketServerStats {
    const sessions = this.#connections.size;
    return {
      sessions,
      sessionsCreated: this.#created,
      refusedSessions: this.#refused,
      connections: sessions,
      upgrading: this.#upgrading,
    };
  }

  async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // Until `ws` owns the socket, an error on it (a reset during authentication) must not crash the process.
    socket.on('error', destroyOnError);
    try {
      await this.#upgrade(request, socket, head);
    } catch (error) {
      this.#options.report(error);
      if (!socket.destroyed) refuseUpgrade(socket, 500, 'Internal error');
    } finally {
      socket.off('error', destroyOnError);
    }
  }

  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#detach?.();
    }
    const closing = [...this.#connections].map((transport) =>
      transport.close(WebSocketCloseCode.GoingAway, 'server shutting down'),
    );
    await Promise.all(closing);
  }

  async #upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const options = this.#options;
    if (this.#closed) return refuseUpgrade(socket, 503, 'Service Unavailable: the server is closing');
    // DNS-rebinding protection first: nothing else is looked at for a refused origin.
    const refusal = this.#guard.refusal(request.headers.host, headerValue(request.headers, 'origin'));
    if (refusal !== undefined) return refuseUpgrade(socket, 403, refusal);
    if (!offersMcp(headerValue(request.headers, 'sec-websocket-protocol'))) {
      return refuseUpgrade(
        socket,
        400,
        `Bad Request: Sec-WebSocket-Protocol must offer "${MCP_SUBPROTOCOL}"`,
      );
    }
    if (this.#connections.size + this.#upgrading >= options.maxConnections) {
      this.#refused++;
      return refuseUpgrade(
        socket,
        503,
        `Service Unavailable: ${options.maxConnections} connections are open (maxConnections)`,
        { 'Retry-After': '1' },
      );
    }
    let authInfo: unknown;
    if (options.authenticate !== undefined) {
      // The slot is held while the hook runs, so slow authentication cannot push past the cap.
      this.#upgrading++;
      try {
        authInfo = await options.authenticate(authRequestOf(request.method, request.url, request.headers));
      } catch (error) {
        if (error instanceof HttpAuthError) {
          return refuseUpgrade(socket, error.status, error.message, authRefusalHeaders(error));
        }
        options.report(error);
        return refuseUpgrade(socket, 500, 'Internal error');
      } finally {
        this.#upgrading--;
      }
      if (this.#closed) return refuseUpgrade(socket, 503, 'Service Unavailable: the server is closing');
    }
    if (socket.destroyed) return;
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, request, authInfo));
  }

  #accept(ws: WebSocket, request: IncomingMessage, authInfo: unknown): void {
    const requestInfo = requestInfoOf(request);
    const extra: MessageExtraInfo = { requestInfo, authInfo };
    const transport: WebSocketTransport = webSocketTransportOver(new WsPort(ws), this.#options.connection, {
      extra,
      finished: () => this.#connections.delete(transport),
      pauseReadsWhenBuffered: true,
    });
    this.#connections.add(transport);
    this.#created++;
    const info = {
      requestInfo,
      authInfo,
      protocol: ws.protocol,
      remoteAddress: request.socket.remoteAddress,
    };
    let served: unknown;
    try {
      served = this.#options.connect(transport, info);
    } catch (error) {
      this.#unserved(transport, error);
      return;
    }
    if (typeof (served as PromiseLike<unknown> | undefined)?.then === 'function') {
      (served as PromiseLike<unknown>).then(undefined, (error: unknown) => this.#unserved(transport, error));
    }
  }

  /** The MCP server could not take the connection: it is closed with 1011 and the cause reported. */
  #unserved(transport: WebSocketTransport, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.#options.report(
      new Error(`The MCP server failed to take a WebSocket connection: ${reason}`, { cause: error }),
    );
    void transport.close(WebSocketCloseCode.InternalError, 'server error');
  }
}

/**
 * Creates a WebSocket MCP endpoint (either era per connection, as with stdio). Attach it to an HTTP
 * server with `httpServer`, or route upgrades to `handleUpgrade` yourself.
 * @example
 * const server = new McpServer({ name: 'demo', version: '1.0.0' });
 * const http = createServer(app);
 * createWebSocketHandler({ server, httpServer: http, path: '/ws' });
 * http.listen(3000, '127.0.0.1');
 */
export function createWebSocketHandler(options: WebSocketServerOptions): WebSocketHandler {
  return new Endpoint(options);
}

/** @deprecated use {@link WebSocketHandler}, named like the HTTP and SSE handlers; kept for one release. */
export type WebSocketEndpoint = WebSocketHandler;

/** @deprecated use {@link createWebSocketHandler}, named like the HTTP and SSE factories; kept for one release. */
export const createWebSocketServer: (options: WebSocketServerOptions) => WebSocketHandler =
  createWebSocketHandler;
