import type { Writable } from 'node:stream';
import { type JSONRPCMessage, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';

interface PendingWrite {
  resolve(): void;
  reject(error: Error): void;
}

/** Wraps a stream's write failure (EPIPE, ERR_STREAM_DESTROYED, …) in a `TransportError` Write. */
export function writeError(cause: unknown, what = 'the output stream'): TransportError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new TransportError(TransportErrorCode.Write, `Write to ${what} failed: ${reason}`, {}, cause);
}

/**
 * Serializes messages as NDJSON onto a Writable.
 *
 * A send settles through the stream's write callback, i.e. once its bytes were handed to the OS (or the
 * next stream). That is backpressure without extra bookkeeping: while the reader is slow the stream holds
 * the callbacks back, the caller's `await send()` waits, and the stream's own queue keeps concurrent
 * sends in call order, so their promises also settle in that order.
 */
export class LineWriter {
  readonly #stream: Writable;
  readonly #what: string;
  readonly #pending = new Set<PendingWrite>();
  #failure: TransportError | undefined;
  #corked = false;

  constructor(stream: Writable, what: string) {
    this.#stream = stream;
    this.#what = what;
  }

  /** True once {@link fail} was called: every later write rejects. */
  get failed(): boolean {
    return this.#failure !== undefined;
  }

  /** Writes one message as a line. Rejects with SendValidation if it cannot be serialized. */
  write(message: JSONRPCMessage): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    let text: string | undefined;
    try {
      text = JSON.stringify(message);
    } catch (cause) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.SendValidation,
          'Message cannot be serialized as JSON',
          {},
          cause,
        ),
      );
    }
    if (typeof text !== 'string') {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.SendValidation,
          'Message serialized to nothing (not an object)',
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const pending: PendingWrite = { resolve, reject };
      this.#pending.add(pending);
      // Sends made in the same tick (a burst of responses to one chunk of requests) leave in one
      // writev: one syscall instead of one per message. The stream's order is unchanged.
      if (!this.#corked) {
        this.#corked = true;
        this.#stream.cork();
        process.nextTick(this.#uncork);
      }
      try {
        this.#stream.write(`${text}\n`, (error) => {
          // Already settled when fail() ran first (close, or an 'error' event before this callback).
          if (!this.#pending.delete(pending)) return;
          if (error) reject(writeError(error, this.#what));
          else resolve();
        });
      } catch (error) {
        // write() throws synchronously only on misuse (e.g. a stream in object mode rejecting strings).
        this.#pending.delete(pending);
        reject(writeError(error, this.#what));
      }
    });
  }

  readonly #uncork = (): void => {
    this.#corked = false;
    this.#stream.uncork();
  };

  /** Rejects every unsettled write, and all later ones, with `error`. Idempotent: the first error wins. */
  fail(error: TransportError): void {
    this.#failure ??= error;
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const write of pending) write.reject(this.#failure);
  }
}
