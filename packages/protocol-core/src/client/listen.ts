/**
 * `listen()`: one subscription API in both eras. Modern: a long-lived `subscriptions/listen` request
 * (spec `basic/patterns/subscriptions`), acknowledged by the server, cancelled by
 * `notifications/cancelled`. Legacy: emulated with `resources/subscribe` per URI and the
 * connection-wide `list_changed` notifications the server's capabilities promise.
 */
import type { EngineTimers } from '../engine/options.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import type { RequestId } from '../jsonrpc.js';
import type { SubscriptionFilter } from '../types/subscriptions.js';
import type { EraDriver } from './driver.js';
import type { ListenCallbacks, NotificationRouter, RoutedSubscription } from './notification-router.js';

/** Why a subscription ended. */
export interface ListenEnd {
  /** `client`: close() or the caller's signal; `server`: the server ended it; `connection`: the connection closed; `error`: it failed. */
  reason: 'client' | 'server' | 'connection' | 'error';
  /** The failure, for `error`. */
  error?: Error | undefined;
}

/** An open subscription. */
export interface ListenHandle {
  /** Modern: the subscription id (the listen request's id); legacy: undefined. */
  readonly id: RequestId | undefined;
  /** What the server agreed to send: a subset of the filter asked for. */
  readonly acknowledged: SubscriptionFilter;
  /** Settles once, when the subscription ends, whoever ended it. */
  readonly closed: Promise<ListenEnd>;
  /** Ends the subscription (modern: `notifications/cancelled`; legacy: `resources/unsubscribe`). Idempotent. */
  close(): Promise<void>;
}

/** Options of one `listen()`. */
export interface ListenOptions {
  /** How long to wait for the server's acknowledgment, in ms. @default 30000 */
  ackTimeoutMs?: number | undefined;
  /** Aborting it closes the subscription. */
  signal?: AbortSignal | undefined;
}

const DEFAULT_ACK_TIMEOUT_MS = 30_000;

/** A modern subscription: the pending listen request is the stream. */
class ModernSubscription implements RoutedSubscription, ListenHandle {
  id: RequestId | undefined = undefined;
  accepted: SubscriptionFilter | undefined = undefined;
  readonly callbacks: ListenCallbacks;
  readonly closed: Promise<ListenEnd>;
  readonly ready: Promise<ListenHandle>;
  readonly controller = new AbortController();
  #resolveReady!: (handle: ListenHandle) => void;
  #rejectReady!: (error: Error) => void;
  #settleClosed!: (end: ListenEnd) => void;
  #ended = false;
  #closingReason: ListenEnd['reason'] | undefined = undefined;
  #onEnd: () => void = () => {};

  constructor(callbacks: ListenCallbacks) {
    this.callbacks = callbacks;
    this.closed = new Promise((resolve) => {
      this.#settleClosed = resolve;
    });
    this.ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
  }

  get acknowledged(): SubscriptionFilter {
    return this.accepted ?? {};
  }

  /** Runs once when it ends, to release the timer and the routing entry. */
  set onEnd(callback: () => void) {
    this.#onEnd = callback;
  }

  acknowledge(filter: SubscriptionFilter): void {
    // The spec sends one acknowledgment per subscription; a repeat must not change what was agreed.
    if (this.#ended || this.accepted !== undefined) return;
    this.accepted = filter;
    this.#resolveReady(this);
  }

  endedByServer(): void {
    this.#closingReason ??= 'server';
    this.end({ reason: 'server' });
    // The engine still holds the listen request (it never times out): abort it to free the entry.
    this.controller.abort();
  }

  /** The listen request got its result: the server closed the stream gracefully. */
  serverClosed(): void {
    if (this.accepted === undefined) {
      this.#rejectReady(new Error('The server ended the subscription before acknowledging it'));
    }
    this.end({ reason: this.#closingReason ?? 'server' });
  }

  connectionClosed(): void {
    // The engine rejects the listen request too, but later (a microtask): the reason is fixed now.
    this.#closingReason ??= 'connection';
    this.failed(new TransportError(TransportErrorCode.Closed, 'The connection closed'));
  }

  /** The request failed or was aborted: before the ack that fails listen(), after it ends the stream. */
  failed(error: Error, failBeforeAck: Error = error): void {
    if (this.accepted === undefined) this.#rejectReady(failBeforeAck);
    const closedConnection = error instanceof TransportError && error.code === TransportErrorCode.Closed;
    const reason = this.#closingReason ?? (closedConnection ? 'connection' : 'error');
    this.end(reason === 'error' ? { reason, error } : { reason });
  }

  end(end: ListenEnd): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#onEnd();
    this.#settleClosed(end);
  }

  async close(): Promise<void> {
    if (!this.#ended) {
      this.#closingReason ??= 'client';
      // Aborting makes the engine send `notifications/cancelled` for the listen id, as stdio requires.
      this.controller.abort();
    }
    await this.closed;
  }
}

/** Opens a modern subscription; resolves once the server acknowledged it. */
export function listenModern(
  driver: EraDriver,
  router: NotificationRouter,
  timers: EngineTimers,
  filter: SubscriptionFilter,
  callbacks: ListenCallbacks,
  options: ListenOptions | undefined,
): Promise<ListenHandle> {
  const subscription = new ModernSubscription(callbacks);
  const ackTimeoutMs = options?.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  let timeout: TransportError | undefined;
  const timer = timers.setTimeout(() => {
    timeout = new TransportError(
      TransportErrorCode.RequestTimeout,
      `subscriptions/listen (id ${subscription.id}) was not acknowledged within ${ackTimeoutMs} ms (ackTimeoutMs)`,
      {
        requestId: subscription.id,
        method: 'subscriptions/listen',
        limit: { name: 'ackTimeoutMs', value: ackTimeoutMs },
      },
    );
    subscription.controller.abort(timeout);
  }, ackTimeoutMs);
  // The caller's signal closes the subscription like close() would, also after the acknowledgment.
  const signal = options?.signal;
  const onAbort = (): void => void subscription.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  subscription.onEnd = () => {
    timers.clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    router.unbindModern(subscription.id);
  };
  void subscription.ready.then(
    () => timers.clearTimeout(timer),
    () => {},
  );
  if (signal?.aborted === true) subscription.controller.abort(signal.reason);
  driver
    .request(
      'subscriptions/listen',
      { notifications: filter },
      {
        // The stream lives until someone ends it: no idle timeout, no total cap.
        timeoutMs: Number.POSITIVE_INFINITY,
        maxTotalTimeoutMs: Number.POSITIVE_INFINITY,
        signal: subscription.controller.signal,
        onRequestId: (id) => {
          router.bindModern(id, subscription, subscription.id);
          subscription.id = id;
        },
      },
    )
    .then(
      // A result is the server's graceful close (spec "Graceful Closure"): an end, not a failure.
      () => subscription.serverClosed(),
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        subscription.failed(failure, timeout ?? failure);
      },
    );
  return subscription.ready;
}
