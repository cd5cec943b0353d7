/**
 * What an endpoint turned out to speak, remembered across connections (2026-07-28 `basic/versioning`:
 * a client may cache the detected era per server and re-probe when the assumption fails).
 */

/**
 * Only what saves a round trip is remembered: `legacy` (needs `initialize`: Streamable HTTP
 * 2025-11-25 and earlier) and `legacy-sse` (needs the injected `fallback`: HTTP+SSE 2024-11-05).
 * A modern answer deletes the entry.
 */
export type CachedEra = 'legacy' | 'legacy-sse';

/** Where detected eras are kept. A `Map<string, CachedEra>` fits. */
export interface EraCache {
  get(key: string): CachedEra | undefined;
  set(key: string, era: CachedEra): unknown;
  delete(key: string): unknown;
}

/** The cache key of an endpoint: origin and path (query and fragment do not change the server). */
export function eraCacheKey(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

class BoundedEraCache implements EraCache {
  readonly #entries = new Map<string, CachedEra>();
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  get(key: string): CachedEra | undefined {
    return this.#entries.get(key);
  }

  set(key: string, era: CachedEra): void {
    // Re-inserted keys move to the back, so the oldest endpoint is the one dropped.
    this.#entries.delete(key);
    this.#entries.set(key, era);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}

/**
 * A bounded era cache; the oldest endpoint is dropped past `maxEntries`.
 * @param maxEntries Endpoints kept at most. @default 256
 */
export function createEraCache(maxEntries = 256): EraCache {
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`createEraCache: maxEntries must be an integer >= 1, got ${maxEntries}`);
  }
  return new BoundedEraCache(maxEntries);
}
