/**
 * `listen()` on a legacy connection. Legacy servers push `list_changed` notifications to the whole
 * connection when their capabilities say `listChanged`, and resource updates after `resources/subscribe`;
 * the acknowledged filter is what those capabilities allow, as a modern server's acknowledgment would be.
 */
import type { ServerCapabilities } from '../types/capabilities.js';
import type { SubscriptionFilter } from '../types/subscriptions.js';
import type { EraDriver } from './driver.js';
import type { ListenEnd, ListenHandle } from './listen.js';
import type { ListenCallbacks, NotificationRouter, RoutedSubscription } from './notification-router.js';

/** How many open subscriptions hold each URI: `resources/unsubscribe` goes out when the last lets go. */
export type UriHolds = Map<string, number>;

/** What the server's capabilities let a legacy connection deliver of `filter`. */
function acceptedFilter(
  filter: SubscriptionFilter,
  caps: ServerCapabilities | undefined,
): SubscriptionFilter {
  const accepted: SubscriptionFilter = {};
  if (filter.toolsListChanged === true && caps?.tools?.listChanged === true) accepted.toolsListChanged = true;
  if (filter.promptsListChanged === true && caps?.prompts?.listChanged === true) {
    accepted.promptsListChanged = true;
  }
  if (filter.resourcesListChanged === true && caps?.resources?.listChanged === true) {
    accepted.resourcesListChanged = true;
  }
  const uris = filter.resourceSubscriptions;
  if (uris !== undefined && uris.length > 0 && caps?.resources?.subscribe === true) {
    accepted.resourceSubscriptions = [...new Set(uris)];
  }
  return accepted;
}

class LegacySubscription implements RoutedSubscription, ListenHandle {
  readonly id: undefined = undefined;
  readonly accepted: SubscriptionFilter;
  readonly callbacks: ListenCallbacks;
  readonly closed: Promise<ListenEnd>;
  #settle!: (end: ListenEnd) => void;
  #ended = false;
  readonly #release: () => Promise<void>;

  constructor(accepted: SubscriptionFilter, callbacks: ListenCallbacks, release: () => Promise<void>) {
    this.accepted = accepted;
    this.callbacks = callbacks;
    this.#release = release;
    this.closed = new Promise((resolve) => {
      this.#settle = resolve;
    });
  }

  get acknowledged(): SubscriptionFilter {
    return this.accepted;
  }

  // Legacy servers neither acknowledge nor cancel subscriptions.
  acknowledge(): void {}
  endedByServer(): void {}

  connectionClosed(): void {
    this.#end({ reason: 'connection' });
  }

  async close(): Promise<void> {
    // After a connection close there is nothing left to unsubscribe from.
    if (this.#ended) return this.closed.then(() => undefined);
    // Ended first, so that notifications racing with the unsubscribe requests are no longer delivered.
    this.#end({ reason: 'client' });
    await this.#release();
  }

  #end(end: ListenEnd): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#settle(end);
  }
}

/** Lets go of `uris`; the ones no other subscription holds any more are unsubscribed, in parallel. */
async function release(driver: EraDriver, holds: UriHolds, uris: readonly string[]): Promise<void> {
  const last = uris.filter((uri) => {
    const count = (holds.get(uri) ?? 1) - 1;
    if (count > 0) holds.set(uri, count);
    else holds.delete(uri);
    return count <= 0;
  });
  await Promise.all(last.map((uri) => driver.request('resources/unsubscribe', { uri })));
}

/** Opens a legacy subscription; resolves once every URI it needs is subscribed. */
export async function listenLegacy(
  driver: EraDriver,
  router: NotificationRouter,
  holds: UriHolds,
  filter: SubscriptionFilter,
  callbacks: ListenCallbacks,
  signal: AbortSignal | undefined,
): Promise<ListenHandle> {
  const accepted = acceptedFilter(filter, driver.session.serverCapabilities);
  const uris = accepted.resourceSubscriptions ?? [];
  const taken: string[] = [];
  try {
    for (const uri of uris) {
      const count = holds.get(uri) ?? 0;
      // Counted before the request, so a concurrent listen() for the same URI does not subscribe twice.
      holds.set(uri, count + 1);
      taken.push(uri);
      if (count === 0) await driver.request('resources/subscribe', { uri });
    }
  } catch (error) {
    // All or nothing: a listen() that failed must not leave half of its URIs subscribed.
    await release(driver, holds, taken).catch(() => {});
    throw error;
  }
  const subscription = new LegacySubscription(accepted, callbacks, async () => {
    router.removeLegacy(subscription);
    await release(driver, holds, uris);
  });
  // Routed only once every URI is subscribed: updates before that belong to other subscriptions.
  router.addLegacy(subscription);
  if (signal !== undefined) {
    const onAbort = (): void => void subscription.close().catch(() => {});
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    void subscription.closed.then(() => signal.removeEventListener('abort', onAbort));
  }
  return subscription;
}
