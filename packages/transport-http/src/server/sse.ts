/**
 * Server-Sent Events on top of a {@link StreamSink}: event framing (one `data:` line per JSON-RPC
 * message, whose JSON text never holds a raw newline), priming events, and keep-alive comments.
 */
import type { SinkCloseReason, StreamSink, WriteState } from './exchange.js';
import type { HttpServerTimers } from './options.js';

/** One open SSE response. */
export class SseWriter {
  /** Called once when the stream stops: ended by us, left by the client, or closed for overflow. */
  onclose: ((reason: SinkCloseReason) => void) | undefined = undefined;
  readonly #sink: StreamSink;
  readonly #timers: HttpServerTimers;
  #keepAlive: unknown;

  readonly #onStopped: ((reason: SinkCloseReason) => void) | undefined;

  /** `keepAliveMs` 0 sends no keep-alive comments; `onStopped` (the core's accounting) runs before `onclose`. */
  constructor(
    sink: StreamSink,
    keepAliveMs: number,
    timers: HttpServerTimers,
    onStopped?: (reason: SinkCloseReason) => void,
  ) {
    this.#sink = sink;
    this.#timers = timers;
    this.#onStopped = onStopped;
    sink.onclose = (reason) => this.#stopped(reason);
    // A comment line keeps proxies and idle timeouts from cutting a quiet stream; clients ignore it.
    if (keepAliveMs > 0) this.#keepAlive = timers.setInterval(() => sink.write(':\n\n'), keepAliveMs);
  }

  get closed(): boolean {
    return this.#sink.closed;
  }

  /** Bytes waiting for a slow client. */
  get bufferedBytes(): number {
    return this.#sink.bufferedBytes;
  }

  /** Writes one message event, with its id when the stream is resumable; `replay` for a resume's backlog. */
  event(json: string, id?: string, replay?: boolean): WriteState {
    return this.#sink.write(id === undefined ? `data: ${json}\n\n` : `id: ${id}\ndata: ${json}\n\n`, replay);
  }

  /** Writes the stream's last message event and ends the response, in one write on Node. */
  finish(json: string, id?: string): WriteState {
    return this.#sink.end(id === undefined ? `data: ${json}\n\n` : `id: ${id}\ndata: ${json}\n\n`);
  }

  /**
   * The priming event (2025-11-25, SEP-1699): an id and empty data, so the client can resume even
   * before a message arrived, and `retry:`, how long it waits before resuming a closed connection.
   */
  priming(id: string, retryMs: number): WriteState {
    return this.#sink.write(`id: ${id}\nretry: ${retryMs}\ndata: \n\n`);
  }

  /** Resolves when the client caught up (or the stream closed). */
  drained(): Promise<void> {
    return this.#sink.drained();
  }

  /** Ends the response; idempotent. */
  end(): void {
    this.#sink.end();
  }

  #stopped(reason: SinkCloseReason): void {
    if (this.#keepAlive !== undefined) {
      this.#timers.clearInterval(this.#keepAlive);
      this.#keepAlive = undefined;
    }
    this.#onStopped?.(reason);
    const listener = this.onclose;
    this.onclose = undefined;
    listener?.(reason);
  }
}
