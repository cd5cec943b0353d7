/**
 * The small HTTP interface the client transport is written against, so one core runs over undici
 * (Node entry) and over `fetch` (the `./fetch` entry). Runtime-neutral: nothing here imports `node:`.
 */
import { collectText, readerChunks } from '@mcpwire/protocol-core/transport-kit';

/**
 * One abort for every request of a transport. A plain listener set rather than an `AbortSignal`:
 * dozens of POSTs in flight would each add a listener, which Node reports as a leak on a real signal.
 */
export class CloseSignal {
  #aborted = false;
  #reason: unknown = undefined;
  readonly #listeners = new Set<() => void>();

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.delete(listener);
  }

  /** Aborts every request that listens; idempotent. */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    for (const listener of listeners) listener();
  }
}

/** One HTTP request as the transport makes it. */
export interface SseHttpRequest {
  readonly method: 'GET' | 'POST';
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body of a POST. */
  readonly body?: string | undefined;
  /** Aborting it cancels the request and its response body. */
  readonly abort: CloseSignal;
}

/** The part of a response the transport reads. */
export interface SseHttpResponse {
  readonly status: number;
  /** One header by lower-case name. */
  header(name: string): string | undefined;
  /** Streams the body as text, chunk by chunk; resolves at its end, rejects when it breaks or is aborted. */
  stream(onText: (text: string) => void): Promise<void>;
  /** The whole body as text, or undefined once it holds more than `limit` bytes (the rest is dropped). */
  text(limit: number): Promise<string | undefined>;
  /** Releases a body the transport will not read. Never throws. */
  discard(): void;
}

/** Makes HTTP requests for one transport. Rejects only when no response arrived (network, abort). */
export interface SseHttp {
  request(url: URL, request: SseHttpRequest): Promise<SseHttpResponse>;
  /** Releases connections the requester made for itself. */
  close(): Promise<void>;
}

/** The subset of `fetch`'s response the fetch requester reads; `globalThis.fetch` satisfies it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
}

/**
 * A `fetch` function, typed structurally so neither DOM nor Node typings are needed to pass one.
 * `body` is written without `| undefined` on purpose: `RequestInit` does not take an explicit undefined
 * under `exactOptionalPropertyTypes`, and `globalThis.fetch` must stay assignable.
 */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<FetchResponseLike>;

/** Wraps a `fetch` function as an {@link SseHttp}: each request gets its own `AbortController`. */
export function fetchSseHttp(fetchImpl: FetchLike): SseHttp {
  return {
    async request(url, request) {
      const controller = new AbortController();
      const onAbort = (): void => controller.abort(request.abort.reason);
      if (request.abort.aborted) onAbort();
      else request.abort.addEventListener('abort', onAbort);
      const init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal } = {
        method: request.method,
        headers: { ...request.headers },
        signal: controller.signal,
      };
      if (request.body !== undefined) init.body = request.body;
      let response: FetchResponseLike;
      try {
        response = await fetchImpl(url.href, init);
      } catch (error) {
        request.abort.removeEventListener('abort', onAbort);
        throw error;
      }
      const body = response.body;
      const release = (): void => request.abort.removeEventListener('abort', onAbort);
      return {
        status: response.status,
        header: (name) => response.headers.get(name) ?? undefined,
        stream: async (onText) => {
          try {
            if (body === null) return;
            const decoder = new TextDecoder();
            for await (const chunk of readerChunks(body)) {
              const text = decoder.decode(chunk, { stream: true });
              if (text.length > 0) onText(text);
            }
            const rest = decoder.decode();
            if (rest.length > 0) onText(rest);
          } finally {
            release();
          }
        },
        text: async (limit) => {
          try {
            if (body === null) return '';
            return await collectText(readerChunks(body), limit);
          } finally {
            release();
          }
        },
        discard: () => {
          release();
          if (body !== null && !body.locked) body.cancel().catch(() => {});
        },
      };
    },
    close: async () => {},
  };
}

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}
