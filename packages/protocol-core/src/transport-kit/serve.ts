/**
 * What the HTTP, SSE and WebSocket servers share in their public shape: who serves each connection,
 * and the counters they report.
 */
import type { Transport } from '../transport.js';

/** Anything that serves transports: our `McpServer` (many connections at once), or an SDK server used once. */
export interface ConnectableServer {
  /** Serves `transport`; the transport is not started yet. */
  connect(transport: Transport): Promise<unknown>;
}

/**
 * Serves one new connection, e.g. by making a server for it (an SDK 1.x server holds one transport at a
 * time): `(transport) => makeServer().connect(transport)`. A throw or a rejection ends the connection.
 */
export type ConnectionHandler<T extends Transport = Transport, Info = unknown> = (
  transport: T,
  info: Info,
) => unknown;

/**
 * The `server` option of every mcpwire transport server: one server for all connections, or a handler
 * called once per connection (or session) with its transport and what is known of the client.
 * @example
 * const shared: ServerOrFactory = mcpServer;
 * const perSession: ServerOrFactory = (transport) => makeSdkServer().connect(transport);
 */
export type ServerOrFactory<T extends Transport = Transport, Info = unknown> =
  | ConnectableServer
  | ConnectionHandler<T, Info>;

/**
 * Turns a {@link ServerOrFactory} into the one function a server calls per connection; throws a
 * TypeError naming `owner` (e.g. `SseServerOptions`) when it is neither.
 */
export function connectorOf<T extends Transport, Info>(
  server: ServerOrFactory<T, Info> | undefined,
  owner: string,
): ConnectionHandler<T, Info> {
  if (server === undefined || server === null) throw new TypeError(`${owner}.server is required`);
  if (typeof server === 'function') return server;
  if (typeof server.connect === 'function') return (transport) => server.connect(transport);
  throw new TypeError(`${owner}.server must have a connect(transport) method, or be a function`);
}

/**
 * The counters every transport server reports, live, with the same names and meanings; each server
 * adds its own (`StreamableHttpServerStats`, `SseServerStats`, `WebSocketServerStats`).
 */
export interface ServerStats {
  /** Sessions open now (a WebSocket connection, an SSE stream, a legacy Streamable HTTP session). */
  readonly sessions: number;
  /** Sessions opened since the server was made. */
  readonly sessionsCreated: number;
  /** New sessions refused because the server's session limit was reached. */
  readonly refusedSessions: number;
}
