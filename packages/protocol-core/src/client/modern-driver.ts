/**
 * The modern era (2026-07-28) as the client speaks it: every request carries protocol version,
 * capabilities and client info in `_meta`; a result without `resultType` is complete (older servers);
 * an UnsupportedProtocolVersion error (-32022) switches to a version both support and retries once.
 */
import type { ProtocolEngine } from '../engine/engine.js';
import { ErrorCode } from '../error-codes.js';
import { excerptOf, ProtocolError, TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCParams, RequestId } from '../jsonrpc.js';
import type { Implementation } from '../types/base.js';
import type { LoggingLevel } from '../types/logging.js';
import type { McpMethod } from '../types/method-types.js';
import { ResultType } from '../types/modern.js';
import { MetaKey, type ProtocolVersion } from '../types/revisions.js';
import type { SubscriptionFilter } from '../types/subscriptions.js';
import type { RootsCapability } from './capabilities.js';
import {
  checkParams,
  type DriverRequestOptions,
  type EraDriver,
  type InputSettings,
  type ListenDeps,
  sendChecked,
  parseResultOrThrow,
  type Session,
} from './driver.js';
import { type ListenHandle, type ListenOptions, listenModern } from './listen.js';
import { requestWithInput } from './mrtr.js';
import type { ListenCallbacks } from './notification-router.js';
import type { ClientHandlers } from './options.js';
import type { SendObserver } from './send-observer.js';
import { describeVersions, selectVersion, supportedVersionsOf } from './versions.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The modern era has no roots notification: the capability carries no `listChanged`. */
export const MODERN_ROOTS_CAPABILITY: RootsCapability = {};

/** What the modern driver reads from its client at each request. */
export interface ModernDriverHost {
  readonly clientInfo: Implementation;
  /** The client-wide log level (`setLoggingLevel`), if any. */
  logLevel(): LoggingLevel | undefined;
  /** Tells the transport the version changed (HTTP sends it as a header). */
  versionChanged(version: ProtocolVersion): void;
}

/**
 * Copies params with the per-request `_meta` fields set. The caller's `_meta` keys survive (trace
 * context, say) and the caller's object is never mutated; the protocol fields always win, except a
 * log level the caller put in `_meta`, which beats the client-wide default but not the call option.
 */
export function withModernMeta(
  params: JSONRPCParams | undefined,
  session: Session,
  host: ModernDriverHost,
  logLevel: LoggingLevel | undefined,
): JSONRPCParams {
  const callerMeta = isObject(params?.['_meta']) ? params['_meta'] : undefined;
  // An object literal with literal keys gets a fast, stable hidden class; spreading the caller's `_meta`
  // into a literal with computed keys made a dictionary-mode object, which cost about 2 µs per request
  // to build and validate. The caller's keys are copied in afterwards, only when there are any.
  const meta: Record<string, unknown> = {
    'io.modelcontextprotocol/protocolVersion': session.version,
    'io.modelcontextprotocol/clientCapabilities': session.capabilities,
    'io.modelcontextprotocol/clientInfo': host.clientInfo,
  };
  if (callerMeta !== undefined) {
    for (const key in callerMeta) {
      if (!(key in meta)) meta[key] = callerMeta[key];
    }
  }
  const level = logLevel ?? (callerMeta?.[MetaKey.LogLevel] as LoggingLevel | undefined) ?? host.logLevel();
  if (level !== undefined) meta[MetaKey.LogLevel] = level;
  const full: JSONRPCParams = {};
  if (params !== undefined) for (const key in params) full[key] = params[key];
  full['_meta'] = meta;
  return full;
}

/**
 * Applies the spec's leniency (no `resultType` means complete) and refuses result types we do not
 * know, which the spec says must be treated as invalid.
 */
function normalizeResult(method: McpMethod, raw: JSONRPCParams, requestId: RequestId | undefined): unknown {
  const type = raw['resultType'];
  if (type === undefined) return { ...raw, resultType: ResultType.Complete };
  if (type === ResultType.Complete || type === ResultType.InputRequired) return raw;
  throw new TransportError(
    TransportErrorCode.InvalidMessage,
    excerptOf(
      `Result of "${method}" (id ${requestId}) has an unrecognized resultType ${JSON.stringify(type)}`,
    ),
    { method, requestId },
  );
}

/** Sends modern-era requests: stateless, `_meta` on each. */
export class ModernDriver implements EraDriver {
  readonly session: Session;
  readonly #engine: ProtocolEngine;
  readonly #observer: SendObserver;
  readonly #host: ModernDriverHost;

  constructor(engine: ProtocolEngine, observer: SendObserver, session: Session, host: ModernDriverHost) {
    this.#engine = engine;
    this.#observer = observer;
    this.session = session;
    this.#host = host;
  }

  async request(
    method: McpMethod,
    params: JSONRPCParams | undefined,
    options?: DriverRequestOptions,
  ): Promise<unknown> {
    // One retry at most: a server that rejects the version it just advertised would loop forever.
    for (let attempt = 0; ; attempt++) {
      // Read per attempt: a -32022 retry, or a concurrent one, may have moved the session's version.
      const version = this.session.version;
      const full = withModernMeta(params, this.session, this.#host, options?.logLevel);
      const pending = sendChecked(this.#engine, this.#observer, method, full, version, options);
      const id = this.#observer.lastRequestId;
      try {
        const raw = await pending;
        return parseResultOrThrow(method, normalizeResult(method, raw, id), version, id);
      } catch (error) {
        if (attempt > 0 || options?.noVersionRetry === true || !(error instanceof ProtocolError)) throw error;
        if (error.code !== ErrorCode.UnsupportedProtocolVersion) throw error;
        this.#switchVersion(method, error);
      }
    }
  }

  validate(method: McpMethod, params: JSONRPCParams | undefined): void {
    checkParams(method, withModernMeta(params, this.session, this.#host, undefined), this.session.version);
  }

  notify(method: McpMethod, params?: JSONRPCParams): Promise<void> {
    try {
      checkParams(method, params, this.session.version);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#engine.notify(method, params);
  }

  /** Nothing to send: no handshake, and the server asks for input inside results, not by request. */
  completeConnect(_handlers: ClientHandlers, _logLevel: LoggingLevel | undefined): Promise<void> {
    return Promise.resolve();
  }

  /** Nothing to send: every later request carries the level in `_meta` (the host's `logLevel`). */
  setLogLevel(_level: LoggingLevel, _options?: DriverRequestOptions): Promise<void> {
    return Promise.resolve();
  }

  requestWithInput(
    method: McpMethod,
    params: JSONRPCParams,
    options: DriverRequestOptions | undefined,
    input: InputSettings,
  ): Promise<unknown> {
    return requestWithInput({ driver: this, ...input }, method, params, options);
  }

  listen(
    deps: ListenDeps,
    filter: SubscriptionFilter,
    callbacks: ListenCallbacks,
    options: ListenOptions | undefined,
  ): Promise<ListenHandle> {
    return listenModern(this, deps.router, deps.timers, filter, callbacks, options);
  }

  /** The modern era has no roots notification. */
  rootsListChanged(): Promise<void> {
    return Promise.resolve();
  }

  /** Moves the session to a version from the error's `supported` list, or throws when there is none. */
  #switchVersion(method: McpMethod, error: ProtocolError): void {
    const supported = supportedVersionsOf(error.data);
    if (supported === undefined) throw error;
    const next = selectVersion(supported, 'modern', this.session.version);
    if (next === undefined) {
      throw new TransportError(
        TransportErrorCode.UnsupportedVersion,
        excerptOf(
          `"${method}": the server supports ${describeVersions(supported)}, none of which this client speaks in the modern era`,
        ),
        { method, requestId: error.requestId },
        error,
      );
    }
    this.session.version = next;
    this.#host.versionChanged(next);
  }
}
