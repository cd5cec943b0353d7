/**
 * One open `text/event-stream` response on Node: event writes with backpressure, a hard cap on the
 * bytes a client that does not read can make us hold, and `: keep-alive` comment lines on a timer.
 */
import type { ServerResponse } from 'node:http';
import type { Timers } from '@mcpwire/protocol-core/transport-kit';

/**
 * What one write did: `ok`; `full` (written, but above the socket's high-water mark: wait for
 * `drained()`); `overflow` (past the cap: the stream was cut); `closed` (dropped, the stream is gone).
 */
export type WriteState = 'ok' | 'full' | 'overflow' | 'closed';

/** Why a stream stopped: we ended it, the client went away, or it passed the cap. */
export type StreamEnd = 'ended' | 'client' | 'overflow';

/** Options of {@link SseEventStream}. */
export interface SseEventStreamOptions {
  readonly keepAliveMs: number;
  readonly maxBufferedBytes: number;
  readonly timers: Timers;
}

/** The response headers of every stream, as the flat list `writeHead` takes fastest. */
const STREAM_HEADERS: string[] = [
  'content-type',
  'text/event-stream',
  'cache-control',
  'no-cache',
  // Keeps nginx-style proxies from holding events back.
  'x-accel-buffering',
  'no',
];

const KEEP_ALIVE = ': keep-alive\n\n';
const noop = (): void => {};

/** An SSE response, opened at construction. */
export class SseEventStream {
  /** Called once when the stream stops, for any reason. One listener: the session that owns it. */
  onclose: ((reason: StreamEnd) => void) | undefined = undefined;
  readonly #res: ServerResponse;
  readonly #options: SseEventStreamOptions;
  #stopped = false;
  #keepAlive: unknown = undefined;
  #waiters: ((drained: boolean) => void)[] | undefined = undefined;

  /** Writes the headers and `first` (the `endpoint` event) in one go. */
  constructor(res: ServerResponse, first: string, options: SseEventStreamOptions) {
    this.#res = res;
    this.#options = options;
    // 'close' also follows a normal end; only an unfinished response means the client left.
    res.on('close', () => this.#stop(res.writableFinished ? 'ended' : 'client'));
    res.on('drain', () => this.#wake(true));
    // Writes race with the client leaving; the 'close' above reports it, the error itself is noise.
    res.on('error', noop);
    if (res.destroyed) {
      // The client left while the request was being authenticated: its 'close' has fired already.
      queueMicrotask(() => this.#stop('client'));
      return;
    }
    res.writeHead(200, STREAM_HEADERS);
    res.write(first);
    this.#armKeepAlive();
  }

  /** True once ended, left by the client or cut for overflow. */
  get closed(): boolean {
    return this.#stopped;
  }

  /** Bytes Node holds for the client (not yet taken by the socket). */
  get bufferedBytes(): number {
    return this.#res.writableLength;
  }

  /**
   * Queues one chunk (whole events only, so a cut never leaves half an event). The cap is checked
   * against what is still unflushed before this chunk: a client that has not taken that much is not
   * reading, while one message larger than the cap still reaches a client that keeps up. So at most
   * the cap plus one event is ever held.
   */
  write(chunk: string): WriteState {
    if (this.#stopped) return 'closed';
    const res = this.#res;
    // writableLength grows only once the socket stopped taking data.
    if (res.writableLength > this.#options.maxBufferedBytes) {
      this.#stop('overflow');
      res.destroy();
      return 'overflow';
    }
    return res.write(chunk) ? 'ok' : 'full';
  }

  /** Resolves true when the buffer drained below the high-water mark, false if the stream stopped first. */
  drained(): Promise<boolean> {
    if (this.#stopped) return Promise.resolve(false);
    if (!this.#res.writableNeedDrain) return Promise.resolve(true);
    return new Promise((resolve) => {
      this.#waiters ??= [];
      this.#waiters.push(resolve);
    });
  }

  /** Ends the response normally (what is buffered is still flushed); idempotent. */
  end(): void {
    if (this.#stopped) return;
    this.#stop('ended');
    this.#res.end();
  }

  #armKeepAlive(): void {
    const { keepAliveMs, timers } = this.#options;
    if (keepAliveMs === 0 || this.#stopped) return;
    this.#keepAlive = timers.setTimeout(() => {
      this.#keepAlive = undefined;
      // A comment line keeps proxies and idle timeouts from cutting a quiet stream; clients ignore it.
      if (this.write(KEEP_ALIVE) !== 'overflow') this.#armKeepAlive();
    }, keepAliveMs);
  }

  #wake(drained: boolean): void {
    const waiters = this.#waiters;
    this.#waiters = undefined;
    if (waiters !== undefined) for (const wake of waiters) wake(drained);
  }

  #stop(reason: StreamEnd): void {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#keepAlive !== undefined) {
      this.#options.timers.clearTimeout(this.#keepAlive);
      this.#keepAlive = undefined;
    }
    this.#wake(false);
    const listener = this.onclose;
    this.onclose = undefined;
    listener?.(reason);
  }
}
