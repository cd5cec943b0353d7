/**
 * Options of the Streamable HTTP server (both entries), their defaults and range checks. Every size,
 * count and time is bounded by default.
 */
import type { Authenticate, McpServer } from '@mcpwire/protocol-core';
import {
  defaultPrincipalOf,
  integerOption,
  LOOPBACK_HOSTS,
  LOOPBACK_ORIGINS,
  reporterOf,
} from '@mcpwire/protocol-core/transport-kit';
import { type EventStore, InMemoryEventStore } from './event-store.js';

/** The options' owner in error messages; `count` checks one integer option of it. */
const OWNER = 'StreamableHttpServerOptions';
const count = (name: string, value: number | undefined, fallback: number, min: number): number =>
  integerOption(OWNER, name, value, fallback, min);

/** The timers the server uses (session sweeps, SSE keep-alives); injected in tests. */
export interface HttpServerTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Options of `createStreamableHttpHandler` (Node) and `createStreamableHttpWebHandler` (Fetch). */
export interface StreamableHttpServerOptions {
  /** The server that answers every legacy session and every 2026-07-28 request. */
  server: McpServer;
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
   * Answer CORS preflights (OPTIONS) and add `Access-Control-Allow-Origin` for browser pages on another
   * origin, for the origins `allowedOrigins` lets in. With `allowedOrigins: 'any'` it is off unless set
   * to `true` explicitly (then every origin may read answers). @default true unless `allowedOrigins` is 'any'
   */
  cors?: boolean | undefined;
  /** Largest POST body accepted, in bytes, checked before parsing (413). @default 4_194_304 */
  maxBodyBytes?: number | undefined;
  /**
   * Resolves the principal of each request from its method, URL and headers, or throws
   * `HttpAuthError` (401/403). Its result reaches handlers as `ctx.authInfo`, and binds legacy sessions.
   */
  authenticate?: Authenticate | undefined;
  /**
   * Names the principal a legacy session is bound to: a request of another principal on that session
   * is answered 404, as if the session did not exist.
   * @default `authInfo.subject`, `.sub`, `.userId`, `.clientId` or `.token`
   */
  principalOf?: ((authInfo: unknown) => string | undefined) | undefined;
  /**
   * Serve legacy clients (2025-11-25 and older: sessions, GET streams, DELETE). Without it GET and
   * DELETE are answered 405 and every POST is served as a 2026-07-28 request. @default true
   */
  legacy?: boolean | undefined;
  /** Legacy era: answer POSTs with one JSON body instead of an SSE stream. @default false */
  enableJsonResponse?: boolean | undefined;
  /**
   * Legacy sessions open at once. At the cap, `initialize` evicts the least recently used idle session
   * (no request in flight, no GET stream open), which then answers 404; with none idle it is answered
   * 503 with Retry-After. @default 10_000
   */
  maxSessions?: number | undefined;
  /**
   * 2026-07-28 requests in flight on one connection (HTTP/1.1 pipelining sends many before the first
   * answer); beyond it a request is answered 429 with `Retry-After`. Node handler only. @default 16
   */
  maxInFlightPerConnection?: number | undefined;
  /**
   * 2026-07-28 requests in flight for one principal (unauthenticated: one remote address, Node handler
   * only), listen streams included; beyond it 429 with `Retry-After`. @default 256
   */
  maxInFlightPerPrincipal?: number | undefined;
  /**
   * Legacy sessions one principal (`principalOf`) may hold; an anonymous request counts against its
   * client's address (the socket's on the Node handler; the Web handler sees no address, so anonymous
   * sessions have no per-address cap there). At the cap, `initialize` evicts that principal's least
   * recently used idle session; with all of them busy it is answered 429 with Retry-After. @default 100
   */
  maxSessionsPerPrincipal?: number | undefined;
  /**
   * Makes the id of each new legacy session: unguessable, visible ASCII without '.' or '/' (e.g.
   * `crypto.randomUUID`). @default 128 random bits from the platform's CSPRNG, base64url
   */
  sessionIdGenerator?: (() => string) | undefined;
  /** A legacy session with no request and no open stream for this long is closed, in ms. @default 1_800_000 */
  sessionIdleTimeoutMs?: number | undefined;
  /**
   * Where legacy SSE events wait for a resume (`Last-Event-ID`). `false`: no event ids, no priming
   * events, no resumption; a message with no open stream to go to then fails its send.
   * @default a new `InMemoryEventStore()`
   */
  eventStore?: EventStore | false | undefined;
  /** The `retry:` (ms) of priming events: how long a client waits before resuming a closed stream. @default 1000 */
  sseRetryMs?: number | undefined;
  /** Interval of SSE keep-alive comments (`:`) on open streams, in ms; 0 sends none. @default 15_000 */
  keepAliveMs?: number | undefined;
  /**
   * Bytes an SSE stream may buffer for a client that does not read; beyond it the stream is closed
   * and reported to `onerror` (legacy: its events stay in the event store for a resume). @default 1_048_576
   */
  maxStreamBufferBytes?: number | undefined;
  /** Non-fatal errors: refused streams, failed sends, a throwing `authenticate`. Never thrown. */
  onerror?: ((error: Error) => void) | undefined;
  /** Timers for session sweeps and keep-alives. @default the global setInterval/clearInterval */
  timers?: HttpServerTimers | undefined;
  /** Clock for session idleness, in ms. @default Date.now */
  now?: (() => number) | undefined;
}

/**
 * Internal (not exported from the package): a handler given this key set to true never evicts a session
 * to make room. The SDK-shaped transport holds exactly one session, which a second `initialize` must
 * not replace.
 */
export const KEEP_SESSIONS: unique symbol = Symbol('mcpwire.keepSessions');

/** The options with every default applied. */
export interface ResolvedHttpOptions {
  readonly server: McpServer;
  readonly allowedHosts: readonly string[] | undefined;
  readonly allowedOrigins: readonly string[] | undefined;
  readonly cors: boolean;
  readonly maxBodyBytes: number;
  readonly maxInFlightPerConnection: number;
  readonly maxInFlightPerPrincipal: number;
  readonly authenticate: Authenticate | undefined;
  readonly principalOf: (authInfo: unknown) => string | undefined;
  readonly legacy: boolean;
  readonly enableJsonResponse: boolean;
  readonly maxSessions: number;
  readonly maxSessionsPerPrincipal: number;
  /** False for the SDK-shaped transport (`KEEP_SESSIONS`): at a cap, refuse instead of evicting. */
  readonly evictIdle: boolean;
  readonly sessionIdGenerator: (() => string) | undefined;
  readonly sessionIdleTimeoutMs: number;
  readonly eventStore: EventStore | undefined;
  /** True when the handler made the store (the default): it then closes it with itself. */
  readonly ownsEventStore: boolean;
  readonly sseRetryMs: number;
  readonly keepAliveMs: number;
  readonly maxStreamBufferBytes: number;
  readonly report: (error: unknown) => void;
  readonly timers: HttpServerTimers;
  readonly now: () => number;
}

const GLOBAL_TIMERS: HttpServerTimers = {
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms) as unknown as { unref?: () => void };
    // Sweeps and keep-alives must not keep a Node process alive on their own.
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as Parameters<typeof clearInterval>[0]),
};

/** Applies the defaults; throws RangeError on a bad value. */
export function resolveHttpOptions(options: StreamableHttpServerOptions): ResolvedHttpOptions {
  if (options?.server === undefined) throw new TypeError('StreamableHttpServerOptions.server is required');
  return {
    server: options.server,
    allowedHosts: options.allowedHosts === 'any' ? undefined : (options.allowedHosts ?? LOOPBACK_HOSTS),
    allowedOrigins:
      options.allowedOrigins === 'any' ? undefined : (options.allowedOrigins ?? LOOPBACK_ORIGINS),
    cors: options.cors ?? options.allowedOrigins !== 'any',
    maxBodyBytes: count('maxBodyBytes', options.maxBodyBytes, 4 * 1024 * 1024, 1),
    maxInFlightPerConnection: count('maxInFlightPerConnection', options.maxInFlightPerConnection, 16, 1),
    maxInFlightPerPrincipal: count('maxInFlightPerPrincipal', options.maxInFlightPerPrincipal, 256, 1),
    authenticate: options.authenticate,
    principalOf: options.principalOf ?? defaultPrincipalOf,
    legacy: options.legacy ?? true,
    enableJsonResponse: options.enableJsonResponse ?? false,
    maxSessions: count('maxSessions', options.maxSessions, 10_000, 1),
    maxSessionsPerPrincipal: count('maxSessionsPerPrincipal', options.maxSessionsPerPrincipal, 100, 1),
    evictIdle: (options as { [KEEP_SESSIONS]?: boolean })[KEEP_SESSIONS] !== true,
    sessionIdleTimeoutMs: count('sessionIdleTimeoutMs', options.sessionIdleTimeoutMs, 1_800_000, 1),
    eventStore: options.eventStore === false ? undefined : (options.eventStore ?? new InMemoryEventStore()),
    ownsEventStore: options.eventStore === undefined,
    sseRetryMs: count('sseRetryMs', options.sseRetryMs, 1000, 0),
    keepAliveMs: count('keepAliveMs', options.keepAliveMs, 15_000, 0),
    maxStreamBufferBytes: count('maxStreamBufferBytes', options.maxStreamBufferBytes, 1024 * 1024, 1),
    report: reporterOf(options.onerror),
    timers: options.timers ?? GLOBAL_TIMERS,
    now: options.now ?? Date.now,
    sessionIdGenerator: options.sessionIdGenerator,
  };
}
