/**
 * `UrlElicitationRequiredError`: what a handler throws when its request cannot go on until the user
 * completes one or more URL-mode elicitations (spec 2025-11-25 `client/elicitation`, error -32042).
 * The era decides what the client sees: a legacy 2025-11-25 session gets the -32042 error (and its
 * ids can be completed with `server.completeElicitation`); 2026-07-28 forbids the code, so the modern
 * era asks for the same URLs in an `input_required` result instead, as that revision's URL flow does.
 */
import * as z from 'zod';
import { ErrorCode } from '../error-codes.js';
import { ProtocolError } from '../errors.js';
import { type ElicitRequestURLParams, ElicitRequestURLParamsSchema } from '../types/elicitation.js';

/** One URL-mode elicitation of the error, with the id it is known by. */
export type RequiredUrlElicitation = ElicitRequestURLParams & { elicitationId: string };

/** What a plain ProtocolError -32042 must carry to be served like the class. */
const RequiredDataSchema = z.looseObject({ elicitations: z.array(ElicitRequestURLParamsSchema).min(1) });

/** True for a -32042 thrown by a handler: this class, or a plain ProtocolError with that code. */
export function isUrlElicitationRequired(error: unknown): error is ProtocolError {
  return error instanceof ProtocolError && error.code === ErrorCode.UrlElicitationRequired;
}

/**
 * Thrown by a tool, prompt or resource handler: the user must complete these URL elicitations before
 * a retry can succeed. One without an `elicitationId` gets a random one here, readable from
 * {@link elicitations} (for `server.completeElicitation(id)`).
 *
 * @example
 * const elicitationId = crypto.randomUUID();
 * throw new UrlElicitationRequiredError([
 *   { mode: 'url', elicitationId, url: `https://example.com/connect?id=${elicitationId}`, message: 'Connect your account' },
 * ]);
 */
export class UrlElicitationRequiredError extends ProtocolError {
  override readonly name: string = 'UrlElicitationRequiredError';

  /** Throws a TypeError for an empty list: the spec requires at least one elicitation to complete. */
  constructor(elicitations: readonly ElicitRequestURLParams[], message?: string) {
    if (elicitations.length === 0) {
      throw new TypeError('UrlElicitationRequiredError needs at least one URL elicitation');
    }
    // Copies: the data is what goes on the wire, and must not change under the era serving it.
    const withIds: RequiredUrlElicitation[] = elicitations.map((elicitation) => ({
      ...elicitation,
      mode: 'url',
      elicitationId: elicitation.elicitationId ?? globalThis.crypto.randomUUID(),
    }));
    const fallback = withIds.length > 1 ? 'URL elicitations required' : 'URL elicitation required';
    super(ErrorCode.UrlElicitationRequired, message ?? fallback, { elicitations: withIds });
  }

  /** The elicitations the client must have the user complete, each with its `elicitationId`. */
  get elicitations(): readonly RequiredUrlElicitation[] {
    return (this.data as { elicitations: RequiredUrlElicitation[] }).elicitations;
  }

  /** Itself, or a plain ProtocolError -32042 rebuilt from its `data`; bad data is a TypeError (our bug). */
  static from(error: ProtocolError): UrlElicitationRequiredError | TypeError {
    return urlElicitationRequiredFrom(error);
  }
}

// Outside the class so that its body never names the class (see `protocolErrorFromWire` in errors.ts).
function urlElicitationRequiredFrom(error: ProtocolError): UrlElicitationRequiredError | TypeError {
  if (error instanceof UrlElicitationRequiredError) return error;
  const parsed = RequiredDataSchema.safeParse(error.data);
  if (!parsed.success) {
    return new TypeError(
      'A -32042 error needs data.elicitations: a non-empty list of URL-mode elicitations',
      {
        cause: error,
      },
    );
  }
  return new UrlElicitationRequiredError(parsed.data.elicitations, error.message);
}
