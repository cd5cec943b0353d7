/**
 * Options of {@link McpClient} and of its calls, and the one handler API through which the client
 * answers a server's requests for input in both eras (legacy server requests, modern MRTR).
 */
import type { EngineOptions, ProgressInfo } from '../engine/options.js';
import type { RequestId } from '../jsonrpc.js';
import type { ClientCapabilities } from '../types/capabilities.js';
import type { ElicitRequestParams, ElicitResult } from '../types/elicitation.js';
import type { LoggingLevel } from '../types/logging.js';
import {
  eraOf,
  LATEST_LEGACY_PROTOCOL_VERSION,
  LATEST_PROTOCOL_VERSION,
  type ProtocolEra,
  type ProtocolVersion,
} from '../types/revisions.js';
import type { ListRootsResult } from '../types/roots.js';
import type { CreateMessageRequestParams, CreateMessageResult } from '../types/sampling.js';
import type { ListCache } from './list-cache.js';

/** Which era the client speaks: detected (`auto`) or pinned. */
export type ClientEraOption = 'auto' | ProtocolEra;

/** What a handler of a server's input request knows about it. */
export interface InputContext {
  /** The era of the connection. */
  readonly era: ProtocolEra;
  /** The negotiated protocol version. */
  readonly protocolVersion: ProtocolVersion;
  /** Aborted when the input is no longer wanted: the server cancelled, a sibling input failed, the caller aborted. */
  readonly signal: AbortSignal;
  /** Legacy: the id of the server's request. */
  readonly requestId?: RequestId | undefined;
  /** Modern: the key of this entry in `inputRequests`. */
  readonly inputKey?: string | undefined;
  /** Modern: the client request that needs the input, e.g. `tools/call`. */
  readonly originMethod?: string | undefined;
}

/** Answers `elicitation/create`: ask the user, return their action and (form mode) content. */
export type ElicitationHandler = (
  params: ElicitRequestParams,
  ctx: InputContext,
) => ElicitResult | Promise<ElicitResult>;

/** Answers `sampling/createMessage`: run the model, return its message. */
export type SamplingHandler = (
  params: CreateMessageRequestParams,
  ctx: InputContext,
) => CreateMessageResult | Promise<CreateMessageResult>;

/** Answers `roots/list`. */
export type RootsHandler = (ctx: InputContext) => ListRootsResult | Promise<ListRootsResult>;

/** The client's answers to server input requests; each one given declares its capability. */
export interface ClientHandlers {
  /** Declares `elicitation: { form: {} }` (add `url` through `capabilities`). */
  elicitation?: ElicitationHandler | undefined;
  /** Declares `sampling: {}` (add `tools` or `context` through `capabilities`). */
  sampling?: SamplingHandler | undefined;
  /** Declares `roots` (`listChanged: true` in the legacy era). */
  roots?: RootsHandler | undefined;
}

/** Options of the list-result cache (spec `server/utilities/caching`). */
export interface ListCacheOptions {
  /** Set false to turn caching off. @default true */
  enabled?: boolean | undefined;
  /** Entries kept at most; the least recently used go first. @default 128 */
  maxEntries?: number | undefined;
  /** Freshness of a result that carries no `ttlMs` (legacy servers), in ms; 0 stores nothing. @default 0 */
  defaultTtlMs?: number | undefined;
  /**
   * Names the server, so that a shared `store` keeps servers apart and a reconnect to the same server
   * keeps its entries. @default a fresh key per connection
   */
  serverKey?: string | undefined;
  /**
   * The authorization context of the requests (e.g. a hash of the access token): `private` results
   * are served only to the same identity, `public` ones to any. @default one anonymous identity
   */
  authIdentity?: (() => string | undefined) | undefined;
  /** A cache shared with other clients; public entries are shared, private ones stay per identity. @default a cache of this client's own */
  store?: ListCache | undefined;
}

/** Options of {@link McpClient}. */
export interface McpClientOptions {
  /** Extra capabilities, merged over those derived from `handlers`. @default {} */
  capabilities?: ClientCapabilities | undefined;
  /** Detect the server's era, or pin one (a pinned era skips the probe). @default 'auto' */
  era?: ClientEraOption | undefined;
  /** The preferred protocol version. @default the newest of the era (2026-07-28 / 2025-11-25) */
  protocolVersion?: ProtocolVersion | undefined;
  /** How long the `server/discover` probe waits before assuming a legacy server, in ms. @default 5000 */
  probeTimeoutMs?: number | undefined;
  /** Answers to the server's input requests (both eras). @default {} */
  handlers?: ClientHandlers | undefined;
  /** Input rounds of one multi round-trip request before it fails with `MCPWIRE_ERR_LIMIT_EXCEEDED`. @default 8 */
  maxInputRounds?: number | undefined;
  /** Pages `listAll*` follows before failing with `MCPWIRE_ERR_LIMIT_EXCEEDED`. @default 100 */
  maxListPages?: number | undefined;
  /** The list-result cache; `false` turns it off. @default on, 128 entries */
  cache?: ListCacheOptions | false | undefined;
  /** Validate `structuredContent` against the tool's `outputSchema`. @default true */
  validateToolOutput?: boolean | undefined;
  /** Modern era: the log level sent in every request's `_meta` until `setLoggingLevel` changes it. @default none */
  logLevel?: LoggingLevel | undefined;
  /** Options of the underlying {@link ProtocolEngine} (timeouts, limits, timers). @default {} */
  engine?: EngineOptions | undefined;
}

/** Options of one request. */
export interface ClientCallOptions {
  /** Aborting it cancels the request (`notifications/cancelled`). */
  signal?: AbortSignal | undefined;
  /** Timeout in ms, restarted by progress. @default the engine's `defaultTimeoutMs` */
  timeoutMs?: number | undefined;
  /** Hard cap on the total time, in ms. @default the engine's `maxTotalTimeoutMs` */
  maxTotalTimeoutMs?: number | undefined;
  /** The official SDK's name for {@link timeoutMs}; one of the two, or both equal. */
  timeout?: number | undefined;
  /** The official SDK's name for {@link maxTotalTimeoutMs}; one of the two, or both equal. */
  maxTotalTimeout?: number | undefined;
  /** Restart the timeout on progress. @default true */
  resetTimeoutOnProgress?: boolean | undefined;
  /** Receives progress; adds a progress token to the request. */
  onprogress?: ((progress: ProgressInfo) => void) | undefined;
  /** Modern era: the log level of this request (`_meta`), overriding the client's. @default the client's `logLevel` */
  logLevel?: LoggingLevel | undefined;
}

/** Options of one list request. */
export interface ClientListOptions extends ClientCallOptions {
  /** Skip the cache and fetch; the fresh result still refreshes the cache. @default false */
  bypassCache?: boolean | undefined;
}

/** Options of a `listAll*` call. */
export interface ClientListAllOptions extends ClientListOptions {
  /** Pages to follow at most. @default the client's `maxListPages` */
  maxPages?: number | undefined;
}

/** Defaults, resolved once. */
export interface ResolvedClientOptions {
  era: ClientEraOption;
  preferredModern: ProtocolVersion;
  preferredLegacy: ProtocolVersion;
  probeTimeoutMs: number;
  handlers: ClientHandlers;
  maxInputRounds: number;
  maxListPages: number;
  validateToolOutput: boolean;
}

function count(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`McpClientOptions.${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

/** Applies the defaults and checks the options; throws RangeError on a contradiction. */
export function resolveClientOptions(options: McpClientOptions | undefined): ResolvedClientOptions {
  const era = options?.era ?? 'auto';
  const preferred = options?.protocolVersion;
  const preferredEra = preferred === undefined ? undefined : eraOf(preferred);
  if (preferred !== undefined && preferredEra === undefined) {
    throw new RangeError(`McpClientOptions.protocolVersion "${preferred}" is not a supported revision`);
  }
  // A pinned era with a version of the other era can never connect: refuse it now rather than at connect().
  if (era !== 'auto' && preferredEra !== undefined && preferredEra !== era) {
    throw new RangeError(`McpClientOptions.protocolVersion ${preferred} is not a ${era}-era revision`);
  }
  const probeTimeoutMs = options?.probeTimeoutMs ?? 5000;
  if (!(probeTimeoutMs > 0)) {
    throw new RangeError(`McpClientOptions.probeTimeoutMs must be > 0 ms, got ${probeTimeoutMs}`);
  }
  return {
    era,
    preferredModern:
      preferredEra === 'modern' && preferred !== undefined ? preferred : LATEST_PROTOCOL_VERSION,
    preferredLegacy:
      preferredEra === 'legacy' && preferred !== undefined ? preferred : LATEST_LEGACY_PROTOCOL_VERSION,
    probeTimeoutMs,
    handlers: options?.handlers ?? {},
    maxInputRounds: count('maxInputRounds', options?.maxInputRounds, 8, 0),
    maxListPages: count('maxListPages', options?.maxListPages, 100, 1),
    validateToolOutput: options?.validateToolOutput ?? true,
  };
}
