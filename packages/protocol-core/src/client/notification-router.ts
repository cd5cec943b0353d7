/**
 * Routes server notifications to whoever asked for them: the client-wide listeners
 * (`onToolsListChanged`, …) and the open `listen()` subscriptions. Modern notifications name their
 * subscription in `_meta["io.modelcontextprotocol/subscriptionId"]` (on stdio every subscription shares
 * one channel, so that id is the only way to tell them apart); legacy ones are connection-wide and go
 * to every legacy subscription whose filter wants them.
 */
import type { JSONRPCParams, RequestId } from '../jsonrpc.js';
import type { LoggingMessageNotificationParams } from '../types/logging.js';
import type { ResourceUpdatedNotificationParams } from '../types/resources.js';
import { MetaKey } from '../types/revisions.js';
import type { SubscriptionFilter } from '../types/subscriptions.js';

/** The lists whose changes a server announces. */
export type ListKind = 'tools' | 'prompts' | 'resources';

/** The notification method of each list kind. */
export const LIST_CHANGED_METHODS: Readonly<Record<ListKind, string>> = {
  tools: 'notifications/tools/list_changed',
  prompts: 'notifications/prompts/list_changed',
  resources: 'notifications/resources/list_changed',
};

/** Callbacks of one subscription; each runs for the notifications its filter asked for. */
export interface ListenCallbacks {
  /** `notifications/tools/list_changed` arrived. */
  onToolsListChanged?: (() => void) | undefined;
  /** `notifications/prompts/list_changed` arrived. */
  onPromptsListChanged?: (() => void) | undefined;
  /** `notifications/resources/list_changed` arrived. */
  onResourcesListChanged?: (() => void) | undefined;
  /** `notifications/resources/updated` arrived for a subscribed URI. */
  onResourceUpdated?: ((params: ResourceUpdatedNotificationParams) => void) | undefined;
}

/** One subscription as the router sees it. */
export interface RoutedSubscription {
  /** The filter the server acknowledged (legacy: what the server's capabilities allow). */
  readonly accepted: SubscriptionFilter | undefined;
  readonly callbacks: ListenCallbacks;
  /** Modern: the acknowledgment arrived. */
  acknowledge(filter: SubscriptionFilter): void;
  /** The server ended it (`notifications/cancelled` naming the listen request). */
  endedByServer(): void;
  /** The connection closed under it. */
  connectionClosed(): void;
}

function subscriptionIdOf(params: JSONRPCParams | undefined): RequestId | undefined {
  const meta = params?.['_meta'];
  if (typeof meta !== 'object' || meta === null) return undefined;
  const id = (meta as Record<string, unknown>)[MetaKey.SubscriptionId];
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

function wantsList(filter: SubscriptionFilter | undefined, kind: ListKind): boolean {
  if (filter === undefined) return false;
  if (kind === 'tools') return filter.toolsListChanged === true;
  if (kind === 'prompts') return filter.promptsListChanged === true;
  return filter.resourcesListChanged === true;
}

function listCallback(callbacks: ListenCallbacks, kind: ListKind): (() => void) | undefined {
  if (kind === 'tools') return callbacks.onToolsListChanged;
  if (kind === 'prompts') return callbacks.onPromptsListChanged;
  return callbacks.onResourcesListChanged;
}

/** Client-wide listeners and open subscriptions, and the dispatch between them. */
export class NotificationRouter {
  /** Modern subscriptions by the id of their `subscriptions/listen` request. */
  readonly #modern = new Map<RequestId, RoutedSubscription>();
  readonly #legacy = new Set<RoutedSubscription>();
  readonly #lists: Record<ListKind, Set<() => void>> = {
    tools: new Set(),
    prompts: new Set(),
    resources: new Set(),
  };
  readonly #updated = new Set<(params: ResourceUpdatedNotificationParams) => void>();
  readonly #log = new Set<(params: LoggingMessageNotificationParams) => void>();
  readonly #report: (error: unknown) => void;

  /** `report` receives what a callback threw; one failing listener must not starve the others. */
  constructor(report: (error: unknown) => void) {
    this.#report = report;
  }

  /** Adds a client-wide list listener; returns its remover. */
  onListChanged(kind: ListKind, listener: () => void): () => void {
    this.#lists[kind].add(listener);
    return () => this.#lists[kind].delete(listener);
  }

  /** Adds a client-wide resource-update listener; returns its remover. */
  onResourceUpdated(listener: (params: ResourceUpdatedNotificationParams) => void): () => void {
    this.#updated.add(listener);
    return () => this.#updated.delete(listener);
  }

  /** Adds a log-message listener; returns its remover. */
  onLogMessage(listener: (params: LoggingMessageNotificationParams) => void): () => void {
    this.#log.add(listener);
    return () => this.#log.delete(listener);
  }

  /** Routes a modern subscription under the id its listen request was sent with (a retry moves it). */
  bindModern(id: RequestId, subscription: RoutedSubscription, previous?: RequestId): void {
    if (previous !== undefined) this.#modern.delete(previous);
    this.#modern.set(id, subscription);
  }

  /** Stops routing to a modern subscription. */
  unbindModern(id: RequestId | undefined): void {
    if (id !== undefined) this.#modern.delete(id);
  }

  /** Starts routing connection-wide notifications to a legacy subscription. */
  addLegacy(subscription: RoutedSubscription): void {
    this.#legacy.add(subscription);
  }

  /** Stops routing to a legacy subscription. */
  removeLegacy(subscription: RoutedSubscription): void {
    this.#legacy.delete(subscription);
  }

  /** `notifications/subscriptions/acknowledged`. */
  acknowledged(params: JSONRPCParams | undefined): void {
    const id = subscriptionIdOf(params);
    const filter = params?.['notifications'];
    if (id === undefined || typeof filter !== 'object' || filter === null) return;
    this.#modern.get(id)?.acknowledge(filter as SubscriptionFilter);
  }

  /** `notifications/cancelled` from the server: only legal for a listen request, which it ends. */
  cancelled(params: JSONRPCParams | undefined): void {
    const id = params?.['requestId'];
    if (typeof id !== 'string' && typeof id !== 'number') return;
    this.#modern.get(id)?.endedByServer();
  }

  /** A `list_changed` notification: the subscriptions it belongs to, then the client-wide listeners. */
  listChanged(kind: ListKind, params: JSONRPCParams | undefined): void {
    for (const subscription of this.#targets(params)) {
      if (wantsList(subscription.accepted, kind)) this.#call(listCallback(subscription.callbacks, kind));
    }
    for (const listener of this.#lists[kind]) this.#call(listener);
  }

  /** `notifications/resources/updated`. */
  resourceUpdated(params: ResourceUpdatedNotificationParams, raw: JSONRPCParams | undefined): void {
    for (const subscription of this.#targets(raw)) {
      const uris = subscription.accepted?.resourceSubscriptions;
      const callback = subscription.callbacks.onResourceUpdated;
      if (callback !== undefined && uris?.includes(params.uri) === true) this.#call(() => callback(params));
    }
    for (const listener of this.#updated) this.#call(() => listener(params));
  }

  /** `notifications/message`. */
  logMessage(params: LoggingMessageNotificationParams): void {
    for (const listener of this.#log) this.#call(() => listener(params));
  }

  /** Forgets every subscription (the connection closed); the client-wide listeners stay. */
  clearSubscriptions(): RoutedSubscription[] {
    const all = [...this.#modern.values(), ...this.#legacy];
    this.#modern.clear();
    this.#legacy.clear();
    return all;
  }

  #targets(params: JSONRPCParams | undefined): Iterable<RoutedSubscription> {
    const id = subscriptionIdOf(params);
    if (id === undefined) return this.#legacy;
    const subscription = this.#modern.get(id);
    return subscription === undefined ? [] : [subscription];
  }

  #call(callback: (() => void) | undefined): void {
    if (callback === undefined) return;
    try {
      callback();
    } catch (error) {
      this.#report(error);
    }
  }
}
