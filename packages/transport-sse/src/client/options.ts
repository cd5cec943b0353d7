/** Options of the HTTP+SSE client transport, shared by the Node and `./fetch` entries, and their defaults. */
import type { Timers } from '@mcpwire/protocol-core/transport-kit';
import type { FetchLike } from './http.js';

/** Static headers, or a function called before every HTTP request (e.g. to add a fresh token). */
export type HeadersOption =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

/** @deprecated use `Timers` (exported here too), the one timer shape of every transport; kept for one release. */
export type SseClientTimers = Timers;

/** Options of the HTTP+SSE client transport, common to both entries. */
export interface SseClientTransportOptions {
  /** The server's event stream (its `GET` URL), e.g. `http://127.0.0.1:3001/sse`. */
  url: string | URL;
  /**
   * Extra headers on the GET and every POST, e.g. `Authorization`; a function is called per request.
   * `Accept` (GET) and `Content-Type` (POST) are the transport's. @default {}
   */
  headers?: HeadersOption | undefined;
  /**
   * The largest event accepted, in UTF-8 bytes of its data. A bigger one is reported to `onerror`
   * (`MCPWIRE_ERR_MESSAGE_TOO_LARGE`) and dropped; the stream goes on. @default 4_194_304
   */
  maxMessageBytes?: number | undefined;
  /** How long `start()` waits for the stream and its `endpoint` event, in ms. @default 30_000 */
  connectTimeoutMs?: number | undefined;
  /** The `fetch` to use. @default globalThis.fetch (`./fetch` entry); undici (Node entry) */
  fetch?: FetchLike | undefined;
  /** Timers for the connect deadline. @default the global setTimeout / clearTimeout */
  timers?: Timers | undefined;
}

/** Defaults applied, checked once. */
export interface ResolvedSseClientOptions {
  readonly url: URL;
  readonly headers: HeadersOption | undefined;
  readonly maxMessageBytes: number;
  readonly connectTimeoutMs: number;
  readonly timers: Timers;
}

const DEFAULT_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A safe integer >= `min`, or the fallback when undefined; throws RangeError otherwise. */
export function integerOption(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`SseClientTransportOptions.${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

/** Applies the defaults; throws RangeError or TypeError on bad values. */
export function resolveSseClientOptions(options: SseClientTransportOptions): ResolvedSseClientOptions {
  const url = new URL(options.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`SseClientTransportOptions.url must be http(s), got ${url.protocol}`);
  }
  return {
    url,
    headers: options.headers,
    maxMessageBytes: integerOption('maxMessageBytes', options.maxMessageBytes, 4 * 1024 * 1024, 1),
    connectTimeoutMs: integerOption('connectTimeoutMs', options.connectTimeoutMs, 30_000, 1),
    timers: options.timers ?? DEFAULT_TIMERS,
  };
}
