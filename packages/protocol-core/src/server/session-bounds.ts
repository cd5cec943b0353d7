/**
 * Bounds on what a server keeps from a client for longer than one request: a legacy session's
 * `clientInfo`, the URIs it subscribes to, and the URIs of a listen filter. Each message is already
 * bounded by the transport's size limit, but a session keeps its state for as long as it lives, times
 * every session: 4 MiB of `clientInfo` kept by 10,000 sessions is 40 GB.
 */
import { ErrorCode } from '../error-codes.js';
import { excerptOf, ProtocolError } from '../errors.js';
import type { ResolvedServerOptions } from './server-core.js';

type Bounds = Pick<ResolvedServerOptions, 'maxUriChars' | 'maxSubscriptions' | 'maxClientInfoChars'>;

/** Refuses (-32602) a URI list longer than `maxSubscriptions` or a URI longer than `maxUriChars`. */
export function checkUris(uris: readonly string[] | undefined, bounds: Bounds, where: string): void {
  if (uris === undefined) return;
  if (uris.length > bounds.maxSubscriptions) {
    throw new ProtocolError(
      ErrorCode.InvalidParams,
      `${where}: ${uris.length} URIs, more than ${bounds.maxSubscriptions}`,
      { limit: { name: 'maxSubscriptions', value: bounds.maxSubscriptions } },
    );
  }
  for (const uri of uris) checkUri(uri, bounds, where);
}

/** Refuses (-32602) a URI longer than `maxUriChars`, naming an excerpt of it. */
export function checkUri(uri: string, bounds: Bounds, where: string): void {
  if (uri.length <= bounds.maxUriChars) return;
  throw new ProtocolError(
    ErrorCode.InvalidParams,
    `${where}: a URI of ${uri.length} characters, longer than ${bounds.maxUriChars} (${excerptOf(uri)})`,
    { limit: { name: 'maxUriChars', value: bounds.maxUriChars } },
  );
}

/** Refuses (-32602) a `clientInfo` whose JSON is longer than `maxClientInfoChars`. */
export function checkClientInfo(clientInfo: unknown, bounds: Bounds): void {
  const chars = JSON.stringify(clientInfo)?.length ?? 0;
  if (chars <= bounds.maxClientInfoChars) return;
  throw new ProtocolError(
    ErrorCode.InvalidParams,
    `initialize: clientInfo is ${chars} characters of JSON, more than ${bounds.maxClientInfoChars}`,
    { limit: { name: 'maxClientInfoChars', value: bounds.maxClientInfoChars } },
  );
}
