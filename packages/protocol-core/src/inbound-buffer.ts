import { TransportError, TransportErrorCode } from './errors.js';
import type { JSONRPCMessage } from './jsonrpc.js';
import type { MessageExtraInfo, Transport } from './transport.js';

/** Options for {@link InboundBuffer}. */
export interface InboundBufferOptions {
  /** How many messages may wait for `start()` before newer ones are refused (reported through `onerror`). @default 10000 */
  maxQueued?: number | undefined;
}

type Queued =
  | { kind: 'message'; message: JSONRPCMessage; extra: MessageExtraInfo | undefined }
  | { kind: 'error'; error: Error };

/**
 * The part of the Transport contract every transport shares: it holds messages and errors that
 * arrive before `start()`, then forwards them to the owner's callbacks, and fires `onclose` exactly once.
 * Transports call `deliver`, `fail` and `closed`; they never call the callbacks themselves.
 */
export class InboundBuffer {
  readonly #owner: Transport;
  readonly #maxQueued: number;
  #queue: Queued[] | undefined = [];
  #startCalled = false;
  #closeState: 'open' | 'pending' | 'fired' = 'open';

  constructor(owner: Transport, options?: InboundBufferOptions) {
    this.#owner = owner;
    this.#maxQueued = options?.maxQueued ?? 10_000;
  }

  /** True once `start()` ran. */
  get started(): boolean {
    return this.#queue === undefined;
  }

  /** True once the close was recorded (the owner's `onclose` may still be pending until start). */
  get isClosed(): boolean {
    return this.#closeState !== 'open';
  }

  /** Marks the transport started and flushes what was queued, in order. Throws if called twice. */
  start(): void {
    if (this.#startCalled) {
      throw new TransportError(
        TransportErrorCode.AlreadyStarted,
        'Transport already started; start() is called once',
      );
    }
    this.#startCalled = true;
    const queue = this.#queue;
    if (queue === undefined) {
      // flushClose() already ran: the transport was closed before it was ever started.
      throw new TransportError(TransportErrorCode.Closed, 'Transport was closed before start()');
    }
    this.#queue = undefined;
    for (const item of queue) {
      // Each replayed callback is isolated, so one throwing handler cannot lose the messages behind it.
      try {
        if (item.kind === 'message') this.#owner.onmessage?.(item.message, item.extra);
        else this.#owner.onerror?.(item.error);
      } catch (error) {
        this.#reportThrown(error);
      }
    }
    if (this.#closeState === 'pending') this.#fireClose();
  }

  /** Hands one valid message to the owner, or queues it until start. Dropped after close. */
  deliver(message: JSONRPCMessage, extra?: MessageExtraInfo): void {
    if (this.#closeState !== 'open') return;
    const queue = this.#queue;
    if (queue === undefined) {
      this.#owner.onmessage?.(message, extra);
      return;
    }
    if (queue.length >= this.#maxQueued) {
      // Refusing is louder than growing without bound; the error itself is queued in the reserved slot.
      this.#queueError(
        new TransportError(
          TransportErrorCode.TooManyPending,
          'Message refused: too many messages queued before start()',
          {
            limit: { name: 'maxQueued', value: this.#maxQueued },
          },
        ),
      );
      return;
    }
    queue.push({ kind: 'message', message, extra });
  }

  /** Reports a non-fatal error to the owner, or queues it until start. */
  fail(error: Error): void {
    if (this.#queue === undefined) this.#owner.onerror?.(error);
    else this.#queueError(error);
  }

  /** Records the close; fires the owner's `onclose` exactly once (at start, if not yet started). */
  closed(): void {
    if (this.#closeState !== 'open') return;
    this.#closeState = 'pending';
    if (this.#queue === undefined) this.#fireClose();
  }

  /**
   * Fires a pending `onclose` now even if the transport was never started: used when the owner is
   * closed locally, since nobody will call start() any more.
   */
  flushClose(): void {
    if (this.#closeState === 'open') this.#closeState = 'pending';
    if (this.#closeState === 'pending') {
      this.#queue = undefined;
      this.#fireClose();
    }
  }

  #queueError(error: Error): void {
    const queue = this.#queue;
    if (queue === undefined) return;
    // Errors are bounded too: beyond the limit only the first overflow error is kept.
    if (queue.length < this.#maxQueued + 1) queue.push({ kind: 'error', error });
  }

  #reportThrown(error: unknown): void {
    const asError = error instanceof Error ? error : new Error(String(error));
    try {
      this.#owner.onerror?.(asError);
    } catch {
      // An onerror that throws has nowhere left to report to; the replay goes on regardless.
    }
  }

  #fireClose(): void {
    this.#closeState = 'fired';
    this.#owner.onclose?.();
  }
}
