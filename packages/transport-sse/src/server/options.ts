/**
 * Options of the HTTP+SSE server handler, their defaults and range checks. Every size, count and time
 * is bounded by default.
 */
import type { Authenticate } from '@mcpwire/protocol-core';
import {
  backgroundTimers,
  type ConnectableServer,
  type ConnectionHandler,
  connectorOf,
  defaultPrincipalOf,
  integerOption,
  LOOPBACK_HOSTS,
  LOOPBACK_ORIGINS,
  reporterOf,
  type ServerOrFactory,
  type Timers,
} from '@mcpwire/protocol-core/transport-kit';
import type { SseServerTransport } from './session-transport.js';

/** The options' owner in error messages; `count` checks one integer option of it. */
const OWNER = 'SseServerOptions';
const count = (name: string, value: number | undefined, fallback: number, min: number): number =>
  integerOption(OWNER, name, value, fallback, min);

/** @deprecated use `Timers` (exported here too), the one timer shape of every transport; kept for one release. */
export type SseServerTimers = Timers;

/** What the handler knows about a new connection when it hands its transport over. */
export interface SseConnectionInfo {
  /** The new session's id (also `transport.sessionId`). */
  readonly sessionId: string;
  /** What `authenticate` returned for the GET that opened the stream. */
  readonly authInfo: unknown;
  /** The GET request's headers (lower-case names). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** @deprecated use `ConnectableServer` (exported here too), shared by every transport server; kept for one release. */
export type SseConnectableServer = ConnectableServer;

/**
 * Called once per new stream with its transport, e.g. to create an official SDK 1.x `Server` per
 * session (`(transport) => makeServer().connect(transport)`). The transport is not started yet.
 */
export type SseConnectionHandler = ConnectionHandler<SseServerTransport, SseConnectionInfo>;

/** @deprecated use {@link SseConnectionHandler}, named like `WebSocketConnectionHandler`; kept for one release. */
export type SseConnectHandler = SseConnectionHandler;

/** Options of `createSseHandler` and `listenSse`. */
export interface SseServerOptions {
  /** Serves each connection: a server with `connect(transport)` (our `McpServer`), or a factory. */
  server: ServerOrFactory<SseServerTransport, SseConnectionInfo>;
  /** Path of the event stream (GET). @default '/sse' */
  ssePath?: string | undefined;
  /** Path clients POST their messages to; the `endpoint` event names it with `?sessionId=`. @default '/messages' */
  messagesPath?: string | undefined;
  /**
   * Accepted `Host` values (DNS-rebinding protection): a name without a port accepts any port, and
   * `[::1]` is written with brackets. A request without Host, or with another one, is answered 403.
   * `'any'` turns the check off (behind a proxy that checks it). @default ['localhost', '127.0.0.1', '[::1]']
   */
  allowedHosts?: readonly string[] | 'any' | undefined;
  /**
   * Accepted `Origin` values when the header is present (browsers send it): full origins, a port-less
   * one accepting any port. Others, `null` included, are answered 403. `'any'` turns the check off.
   * @default ['http://localhost', 'http://127.0.0.1', 'http://[::1]', and the same with https]
   */
  allowedOrigins?: readonly string[] | 'any' | undefined;
  /**
   * Answer CORS preflights (OPTIONS on `ssePath` and `messagesPath`) and add `Access-Control-Allow-Origin`
   * to every answer, stream included, for browser pages on another origin that `allowedOrigins` lets in.
   * With `allowedOrigins: 'any'` it is off unless set to `true` explicitly (then every origin may read
   * answers). Set it to false when a framework's CORS middleware does this instead.
   * @default true unless `allowedOrigins` is 'any'
   */
  cors?: boolean | undefined;
  /**
   * Resolves the principal of each GET and POST from its method, URL and headers, or throws
   * `HttpAuthError` (401/403). Its result reaches handlers as `authInfo` and binds the session.
   * @default none (every request is anonymous)
   */
  authenticate?: Authenticate | undefined;
  /**
   * Names the principal a session is bound to: a POST of another principal is answered 404, as if
   * the session did not exist.
   * @default `authInfo.subject`, `.sub`, `.userId`, `.clientId` or `.token`
   */
  principalOf?: ((authInfo: unknown) => string | undefined) | undefined;
  /** Largest POST body accepted, in bytes, counted while reading and before parsing (413). @default 4_194_304 */
  maxBodyBytes?: number | undefined;
  /**
   * Streams open at once. At the cap, a GET evicts the least recently used idle session (no request of
   * its client awaiting an answer): its stream ends and its POSTs answer 404. With none idle the GET
   * is answered 503 with `Retry-After`. @default 10_000
   */
  maxSessions?: number | undefined;
  /**
   * Streams one principal (`principalOf`) may hold open; an anonymous GET counts against its client's
   * address (`req.socket.remoteAddress`). At the cap, a GET evicts that principal's least recently
   * used idle session; with all of them busy it is answered 429 with `Retry-After`. @default 100
   */
  maxSessionsPerPrincipal?: number | undefined;
  /** Interval of `: keep-alive` comment lines on each stream, in ms; 0 sends none. @default 15_000 */
  keepAliveMs?: number | undefined;
  /**
   * Bytes of SSE output a stream may hold unflushed for a client that does not read; a write finding
   * more than this still unflushed cuts the stream and closes the session with
   * `MCPWIRE_ERR_LIMIT_EXCEEDED` on its `onerror` (so at most this plus one event is held). Every answer
   * shares the one stream: size it for the answers legitimately in flight at once. @default 1_048_576
   */
  maxStreamBufferBytes?: number | undefined;
  /** Messages a session holds before its transport is started. @default 10_000 */
  maxQueued?: number | undefined;
  /** Handler-level errors: a failing `connect`, a throwing `authenticate`. Never thrown. @default ignored */
  onerror?: ((error: Error) => void) | undefined;
  /** Timers for keep-alives. @default the global setTimeout / clearTimeout (unref'd) */
  timers?: Timers | undefined;
}

/** The options with every default applied. */
export interface ResolvedSseServerOptions {
  readonly connect: (transport: SseServerTransport, info: SseConnectionInfo) => unknown;
  readonly ssePath: string;
  readonly messagesPath: string;
  readonly allowedHosts: readonly string[] | undefined;
  readonly allowedOrigins: readonly string[] | undefined;
  readonly cors: boolean;
  readonly authenticate: Authenticate | undefined;
  readonly principalOf: (authInfo: unknown) => string | undefined;
  readonly maxBodyBytes: number;
  readonly maxSessions: number;
  readonly maxSessionsPerPrincipal: number;
  readonly keepAliveMs: number;
  readonly maxStreamBufferBytes: number;
  readonly maxQueued: number;
  readonly report: (error: unknown) => void;
  readonly timers: Timers;
}

function path(name: string, value: string | undefined, fallback: string): string {
  const resolved = value ?? fallback;
  if (!resolved.startsWith('/') || resolved.includes('?') || resolved.includes('#')) {
    throw new RangeError(`SseServerOptions.${name} must be a path starting with "/", got "${resolved}"`);
  }
  return resolved;
}

/** Applies the defaults; throws RangeError or TypeError on a bad value. */
export function resolveSseServerOptions(options: SseServerOptions): ResolvedSseServerOptions {
  const connect = connectorOf(options?.server, 'SseServerOptions');
  const ssePath = path('ssePath', options.ssePath, '/sse');
  const messagesPath = path('messagesPath', options.messagesPath, '/messages');
  if (ssePath === messagesPath)
    throw new RangeError('SseServerOptions: ssePath and messagesPath must differ');
  return {
    connect,
    ssePath,
    messagesPath,
    allowedHosts: options.allowedHosts === 'any' ? undefined : (options.allowedHosts ?? LOOPBACK_HOSTS),
    allowedOrigins:
      options.allowedOrigins === 'any' ? undefined : (options.allowedOrigins ?? LOOPBACK_ORIGINS),
    // With every origin let in, opening reads to all of them must be asked for, not implied.
    cors: options.cors ?? options.allowedOrigins !== 'any',
    authenticate: options.authenticate,
    principalOf: options.principalOf ?? defaultPrincipalOf,
    maxBodyBytes: count('maxBodyBytes', options.maxBodyBytes, 4 * 1024 * 1024, 1),
    maxSessions: count('maxSessions', options.maxSessions, 10_000, 1),
    maxSessionsPerPrincipal: count('maxSessionsPerPrincipal', options.maxSessionsPerPrincipal, 100, 1),
    keepAliveMs: count('keepAliveMs', options.keepAliveMs, 15_000, 0),
    maxStreamBufferBytes: count('maxStreamBufferBytes', options.maxStreamBufferBytes, 1024 * 1024, 1),
    maxQueued: count('maxQueued', options.maxQueued, 10_000, 1),
    report: reporterOf(options.onerror),
    timers: options.timers ?? backgroundTimers,
  };
}
