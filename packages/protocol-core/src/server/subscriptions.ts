/**
 * Change notifications, both eras: registries report changes to a {@link ChangeFanout}, which tells
 * every listener: legacy sessions (connection-wide `list_changed`, `resources/subscribe`) and modern
 * `subscriptions/listen` streams ({@link ListenStream}), each applying its own era's rules.
 */
import type { JSONRPCParams, RequestId } from '../jsonrpc.js';
import { MetaKey } from '../types/revisions.js';
import type { SubscriptionFilter } from '../types/subscriptions.js';
import type { RequestChannel } from './era.js';

/** The lists whose changes are announced. */
export type ListKind = 'tools' | 'prompts' | 'resources';

/** Receives changes; implementations decide what, if anything, to send. */
export interface ChangeListener {
  listChanged(kind: ListKind): void;
  resourceUpdated(uri: string): void;
}

/**
 * Fans changes out to listeners. List changes are coalesced per microtask: registering fifty tools
 * in one go sends one `notifications/tools/list_changed`, not fifty.
 */
export class ChangeFanout {
  readonly #listeners = new Set<ChangeListener>();
  readonly #pending = new Set<ListKind>();
  #scheduled = false;

  /** Starts delivering changes to `listener`. */
  add(listener: ChangeListener): void {
    this.#listeners.add(listener);
  }

  /** Stops delivering changes to `listener`. */
  delete(listener: ChangeListener): void {
    this.#listeners.delete(listener);
  }

  /** Announces that a list changed, once per microtask and kind. */
  listChanged(kind: ListKind): void {
    if (this.#listeners.size === 0) return;
    this.#pending.add(kind);
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      const kinds = [...this.#pending];
      this.#pending.clear();
      for (const listener of [...this.#listeners]) for (const changed of kinds) listener.listChanged(changed);
    });
  }

  /** Announces that one resource changed. */
  resourceUpdated(uri: string): void {
    for (const listener of [...this.#listeners]) listener.resourceUpdated(uri);
  }
}

/** What a listen stream needs from its server. */
export interface ListenHost {
  readonly fanout: ChangeFanout;
  readonly streams: Set<ListenStream>;
  /** Open streams by owner, for the per-principal cap. */
  readonly streamOwners: Map<string, number>;
  /** Shapes the result that closes the stream (resultType, server info). */
  finish(result: JSONRPCParams): JSONRPCParams;
  report(error: unknown): void;
}

/**
 * One open `subscriptions/listen` stream: acknowledged first, then the notifications its filter
 * asked for, each tagged with the subscription id (the listen request's id). The client ends it by
 * cancelling the request (or closing its stream); the server ends it with {@link ListenStream.end}.
 */
export class ListenStream implements ChangeListener {
  readonly #host: ListenHost;
  readonly #channel: RequestChannel;
  readonly #filter: SubscriptionFilter;
  readonly #uris: ReadonlySet<string>;
  readonly #id: RequestId;
  /** Who the stream counts against (see `maxSubscriptionsPerPrincipal`), if anyone. */
  readonly #owner: string | undefined;
  #resolve: ((result: JSONRPCParams) => void) | undefined = undefined;
  #onAbort: (() => void) | undefined = undefined;

  /** `filter` is the acknowledged subset: what the server will honour. */
  constructor(
    host: ListenHost,
    channel: RequestChannel,
    filter: SubscriptionFilter,
    owner?: string | undefined,
  ) {
    this.#host = host;
    this.#owner = owner;
    this.#channel = channel;
    this.#filter = filter;
    this.#uris = new Set(filter.resourceSubscriptions ?? []);
    this.#id = channel.requestId;
  }

  /** Acknowledges, starts delivering, and resolves with the closing result when the stream ends. */
  open(): Promise<JSONRPCParams> {
    const signal = this.#channel.signal;
    const done = new Promise<JSONRPCParams>((resolve) => {
      this.#resolve = resolve;
    });
    // The acknowledgment is sent before the stream joins the fanout: nothing may precede it.
    this.#send('notifications/subscriptions/acknowledged', { notifications: this.#filter });
    if (signal.aborted) {
      this.#finish();
      return done;
    }
    this.#host.streams.add(this);
    if (this.#owner !== undefined) {
      this.#host.streamOwners.set(this.#owner, (this.#host.streamOwners.get(this.#owner) ?? 0) + 1);
    }
    this.#host.fanout.add(this);
    this.#onAbort = () => this.#finish();
    signal.addEventListener('abort', this.#onAbort, { once: true });
    return done;
  }

  listChanged(kind: ListKind): void {
    const wanted =
      kind === 'tools'
        ? this.#filter.toolsListChanged
        : kind === 'prompts'
          ? this.#filter.promptsListChanged
          : this.#filter.resourcesListChanged;
    if (wanted === true) this.#send(`notifications/${kind}/list_changed`, {});
  }

  resourceUpdated(uri: string): void {
    if (this.#uris.has(uri)) this.#send('notifications/resources/updated', { uri });
  }

  /**
   * Ends the stream from the server side. On a shared channel (stdio) the spec has the server send
   * `notifications/cancelled` for the listen request; the closing result follows for clients that wait
   * for it (subscriptions: "graceful closure"). A per-request stream (HTTP) closes with the result alone.
   */
  end(reason: string): void {
    if (this.#resolve === undefined) return;
    if (this.#channel.perRequestStream !== true) {
      this.#channel
        .notify('notifications/cancelled', { requestId: this.#id, reason })
        .then(undefined, (error: unknown) => this.#host.report(error));
    }
    this.#finish();
  }

  #finish(): void {
    const resolve = this.#resolve;
    if (resolve === undefined) return;
    this.#resolve = undefined;
    if (this.#host.streams.delete(this) && this.#owner !== undefined) {
      const left = (this.#host.streamOwners.get(this.#owner) ?? 1) - 1;
      if (left > 0) this.#host.streamOwners.set(this.#owner, left);
      else this.#host.streamOwners.delete(this.#owner);
    }
    this.#host.fanout.delete(this);
    if (this.#onAbort !== undefined) this.#channel.signal.removeEventListener('abort', this.#onAbort);
    resolve(this.#host.finish({ _meta: { [MetaKey.SubscriptionId]: this.#id } }));
  }

  #send(method: string, params: JSONRPCParams): void {
    params['_meta'] = { [MetaKey.SubscriptionId]: this.#id };
    this.#channel.notify(method, params).then(undefined, (error: unknown) => this.#host.report(error));
  }
}
