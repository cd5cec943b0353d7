/**
 * The tiny HTTP interface the client transport is written against, so that one core runs over
 * undici (Node entry) and over `fetch` (browsers, workers, Deno, Bun). Runtime-neutral: no `node:`.
 */
import { collectText as collectChunks, readerChunks } from '@mcpwire/protocol-core/transport-kit';

/** One HTTP request as the transport makes it. */
export interface HttpRequest {
  /** The only three methods Streamable HTTP uses. */
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Header names in lower case; values already encoded. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body of a POST. */
  readonly body?: string | undefined;
  /** Aborting it cancels the request and its response body. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The same abort as `signal`, as a lighter object that requesters taking any abort source (undici
   * does) use instead; `signal` is then made only if read. Absent when `signal` is all there is.
   */
  readonly abortSource?: AbortSourceLike | undefined;
}

/** What undici accepts as a request's `signal`; an AbortSignal is one. */
export interface AbortSourceLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** The part of a response the transport reads. */
export interface HttpResponse {
  /** The HTTP status code. */
  readonly status: number;
  /** Case-insensitive header lookup; null when absent. */
  readonly headers: { get(name: string): string | null };
  /** The body as it streams in; null when there is none. */
  readonly body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null;
  /** Releases a body the transport will not read (or stops reading it). Never throws. */
  cancel(): void;
  /**
   * Reads the whole body as UTF-8 text, or resolves undefined (the rest left unread) once it holds
   * more than `limit` bytes. Optional: a faster path for JSON answers than iterating `body`.
   */
  readonly text?: ((limit: number) => Promise<string | undefined>) | undefined;
}

/**
 * Makes one HTTP request. Rejects only when no response arrived (network failure, abort); an HTTP
 * error status is a response like any other.
 */
export type HttpRequester = (url: URL, request: HttpRequest) => Promise<HttpResponse>;

/** The subset of `fetch`'s response the fetch requester reads; `globalThis.fetch` satisfies it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  /** The whole body as text; used when `Content-Length` shows the body is within the limit. */
  text?(): Promise<string>;
}

/**
 * A `fetch` function, typed structurally so that neither DOM nor Node typings are needed to pass one.
 * `body` is written without `| undefined` on purpose: `RequestInit` does not accept an explicit
 * undefined under `exactOptionalPropertyTypes`, and `globalThis.fetch` must stay assignable.
 */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<FetchResponseLike>;

function isReadableStream(body: unknown): body is ReadableStream<Uint8Array> {
  return typeof (body as { getReader?: unknown }).getReader === 'function';
}

/**
 * Iterates a body chunk by chunk. Works on streams that are not async-iterable (Safari's), and
 * cancels the stream when the caller stops early.
 */
export async function* chunksOf(body: HttpResponse['body']): AsyncGenerator<Uint8Array> {
  if (body === null) return;
  if (!isReadableStream(body)) {
    yield* body;
    return;
  }
  yield* readerChunks(body);
}

/**
 * Reads a body chunk by chunk as UTF-8 text; undefined once it holds more than `limit` bytes (the
 * rest is cancelled, never read). At most the limit plus one chunk is held.
 */
export function collectText(body: HttpResponse['body'], limit: number): Promise<string | undefined> {
  return collectChunks(chunksOf(body), limit);
}

/**
 * The declared body length, when the header holds one plain decimal number and no content coding
 * applies (a compressed body decodes to more than it declares).
 */
export function declaredLength(headers: HttpResponse['headers']): number | undefined {
  const coding = headers.get('content-encoding');
  if (coding !== null && coding.trim().toLowerCase() !== 'identity') return undefined;
  const value = headers.get('content-length');
  if (value === null || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

/** The global `fetch`, called through a wrapper; throws TypeError when the runtime has none. */
export function globalFetch(): FetchLike {
  const fetchImpl = globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new TypeError('No global fetch in this runtime: pass StreamableHttpClientTransportOptions.fetch');
  }
  // Called through a wrapper: some runtimes refuse a fetch whose `this` is not the global object.
  return (url, init) => fetchImpl(url, init);
}

/** Wraps a `fetch` function as an {@link HttpRequester}. */
export function fetchHttpRequester(fetchImpl: FetchLike): HttpRequester {
  return async (url, request) => {
    const init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal } = {
      method: request.method,
      headers: { ...request.headers },
    };
    if (request.body !== undefined) init.body = request.body;
    if (request.signal !== undefined) init.signal = request.signal;
    const response = await fetchImpl(url.href, init);
    return {
      status: response.status,
      headers: response.headers,
      body: response.body,
      cancel: () => {
        // A body already being read is locked: its reader cancels it (see chunksOf).
        const body = response.body;
        if (body !== null && !body.locked) body.cancel().catch(() => {});
      },
      text: (limit) => {
        // The runtime's own text() reads fastest, but cannot stop at a limit: used only when the
        // declared length is within it (a body longer than its Content-Length is a network error).
        const length = declaredLength(response.headers);
        if (response.text !== undefined && length !== undefined && length <= limit) return response.text();
        return collectText(response.body, limit);
      },
    };
  };
}

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | null): string {
  if (contentType === null) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}
