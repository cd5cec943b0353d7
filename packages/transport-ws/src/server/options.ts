/** Options of the WebSocket server, their defaults and range checks. */
import type { Server as HttpServer } from 'node:http';
import type { Authenticate, RequestInfo } from '@mcpwire/protocol-core';
import {
  type ConnectionHandler,
  connectorOf,
  integerOption,
  LOOPBACK_HOSTS,
  LOOPBACK_ORIGINS,
  reporterOf,
  type ServerOrFactory,
} from '@mcpwire/protocol-core/transport-kit';
import {
  type ConnectionSettings,
  resolveConnectionSettings,
  type WebSocketConnectionOptions,
} from '../connection-options.js';
import type { WebSocketTransport } from '../socket-transport.js';

/** What a server knows of a connection when it hands it over. */
export interface WebSocketConnectionInfo {
  /** The upgrade request: its headers (lower-case names) and URL. */
  readonly requestInfo: RequestInfo;
  /** What `authenticate` returned (undefined without a hook). */
  readonly authInfo: unknown;
  /** The negotiated subprotocol (`mcp`). */
  readonly protocol: string;
  /** The peer's address, where known. */
  readonly remoteAddress: string | undefined;
}

/**
 * Serves one connection: e.g. a new SDK 1.x `McpServer` per connection, since an SDK server holds one
 * transport at a time. A throw or a rejection closes the connection with 1011 and goes to `onerror`.
 */
export type WebSocketConnectionHandler = ConnectionHandler<WebSocketTransport, WebSocketConnectionInfo>;

/** Options of `createWebSocketHandler` and `listenWebSocket`. */
export interface WebSocketServerOptions extends WebSocketConnectionOptions {
  /** Who serves each connection: an object with `connect(transport)` (our `McpServer`), or a handler. */
  server: ServerOrFactory<WebSocketTransport, WebSocketConnectionInfo>;
  /**
   * An HTTP(S) server to attach to: its upgrades for `path` are served, others are left to its other
   * 'upgrade' listeners. Without it, call `handleUpgrade` yourself (or use `listenWebSocket`).
   */
  httpServer?: HttpServer | undefined;
  /** The endpoint's path, for `httpServer` and `listenWebSocket` (the query is ignored). @default '/ws' */
  path?: string | undefined;
  /**
   * Accepted `Host` values (DNS-rebinding protection): a name without a port accepts any port, `[::1]`
   * is written with brackets. Others are refused 403 before the upgrade. `'any'` turns the check off.
   * @default ['localhost', '127.0.0.1', '[::1]']
   */
  allowedHosts?: readonly string[] | 'any' | undefined;
  /**
   * Accepted `Origin` values when the header is present. Browsers apply no CORS to WebSocket, so this
   * is what keeps a web page from using a local server. Others are refused 403. `'any'` turns it off.
   * @default ['http://localhost', 'http://127.0.0.1', 'http://[::1]', and the same with https]
   */
  allowedOrigins?: readonly string[] | 'any' | undefined;
  /**
   * Resolves the principal of an upgrade from its URL and headers before accepting it, or refuses it by
   * throwing `HttpAuthError` (401 with `WWW-Authenticate`, or 403). The result reaches handlers as `authInfo`.
   */
  authenticate?: Authenticate | undefined;
  /** Open connections (and upgrades being authenticated) at most; beyond, upgrades are refused 503. @default 10000 */
  maxConnections?: number | undefined;
  /** Negotiate permessage-deflate when the client offers it. @default false */
  perMessageDeflate?: boolean | undefined;
  /** Non-fatal server errors: a throwing `authenticate`, a failing `connect`. Never thrown. */
  onerror?: ((error: Error) => void) | undefined;
}

/** The options with every default applied. */
export interface ResolvedServerOptions {
  readonly connect: WebSocketConnectionHandler;
  readonly path: string;
  readonly allowedHosts: readonly string[] | undefined;
  readonly allowedOrigins: readonly string[] | undefined;
  readonly authenticate: Authenticate | undefined;
  readonly maxConnections: number;
  readonly perMessageDeflate: boolean;
  readonly connection: ConnectionSettings;
  readonly report: (error: unknown) => void;
}

/** Applies the defaults; throws on a missing server or a bad value. */
export function resolveServerOptions(options: WebSocketServerOptions): ResolvedServerOptions {
  const owner = 'WebSocketServerOptions';
  const connect = connectorOf(options?.server, owner);
  const path = options.path ?? '/ws';
  if (!path.startsWith('/')) throw new RangeError(`${owner}.path must start with "/", got "${path}"`);
  return {
    connect,
    path,
    allowedHosts: options.allowedHosts === 'any' ? undefined : (options.allowedHosts ?? LOOPBACK_HOSTS),
    allowedOrigins:
      options.allowedOrigins === 'any' ? undefined : (options.allowedOrigins ?? LOOPBACK_ORIGINS),
    authenticate: options.authenticate,
    maxConnections: integerOption(owner, 'maxConnections', options.maxConnections, 10_000, 1),
    perMessageDeflate: options.perMessageDeflate ?? false,
    connection: resolveConnectionSettings(owner, options),
    report: reporterOf(options.onerror),
  };
}
