import { PassThrough, type Readable } from 'node:stream';

/** How much of the end of stderr is kept for the ProcessExited error. */
const TAIL_BYTES = 1024;

/**
 * Reads a child's stderr no matter what, so a chatty server can never block on a full stderr pipe
 * (which would stall it, and its stdout with it), and offers it to the user as `stream`.
 *
 * The user may read `stream` or ignore it: while it holds more than `bufferBytes` unread, new chunks are
 * dropped (and counted) instead of queued. The last bytes are also kept for error messages.
 */
export class StderrTap {
  /** What the user reads; exists before the child does, so listeners can be attached before start(). */
  readonly stream: PassThrough;
  /** Bytes dropped because nobody read `stream` fast enough. */
  droppedBytes = 0;
  /** True once the child's stderr ended (or failed). */
  ended = false;
  /** Called once when the child's stderr ended. */
  onEnd: (() => void) | undefined;
  #tail: Buffer = Buffer.alloc(0);
  #source: Readable | undefined;
  #markEnded!: () => void;
  readonly #whenEnded: Promise<void> = new Promise((resolve) => {
    this.#markEnded = resolve;
  });

  constructor(bufferBytes: number) {
    this.stream = new PassThrough({ highWaterMark: bufferBytes });
  }

  /** Starts draining the child's stderr into `stream`. */
  attach(source: Readable): void {
    this.#source = source;
    source.on('data', (chunk: Buffer) => {
      this.#keepTail(chunk);
      // writableNeedDrain: the PassThrough is full on both sides, i.e. nobody is reading it.
      if (this.stream.writableNeedDrain || this.stream.destroyed) this.droppedBytes += chunk.length;
      else this.stream.write(chunk);
    });
    source.on('end', () => this.#end());
    // A failed stderr is not worth a crash, nor an onerror: the transport's state does not depend on it.
    source.on('error', () => this.#end());
  }

  /** The last bytes of stderr, as text, for error context. */
  tail(): string {
    return this.#tail.toString('utf8').trim();
  }

  /**
   * Resolves once the child's stderr ended, or after `timeoutMs`: what a server wrote just before it
   * exited may still be in the pipe when the exit is seen, and a user reading `stream` wants those words.
   */
  async drained(timeoutMs: number): Promise<void> {
    if (this.ended || this.#source === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([this.#whenEnded, timeout]);
    clearTimeout(timer);
  }

  /** Ends `stream` and releases the child's pipe (a grandchild may hold it open forever). */
  release(): void {
    this.#source?.destroy();
    if (!this.stream.writableEnded) this.stream.end();
  }

  #end(): void {
    if (this.ended) return;
    this.ended = true;
    this.#markEnded();
    if (!this.stream.writableEnded) this.stream.end();
    this.onEnd?.();
  }

  #keepTail(chunk: Buffer): void {
    if (chunk.length >= TAIL_BYTES) {
      this.#tail = Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES));
      return;
    }
    const joined = Buffer.concat([this.#tail, chunk]);
    this.#tail = joined.length > TAIL_BYTES ? joined.subarray(joined.length - TAIL_BYTES) : joined;
  }
}
