/**
 * URL-mode elicitation completions, the client side (2025-11-25 `notifications/elicitation/complete`).
 * The spec has clients ignore completions of unknown or already-completed ids, so the client
 * remembers the ids a server gave it, by a URL-mode `elicitation/create` (kept only if the user
 * accepted) or in a -32042 error, delivers each completion once to `onElicitationComplete`
 * listeners, and forgets the id. The modern era has neither ids nor this notification, so nothing is
 * remembered there and whatever arrives is ignored.
 */
import { ErrorCode } from '../error-codes.js';
import { ProtocolError } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { ElicitationCompleteNotificationParams } from '../types/elicitation.js';
import { UrlElicitationRequiredErrorDataSchema } from '../types/error-data.js';

/** Ids remembered at most per connection; beyond it the oldest is forgotten (its completion then ignored). */
export const MAX_PENDING_ELICITATIONS = 1024;

/** A listener of {@link ElicitationCompletions}. */
export type ElicitationCompleteListener = (params: ElicitationCompleteNotificationParams) => void;

/** The pending URL-mode elicitation ids of one connection, and the listeners of their completion. */
export class ElicitationCompletions {
  /** In the order learnt (Set order), so the oldest is the one to forget. */
  readonly #pending = new Set<string>();
  readonly #listeners = new Set<ElicitationCompleteListener>();
  readonly #report: (error: unknown) => void;

  /** `report` receives what a listener threw; one failing listener must not starve the others. */
  constructor(report: (error: unknown) => void) {
    this.#report = report;
  }

  /** Adds a listener; returns its remover. */
  onComplete(listener: ElicitationCompleteListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Remembers an id the server gave; a completion of it will be delivered. */
  remember(id: string): void {
    this.#pending.delete(id);
    this.#pending.add(id);
    if (this.#pending.size > MAX_PENDING_ELICITATIONS) {
      this.#pending.delete(this.#pending.values().next().value as string);
    }
  }

  /** Forgets an id: the user declined or cancelled, so no interaction will complete. */
  forget(id: string): void {
    this.#pending.delete(id);
  }

  /** Remembers the ids of a -32042 error, which the server may complete before the caller retries. */
  noteError(error: unknown): void {
    if (!(error instanceof ProtocolError) || error.code !== ErrorCode.UrlElicitationRequired) return;
    const parsed = UrlElicitationRequiredErrorDataSchema.safeParse(error.data);
    if (!parsed.success) return;
    for (const elicitation of parsed.data.elicitations) this.remember(elicitation.elicitationId);
  }

  /** A completion notification: delivered once if its id is pending, ignored otherwise (as the spec asks). */
  complete(params: ElicitationCompleteNotificationParams): void {
    if (!this.#pending.delete(params.elicitationId)) return;
    for (const listener of this.#listeners) {
      try {
        listener(params);
      } catch (error) {
        this.#report(error);
      }
    }
  }

  /** Forgets every id (a new connection: the old server's ids mean nothing to the next). */
  clear(): void {
    this.#pending.clear();
  }
}

/** The `elicitationId` of a URL-mode `elicitation/create`, or undefined (forms; revisions without ids). */
export function urlElicitationIdOf(params: JSONRPCParams | undefined): string | undefined {
  if (params?.['mode'] !== 'url') return undefined;
  const id = params['elicitationId'];
  return typeof id === 'string' ? id : undefined;
}
