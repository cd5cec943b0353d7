/**
 * A cheap abort source for one request. Node's AbortController is costly to make (its signal is an
 * EventTarget, and undici adds and removes a listener on it per request): a request of a busy client
 * paid more for it than for its JSON. undici takes any object with `aborted`, `reason` and
 * `addEventListener`/`removeEventListener('abort')`, so requests carry this instead, and a real
 * AbortSignal is made only for a requester that reads `signal` (fetch, custom ones).
 */
import type { AbortSourceLike, HttpRequest } from './http.js';

/** What internal code waits on: a real signal (the transport's close) or a request's source. */
export type Abort = AbortSignal | AbortSource;

/** An abort source: `abort(reason)` once; listeners run in order, as an AbortSignal's do. */
export class AbortSource implements AbortSourceLike {
  aborted = false;
  reason: unknown = undefined;
  #listeners: (() => void)[] | undefined = undefined;
  #controller: AbortController | undefined = undefined;

  /** An AbortSignal that follows this source, made on first read. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }

  addEventListener(_type: 'abort', listener: () => void, _options?: { once?: boolean }): void {
    // An AbortSignal never calls a listener added after it aborted.
    if (this.aborted) return;
    this.#listeners ??= [];
    this.#listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const listeners = this.#listeners;
    if (listeners === undefined) return;
    const at = listeners.indexOf(listener);
    if (at >= 0) listeners.splice(at, 1);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.#controller?.abort(reason);
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (listeners === undefined) return;
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        // As an EventTarget does: a throwing listener is reported, and the others still run.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/** A request whose `signal` is made from its abort source only when a requester reads it. */
class SourcedRequest implements HttpRequest {
  readonly method: HttpRequest['method'];
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly abortSource: AbortSource;

  constructor(
    method: HttpRequest['method'],
    headers: Readonly<Record<string, string>>,
    body: string | undefined,
    source: AbortSource,
  ) {
    this.method = method;
    this.headers = headers;
    this.body = body;
    this.abortSource = source;
  }

  get signal(): AbortSignal {
    return this.abortSource.signal;
  }
}

/** The request to hand a requester, aborted by `abort`. */
export function httpRequest(
  method: HttpRequest['method'],
  headers: Readonly<Record<string, string>>,
  body: string | undefined,
  abort: Abort,
): HttpRequest {
  if (abort instanceof AbortSource) return new SourcedRequest(method, headers, body, abort);
  return body === undefined ? { method, headers, signal: abort } : { method, headers, body, signal: abort };
}
