/**
 * The one seam between the runtime-neutral server core and an HTTP stack: an exchange is one request
 * and its response. `node-exchange.ts` implements it over `IncomingMessage`/`ServerResponse` directly
 * (no Web `Request`/`Response` per call), `web-exchange.ts` over `Request` and a `ReadableStream`.
 * Nothing here imports `node:`.
 */
import type { BodyRead } from '@mcpwire/protocol-core/transport-kit';

/** Response headers, lower-case names. */
export type ResponseHeaders = Record<string, string>;

/**
 * What one write did: `ok`; `full` (written, but the buffer is above its high-water mark: wait for
 * `drained()`); `overflow` (the buffer passed the cap: the stream was closed); `closed` (dropped).
 */
export type WriteState = 'ok' | 'full' | 'overflow' | 'closed';

/** Why a stream stopped: we ended it, the client went away, or its buffer passed the cap. */
export type SinkCloseReason = 'ended' | 'client' | 'overflow';

/** The body of a streamed response (SSE), with backpressure and a bound on buffered bytes. */
export interface StreamSink {
  /**
   * Queues a chunk of text. `replay` raises the cap by the chunk's size: a resume replays its backlog
   * at once, bounded by the event store, and only what comes after it is held to the cap.
   */
  write(chunk: string, replay?: boolean): WriteState;
  /** Resolves when the buffer drained below its high-water mark, or when the stream closed. */
  drained(): Promise<void>;
  /**
   * Ends the response normally; idempotent. A `chunk` is written last, as by `write` (an overflow
   * closes the stream instead), in one write with the end where the stack allows.
   */
  end(chunk?: string): WriteState;
  /** True once ended, aborted by the client or closed for overflow. */
  readonly closed: boolean;
  /** Bytes queued and not yet taken by the OS (Node) or the consumer (Web). */
  readonly bufferedBytes: number;
  /** Called once, when the stream stops for any reason. One listener: the stream's owner. */
  onclose: ((reason: SinkCloseReason) => void) | undefined;
}

/** One HTTP request and its response, as the core sees them. */
export interface HttpExchange {
  /** The request method, upper-case. */
  readonly method: string;
  /** The request target as received (Node: path and query; Web: the absolute URL). */
  readonly url: string;
  /** The Host the request was sent to (Web: from `request.url` when the header is absent). */
  readonly host: string | undefined;
  /** The client's address (Node: the socket's); undefined where the stack does not tell (Web). */
  readonly remoteAddress: string | undefined;
  /** One request header by lower-case name; repeated headers joined with ", ". */
  header(name: string): string | undefined;
  /** Every request header, lower-case names (built on demand on the Web path). */
  headers(): Record<string, string | string[] | undefined>;
  /** Reads the body as UTF-8 text, refusing more than `limit` bytes (Content-Length first, then counted). */
  readBody(limit: number): Promise<BodyRead>;
  /** Sends a complete response; the body is UTF-8 text. Ignored after a response was started. */
  respond(status: number, headers: ResponseHeaders, body?: string): void;
  /** Starts a 200 streamed response with these headers. */
  openStream(headers: ResponseHeaders, maxBufferedBytes: number): StreamSink;
  /** Headers added to whatever this exchange answers (CORS); set by the core before it answers. */
  extraHeaders: ResponseHeaders | undefined;
  /** True once `respond` or `openStream` was called. */
  readonly responded: boolean;
  /** True once the client went away before the response ended. */
  readonly aborted: boolean;
  /** Calls `listener` once if the client goes away before the response ended. */
  onAbort(listener: () => void): void;
}

/**
 * What both stream sinks share: one close, reported once to `onclose`, and the callers waiting for a
 * drain, woken by the subclass when its buffer empties or by the close.
 */
export abstract class SinkLifecycle {
  onclose: ((reason: SinkCloseReason) => void) | undefined = undefined;
  protected stopped = false;
  #waiters: (() => void)[] | undefined = undefined;

  get closed(): boolean {
    return this.stopped;
  }

  /** Resolves at once when closed or `ready`, else at the next wake. */
  protected waitUnless(ready: boolean): Promise<void> {
    if (this.stopped || ready) return Promise.resolve();
    return new Promise((resolve) => {
      this.#waiters ??= [];
      this.#waiters.push(resolve);
    });
  }

  protected wake(): void {
    const waiters = this.#waiters;
    this.#waiters = undefined;
    if (waiters !== undefined) for (const wake of waiters) wake();
  }

  protected stop(reason: SinkCloseReason): void {
    if (this.stopped) return;
    this.stopped = true;
    this.wake();
    const listener = this.onclose;
    this.onclose = undefined;
    listener?.(reason);
  }
}
