/**
 * Checks every Streamable HTTP request passes before any work: the `Accept` / `Content-Type` a client
 * must send. (Host and Origin are checked by protocol-core's `OriginGuard`.)
 */

/** The media types an `Accept` header lists (parameters dropped, lower-case). */
function acceptedTypes(accept: string | undefined): string[] {
  if (accept === undefined) return [];
  return accept.split(',').map((part) => {
    const semicolon = part.indexOf(';');
    return (semicolon < 0 ? part : part.slice(0, semicolon)).trim().toLowerCase();
  });
}

/** True when `Accept` lists `type` (`*\/*` and `family/*` count). */
function accepts(types: readonly string[], type: string): boolean {
  const family = `${type.slice(0, type.indexOf('/'))}/*`;
  return types.some((listed) => listed === type || listed === family || listed === '*/*');
}

// The last Accept value seen by a POST and its verdict: clients send the same one every time.
let lastAccept: string | undefined;
let lastAcceptOk = false;

/** POST: the client must accept both a JSON body and an SSE stream. */
export function acceptsPostResponses(accept: string | undefined): boolean {
  if (accept !== undefined && accept === lastAccept) return lastAcceptOk;
  const types = acceptedTypes(accept);
  const ok = accepts(types, 'application/json') && accepts(types, 'text/event-stream');
  lastAccept = accept;
  lastAcceptOk = ok;
  return ok;
}

/** GET: the client must accept an SSE stream. */
export function acceptsEventStream(accept: string | undefined): boolean {
  return accepts(acceptedTypes(accept), 'text/event-stream');
}
