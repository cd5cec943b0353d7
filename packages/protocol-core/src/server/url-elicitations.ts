/**
 * Which legacy session received which URL-mode `elicitationId`, server-wide, so that
 * `server.completeElicitation(id)` reaches the one client that started the elicitation (spec
 * 2025-11-25: "MUST only send the notification to the client that initiated the elicitation
 * request"), once. Ids are unique within the server while pending; each session keeps a bounded
 * number, oldest forgotten first, and all of them go when its connection closes.
 */

/** What a completion is sent through: the legacy session that received the elicitation. */
export interface ElicitationOwner {
  /** Sends `notifications/elicitation/complete`; false when the session cannot receive it. */
  sendElicitationComplete(elicitationId: string): Promise<boolean>;
}

/** The pending URL-mode elicitation ids of one server. */
export class UrlElicitations {
  readonly #owners = new Map<string, ElicitationOwner>();
  /** Per owner, in the order claimed (Set order), so the oldest is the one to forget. */
  readonly #byOwner = new Map<ElicitationOwner, Set<string>>();
  readonly #maxPerOwner: number;

  constructor(maxPerOwner: number) {
    this.#maxPerOwner = maxPerOwner;
  }

  /**
   * Records that `owner` was sent `id`. False when another session holds it: a completion would then
   * be ambiguous, and going to the wrong client is what the spec forbids. The same owner may re-send it.
   */
  claim(id: string, owner: ElicitationOwner): boolean {
    const holder = this.#owners.get(id);
    if (holder !== undefined && holder !== owner) return false;
    let ids = this.#byOwner.get(owner);
    if (ids === undefined) {
      ids = new Set();
      this.#byOwner.set(owner, ids);
    }
    // Re-adding moves a re-sent id to the young end.
    ids.delete(id);
    ids.add(id);
    this.#owners.set(id, owner);
    if (ids.size > this.#maxPerOwner) {
      const oldest = ids.values().next().value as string;
      ids.delete(oldest);
      this.#owners.delete(oldest);
    }
    return true;
  }

  /** Forgets `id` if `owner` holds it (the user declined, or the request failed). */
  release(id: string, owner: ElicitationOwner): void {
    if (this.#owners.get(id) !== owner) return;
    this.#owners.delete(id);
    const ids = this.#byOwner.get(owner);
    ids?.delete(id);
    if (ids?.size === 0) this.#byOwner.delete(owner);
  }

  /** Removes `id` and returns the session that holds it, if any: a completion is sent at most once. */
  take(id: string): ElicitationOwner | undefined {
    const owner = this.#owners.get(id);
    if (owner !== undefined) this.release(id, owner);
    return owner;
  }

  /** Forgets every id of `owner` (its connection closed). */
  drop(owner: ElicitationOwner): void {
    const ids = this.#byOwner.get(owner);
    if (ids === undefined) return;
    for (const id of ids) this.#owners.delete(id);
    this.#byOwner.delete(owner);
  }
}
