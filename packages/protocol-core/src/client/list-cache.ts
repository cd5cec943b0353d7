/**
 * The list-result cache (spec `server/utilities/caching`). A result is fresh while
 * `now < receivedAt + ttlMs`; a `list_changed` notification makes it stale at once. The key is the
 * method and cursor (each page is cached on its own) under a scope: `public` results may be served to
 * any authorization context of the same server, `private` ones only to the identity that fetched them.
 */
import type { EngineTimers } from '../engine/options.js';
import type { ListCacheOptions } from './options.js';

interface Entry {
  readonly value: unknown;
  readonly expiresAt: number;
}

/** Separates key parts; cannot occur in the JSON-encoded parts. */
const SEP = '\u0000';

/**
 * A bounded store of list results, least recently used evicted first. Give one to several clients
 * (`cache.store`) to share public results between them; private results stay per identity.
 * @example
 * const shared = new ListCache({ maxEntries: 512 });
 * const a = new McpClient(info, { cache: { store: shared, serverKey: 'weather', authIdentity: () => userA } });
 */
export class ListCache {
  /** The most entries kept. */
  readonly maxEntries: number;
  readonly #entries = new Map<string, Entry>();

  constructor(options?: { maxEntries?: number | undefined }) {
    const max = options?.maxEntries ?? 128;
    if (!Number.isSafeInteger(max) || max < 1) {
      throw new RangeError(`ListCache.maxEntries must be an integer >= 1, got ${max}`);
    }
    this.maxEntries = max;
  }

  /** Entries held now, fresh or not yet evicted. */
  get size(): number {
    return this.#entries.size;
  }

  /** Drops every entry. */
  clear(): void {
    this.#entries.clear();
  }

  /** The value under `key` if still fresh at `now`; a stale entry is dropped. */
  get(key: string, now: number): unknown {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    if (!(now < entry.expiresAt)) return undefined;
    // Re-inserted: Map order is the recency order the eviction relies on.
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Stores a value until `expiresAt`, evicting the least recently used beyond `maxEntries`. */
  set(key: string, value: unknown, expiresAt: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }

  /** Drops one entry. */
  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Drops the entries whose key starts with `prefix`. */
  deletePrefix(prefix: string): void {
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#entries.delete(key);
  }
}

let connectionSeq = 0;

/**
 * One client's view of a {@link ListCache}: its server key, identity, clock and default TTL. Keys are
 * `server, method, scope, cursor`, so that one prefix drops a method's pages in every scope.
 */
export class ClientListCache {
  readonly #store: ListCache;
  readonly #timers: EngineTimers;
  readonly #defaultTtlMs: number;
  readonly #identity: () => string | undefined;
  readonly #fixedServerKey: string | undefined;
  #serverKey: string;

  constructor(options: ListCacheOptions, timers: EngineTimers) {
    this.#store = options.store ?? new ListCache({ maxEntries: options.maxEntries });
    this.#timers = timers;
    const ttl = options.defaultTtlMs ?? 0;
    if (!(ttl >= 0)) throw new RangeError(`ListCacheOptions.defaultTtlMs must be >= 0, got ${ttl}`);
    this.#defaultTtlMs = ttl;
    this.#identity = options.authIdentity ?? (() => undefined);
    this.#fixedServerKey = options.serverKey;
    this.#serverKey = this.#nextServerKey();
  }

  /** A new connection: without a caller-given server key, nothing from the last one is served. */
  reset(): void {
    if (this.#fixedServerKey === undefined) this.#store.deletePrefix(this.#serverKey + SEP);
    this.#serverKey = this.#nextServerKey();
  }

  /** A fresh cached result of `method` at `cursor` for the current identity, or undefined. */
  get(method: string, cursor: string | undefined): unknown {
    const now = this.#timers.now();
    // Public first: it is valid for every identity.
    return (
      this.#store.get(this.#key(method, 'public', cursor), now) ??
      this.#store.get(this.#key(method, 'private', cursor), now)
    );
  }

  /** Stores a result under the scope and TTL it declares; no TTL means `defaultTtlMs`. */
  set(method: string, cursor: string | undefined, result: Record<string, unknown>): void {
    const declared = result['ttlMs'];
    // The spec: absent means the client's default; negative is treated as 0 (immediately stale).
    const ttl = typeof declared === 'number' ? Math.max(0, declared) : this.#defaultTtlMs;
    // An unknown or absent scope is private: sharing what may be user-specific is the one unsafe mistake.
    const scope = result['cacheScope'] === 'public' ? 'public' : 'private';
    // A fresh result replaces whatever the other scope held for the same request.
    this.#store.delete(this.#key(method, scope === 'public' ? 'private' : 'public', cursor));
    const key = this.#key(method, scope, cursor);
    if (ttl <= 0) this.#store.delete(key);
    else this.#store.set(key, result, this.#timers.now() + ttl);
  }

  /** Makes every cached page of `method` stale, in every scope (a `list_changed`, an invalid cursor). */
  invalidate(method: string): void {
    this.#store.deletePrefix(`${this.#serverKey}${SEP}${JSON.stringify(method)}${SEP}`);
  }

  #nextServerKey(): string {
    return this.#fixedServerKey === undefined
      ? `#${++connectionSeq}`
      : `=${JSON.stringify(this.#fixedServerKey)}`;
  }

  #key(method: string, scope: 'public' | 'private', cursor: string | undefined): string {
    const who = scope === 'public' ? 'public' : `private:${JSON.stringify(this.#identity() ?? '')}`;
    return [this.#serverKey, JSON.stringify(method), who, JSON.stringify(cursor ?? null)].join(SEP);
  }
}
