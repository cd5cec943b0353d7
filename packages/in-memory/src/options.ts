import type { TransportSendOptions } from '@mcpwire/protocol-core';
import type { Timers } from '@mcpwire/protocol-core/transport-kit';

/** 4 MiB: the default largest message, in bytes of its UTF-8 JSON text. */
export const DEFAULT_MAX_MESSAGE_BYTES: number = 4 * 1024 * 1024;

/** @deprecated use `Timers` from `@mcpwire/protocol-core/transport-kit`, the one timer shape of every transport; kept for one release. */
export type InMemoryTimers = Timers;

/** Options of {@link createInMemoryTransportPair}; they apply to both ends and both directions. */
export interface InMemoryTransportOptions {
  /**
   * The largest message an end accepts, in bytes of its UTF-8 JSON text. A bigger one is refused by the
   * receiver, as a real wire would: the sender's `send` resolves, the receiver's `onerror` gets a
   * `TransportError` `MCPWIRE_ERR_MESSAGE_TOO_LARGE`, and the pair stays usable.
   * @default 4194304 (4 MiB)
   */
  maxMessageBytes?: number | undefined;
  /**
   * Delay before each message (and the close) reaches the peer, in milliseconds. Order is kept.
   * With 0, messages are delivered in a microtask, batched per turn.
   * @default 0
   */
  latencyMs?: number | undefined;
  /**
   * Probability, from 0 to 1, that a sent message is lost on the wire: `send` resolves and the peer never
   * sees it, as on a lossy network. The close is never lost. For testing timeouts and retries above.
   * @default 0
   */
  dropRate?: number | undefined;
  /**
   * The random source for `dropRate`, returning a number in [0, 1); a message is dropped when it returns
   * less than `dropRate`. Called once per message, and only when `dropRate` > 0.
   * @default Math.random
   */
  random?: (() => number) | undefined;
  /**
   * Cuts the wire after this many messages have been sent over the pair (both directions, dropped and
   * refused ones included): the last one still travels, then both ends' `onclose` fires once, anything
   * still in flight is lost, and later sends reject with `MCPWIRE_ERR_CLOSED`. See also `disconnect()`.
   * @default undefined (never)
   */
  disconnectAfterMessages?: number | undefined;
  /** Timers for `latencyMs`; inject a fake clock in tests. @default the global setTimeout / clearTimeout, looked up at each call so patched globals apply */
  timers?: Timers | undefined;
  /** The session id both ends report in `sessionId`. @default undefined */
  sessionId?: string | undefined;
  /**
   * How many messages an end holds before `start()`; beyond that they are refused and reported through
   * `onerror` (`MCPWIRE_ERR_TOO_MANY_PENDING`).
   * @default 10000
   */
  maxQueued?: number | undefined;
}

/** Options of one `send` on an in-memory transport. */
export interface InMemorySendOptions extends TransportSendOptions {
  /**
   * Handed to the receiver as `extra.authInfo`, by reference (it is not serialized), for testing
   * authorization paths as the official SDK's in-memory transport allows.
   */
  authInfo?: unknown;
}
