/**
 * Options of the Streamable HTTP client transport, shared by the Node and the `./fetch` entries,
 * and their resolution (defaults, range checks).
 */
import type { Transport } from '@mcpwire/protocol-core';
import type { Timers } from '@mcpwire/protocol-core/transport-kit';
import { createEraCache, type EraCache } from './era-cache.js';
import type { FetchLike, HttpRequester } from './http.js';

/** Static headers, or a function called before every HTTP request (e.g. to add a fresh token). */
export type HeadersOption =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

/** A tool the transport removed from a `tools/list` result because of its `x-mcp-header` annotations. */
export interface ToolRejection {
  /** The tool's name. */
  readonly name: string;
  /** Which annotation is invalid, and why. */
  readonly reason: string;
}

/** How streams are resumed after they break (legacy GET streams and POST streams, modern re-issues). */
export interface ReconnectOptions {
  /**
   * Consecutive failed reconnections (no stream opened) before giving up; a reconnection that opens
   * a stream resets the count, so a server that closes streams on purpose can be polled.
   * @default 5
   */
  maxAttempts?: number | undefined;
  /** Delay before the first reconnection when the server sent no `retry`, in ms. @default 1000 */
  initialDelayMs?: number | undefined;
  /** Longest delay between reconnections when the server sent no `retry`, in ms. @default 30000 */
  maxDelayMs?: number | undefined;
  /** Growth of the delay per failed attempt when the server sent no `retry`. @default 1.5 */
  backoffFactor?: number | undefined;
}

/** @deprecated use `Timers` (exported here too), the one timer shape of every transport; kept for one release. */
export type ClientTimers = Timers;

/** Options of the Streamable HTTP client transport, common to both entries. */
export interface StreamableHttpClientTransportOptions {
  /** The MCP endpoint. */
  url: string | URL;
  /** The `fetch` to use. @default globalThis.fetch (`./fetch` entry); undici's `request` (Node entry) */
  fetch?: FetchLike | undefined;
  /** A custom requester, used before `fetch` or a dispatcher (interceptors, tests). @default none */
  http?: HttpRequester | undefined;
  /** Extra headers on every request, e.g. `Authorization`; protocol headers win over them. @default {} */
  headers?: HeadersOption | undefined;
  /** The largest response body or SSE event accepted, in bytes. @default 4194304 (4 MiB) */
  maxMessageBytes?: number | undefined;
  /** Stream resumption. @default {} (the defaults of each field) */
  reconnect?: ReconnectOptions | undefined;
  /** Modern era: new POSTs of a request whose response stream broke before its response. @default 2 */
  maxReissues?: number | undefined;
  /**
   * The legacy HTTP+SSE (2024-11-05) transport to switch to when `initialize` gets 400, 404 or 405
   * without a modern error body. Injected, never imported. @default none (the error is reported)
   */
  fallback?: ((url: URL) => Transport | Promise<Transport>) | undefined;
  /**
   * Where detected eras are remembered; `false` disables it. Each transport has its own by default, so
   * unrelated clients never steer each other; pass one `createEraCache()` to several
   * transports to share what they learn. @default a cache of this transport's own
   */
  eraCache?: EraCache | false | undefined;
  /** Receives the tools removed from `tools/list` results. @default reported through `onerror` */
  onToolRejected?: ((rejection: ToolRejection) => void) | undefined;
  /** Tools whose `x-mcp-header` parameters are remembered at most (least recently listed go first). @default 1024 */
  maxKnownTools?: number | undefined;
  /** Legacy era: open the GET stream for server-initiated messages after `initialized`. @default true */
  openGetStream?: boolean | undefined;
  /** How long `close()` waits for the session DELETE, in ms. @default 2000 */
  closeTimeoutMs?: number | undefined;
  /** Timers for delays. @default the global setTimeout / clearTimeout */
  timers?: Timers | undefined;
  /** Random numbers in [0, 1) for reconnection jitter. @default Math.random */
  random?: (() => number) | undefined;
}

/** Defaults applied, checked once. */
export interface ResolvedClientOptions {
  readonly url: URL;
  readonly headers: HeadersOption | undefined;
  readonly maxMessageBytes: number;
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly backoffFactor: number;
  readonly maxReissues: number;
  readonly fallback: ((url: URL) => Transport | Promise<Transport>) | undefined;
  readonly eraCache: EraCache | undefined;
  readonly onToolRejected: ((rejection: ToolRejection) => void) | undefined;
  readonly maxKnownTools: number;
  readonly openGetStream: boolean;
  readonly closeTimeoutMs: number;
  readonly timers: Timers;
  readonly random: () => number;
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function integer(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(
      `StreamableHttpClientTransportOptions.${name} must be an integer >= ${min}, got ${value}`,
    );
  }
  return value;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(
      `StreamableHttpClientTransportOptions.${name} must be a finite number > 0, got ${value}`,
    );
  }
  return value;
}

/** Applies the defaults; throws RangeError or TypeError on bad values. */
export function resolveClientOptions(options: StreamableHttpClientTransportOptions): ResolvedClientOptions {
  const url = new URL(options.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`StreamableHttpClientTransportOptions.url must be http(s), got ${url.protocol}`);
  }
  const reconnect = options.reconnect ?? {};
  const backoffFactor = positive('reconnect.backoffFactor', reconnect.backoffFactor, 1.5);
  if (backoffFactor < 1) {
    throw new RangeError(
      `StreamableHttpClientTransportOptions.reconnect.backoffFactor must be >= 1, got ${backoffFactor}`,
    );
  }
  return {
    url,
    headers: options.headers,
    maxMessageBytes: integer('maxMessageBytes', options.maxMessageBytes, 4 * 1024 * 1024, 1),
    maxAttempts: integer('reconnect.maxAttempts', reconnect.maxAttempts, 5, 0),
    initialDelayMs: positive('reconnect.initialDelayMs', reconnect.initialDelayMs, 1000),
    maxDelayMs: positive('reconnect.maxDelayMs', reconnect.maxDelayMs, 30_000),
    backoffFactor,
    maxReissues: integer('maxReissues', options.maxReissues, 2, 0),
    fallback: options.fallback,
    eraCache: options.eraCache === false ? undefined : (options.eraCache ?? createEraCache(4)),
    onToolRejected: options.onToolRejected,
    maxKnownTools: integer('maxKnownTools', options.maxKnownTools, 1024, 1),
    openGetStream: options.openGetStream ?? true,
    closeTimeoutMs: positive('closeTimeoutMs', options.closeTimeoutMs, 2000),
    timers: options.timers ?? defaultTimers,
    random: options.random ?? Math.random,
  };
}

/** The server's `retry` is obeyed within these bounds: a hostile 0 must not spin, a huge one not stall. */
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 60_000;

/**
 * The wait before reconnection number `attempt` (0-based): the server's `retry` when it sent one
 * (the spec's MUST), else exponential backoff; plus up to 10% jitter, never less than asked.
 */
export function reconnectDelay(
  options: ResolvedClientOptions,
  attempt: number,
  serverRetryMs: number | undefined,
): number {
  const base =
    serverRetryMs !== undefined
      ? Math.min(Math.max(serverRetryMs, RETRY_MIN_MS), RETRY_MAX_MS)
      : Math.min(options.initialDelayMs * options.backoffFactor ** attempt, options.maxDelayMs);
  return Math.round(base * (1 + 0.1 * options.random()));
}
