import type { MessageExtraInfo, TransportError } from '@mcpwire/protocol-core';
import type { Timers } from '@mcpwire/protocol-core/transport-kit';

/** A frame with metadata that travels beside it (authInfo), rather than in the JSON text. */
export interface FrameWithExtra {
  kind: 'frame';
  text: string;
  extra: MessageExtraInfo;
}

/** Something the receiving end must report instead of a message (the wire refused the frame). */
export interface Fault {
  kind: 'fault';
  error: TransportError;
}

/** The sender closed: everything it sent before has been delivered. */
export const CLOSE: { readonly kind: 'close' } = { kind: 'close' };
/** The wire is cut here (`disconnectAfterMessages`). */
export const CUT: { readonly kind: 'cut' } = { kind: 'cut' };

/** What travels in one direction. A plain string (the common case) is a JSON frame with no extra. */
export type WireItem = string | FrameWithExtra | Fault | typeof CLOSE | typeof CUT;

/** The receiving end of a channel. */
export interface Receiver {
  /** Handles one item; returns false when nothing more should be delivered in this batch. */
  receive(item: WireItem): boolean;
  /** A receiver callback threw while handling an item. */
  callbackFailed(error: unknown): void;
}

/**
 * One direction of the wire: a FIFO of items delivered asynchronously to the receiver. Items pushed in
 * one turn are delivered together, in one microtask (or one timer with latency), so a burst of N sends
 * costs one scheduling, and a reply sent from inside a callback always waits for a later turn: the stack
 * never grows with a conversation's length.
 */
export class Channel {
  readonly #latencyMs: number;
  readonly #timers: Timers;
  #receiver: Receiver | undefined;
  #dead = false;
  // Zero latency: double-buffered, so steady traffic allocates no arrays.
  #pending: WireItem[] = [];
  #spare: WireItem[] = [];
  #scheduled = false;
  // With latency: one batch per turn, each with its own timer.
  #batches: WireItem[][] = [];
  #openBatch: WireItem[] | undefined;
  readonly #handles = new Set<unknown>();

  constructor(latencyMs: number, timers: Timers) {
    this.#latencyMs = latencyMs;
    this.#timers = timers;
  }

  /** Sets the receiving end; called once, when the pair is built. */
  connect(receiver: Receiver): void {
    this.#receiver = receiver;
  }

  /** Queues one item for delivery. Ignored once the channel was discarded. */
  push(item: WireItem): void {
    if (this.#dead) return;
    if (this.#latencyMs === 0) {
      this.#pending.push(item);
      if (!this.#scheduled) {
        this.#scheduled = true;
        queueMicrotask(this.#flush);
      }
      return;
    }
    let batch = this.#openBatch;
    if (batch === undefined) {
      batch = [];
      this.#openBatch = batch;
      this.#batches.push(batch);
      // Sends in a later turn start a new batch, so each message waits the full latency.
      queueMicrotask(() => {
        if (this.#openBatch === batch) this.#openBatch = undefined;
      });
      const handle = this.#timers.setTimeout(() => {
        this.#handles.delete(handle);
        this.#deliverOldestBatch();
      }, this.#latencyMs);
      this.#handles.add(handle);
    }
    batch.push(item);
  }

  /** Drops everything in flight and cancels timers; later pushes are ignored. */
  discard(): void {
    this.#dead = true;
    this.#pending.length = 0;
    this.#batches.length = 0;
    this.#openBatch = undefined;
    for (const handle of this.#handles) this.#timers.clearTimeout(handle);
    this.#handles.clear();
  }

  readonly #flush = (): void => {
    this.#scheduled = false;
    const items = this.#pending;
    this.#pending = this.#spare;
    this.#run(items);
    items.length = 0;
    this.#spare = items;
  };

  #deliverOldestBatch(): void {
    // Every batch waits the same latency, so the k-th timer to fire delivers the k-th batch: order
    // holds even if an injected clock fires equal deadlines out of order.
    const batch = this.#batches.shift();
    if (batch === undefined) return;
    if (batch === this.#openBatch) this.#openBatch = undefined;
    this.#run(batch);
  }

  #run(items: WireItem[]): void {
    const receiver = this.#receiver;
    if (receiver === undefined) return;
    for (let i = 0; i < items.length; i++) {
      if (this.#dead) return;
      try {
        if (!receiver.receive(items[i] as WireItem)) return;
      } catch (error) {
        // A throwing callback must not cost the messages queued behind it.
        receiver.callbackFailed(error);
      }
    }
  }
}
