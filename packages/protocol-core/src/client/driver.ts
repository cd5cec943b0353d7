/**
 * What the client needs from an era: send a request and get its validated result. One driver per era
 * (`legacy-driver.ts`, `modern-driver.ts`) holds that era's rules, so the client itself never compares
 * versions; the helpers here are what both drivers share.
 */
import type { ProtocolEngine } from '../engine/engine.js';
import type { RequestOptions } from '../engine/options.js';
import { excerptOf, TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCParams, RequestId } from '../jsonrpc.js';
import type { Implementation } from '../types/base.js';
import type { ClientCapabilities, ServerCapabilities } from '../types/capabilities.js';
import type { McpMethod } from '../types/method-types.js';
import { parseParams, parseResult } from '../types/methods.js';
import type { ProtocolEra, ProtocolVersion } from '../types/revisions.js';
import type { EngineTimers } from '../engine/options.js';
import type { LoggingLevel } from '../types/logging.js';
import type { SubscriptionFilter } from '../types/subscriptions.js';
import type { ListenHandle, ListenOptions } from './listen.js';
import type { UriHolds } from './listen-legacy.js';
import type { ListenCallbacks, NotificationRouter } from './notification-router.js';
import type { ClientCallOptions, ClientHandlers } from './options.js';
import type { SendObserver } from './send-observer.js';

/** What the client learnt about the connection; the modern driver may change `version` mid-session. */
export interface Session {
  era: ProtocolEra;
  version: ProtocolVersion;
  /** The capabilities the client declares in this era. */
  capabilities: ClientCapabilities;
  serverInfo: Implementation | undefined;
  serverCapabilities: ServerCapabilities | undefined;
  instructions: string | undefined;
}

/** Options of one driver request: the caller's, plus hooks for the client's own plumbing. */
export interface DriverRequestOptions extends ClientCallOptions {
  /** Called with the id of each attempt as it is sent (a retry gets a new id). */
  onRequestId?: ((id: RequestId) => void) | undefined;
  /** Modern era: do not retry after -32022 (the era probe handles it itself). @default false */
  noVersionRetry?: boolean | undefined;
}

/** Sends requests of one era and validates their results with the registry. */
export interface EraDriver {
  /** The session this driver serves. */
  readonly session: Session;
  /** Sends `method` and resolves with its parsed result; rejects with ProtocolError or TransportError. */
  request(
    method: McpMethod,
    params: JSONRPCParams | undefined,
    options?: DriverRequestOptions,
  ): Promise<unknown>;
  /** Throws `MCPWIRE_ERR_SEND_VALIDATION` when `request` would refuse these params; sends nothing. */
  validate(method: McpMethod, params: JSONRPCParams | undefined): void;
  /** Sends a client notification of this era. */
  notify(method: McpMethod, params?: JSONRPCParams): Promise<void>;
  /**
   * Finishes connecting once the client's notification handlers are installed: legacy sends
   * `initialized` (and the log level chosen before connecting); modern has nothing to send.
   */
  completeConnect(handlers: ClientHandlers, logLevel: LoggingLevel | undefined): Promise<void>;
  /** Sets the server's log level: `logging/setLevel` (legacy), or nothing (modern: each request's `_meta`). */
  setLogLevel(level: LoggingLevel, options?: DriverRequestOptions): Promise<void>;
  /** Sends a request and completes it through the input rounds the era uses (modern MRTR; legacy none). */
  requestWithInput(
    method: McpMethod,
    params: JSONRPCParams,
    options: DriverRequestOptions | undefined,
    input: InputSettings,
  ): Promise<unknown>;
  /** Opens a subscription the era's way: `subscriptions/listen` (modern), or emulated (legacy). */
  listen(
    deps: ListenDeps,
    filter: SubscriptionFilter,
    callbacks: ListenCallbacks,
    options: ListenOptions | undefined,
  ): Promise<ListenHandle>;
  /** Sends `notifications/roots/list_changed` where the era has it (legacy); a no-op otherwise. */
  rootsListChanged(): Promise<void>;
}

/** What input rounds need from the client. */
export interface InputSettings {
  readonly handlers: ClientHandlers;
  readonly maxInputRounds: number;
}

/** What subscriptions need from the client, whichever era opens them. */
export interface ListenDeps {
  readonly router: NotificationRouter;
  readonly timers: EngineTimers;
  readonly uriHolds: UriHolds;
}

const NO_OPTIONS: RequestOptions = Object.freeze({});

/** The engine options of one call: only the members the caller set, so the engine's defaults apply. */
export function engineRequestOptions(options: ClientCallOptions | undefined): RequestOptions {
  // Most calls pass no options: they share one frozen empty object (the engine only reads it).
  if (options === undefined) return NO_OPTIONS;
  const out: RequestOptions = {};
  if (options.signal !== undefined) out.signal = options.signal;
  if (options.timeoutMs !== undefined) out.timeoutMs = options.timeoutMs;
  if (options.maxTotalTimeoutMs !== undefined) out.maxTotalTimeoutMs = options.maxTotalTimeoutMs;
  if (options.resetTimeoutOnProgress !== undefined)
    out.resetTimeoutOnProgress = options.resetTimeoutOnProgress;
  if (options.onprogress !== undefined) out.onprogress = options.onprogress;
  return out;
}

/**
 * Checks outgoing params against the revision before sending, so that a caller's mistake (or a method
 * the era does not have) fails locally with `MCPWIRE_ERR_SEND_VALIDATION` instead of on the server.
 */
export function checkParams(
  method: McpMethod,
  params: JSONRPCParams | undefined,
  version: ProtocolVersion,
): void {
  const outcome = parseParams(method, params, version);
  if (outcome.ok) return;
  throw new TransportError(
    TransportErrorCode.SendValidation,
    excerptOf(`Refusing to send "${method}" (${version}): ${outcome.error}`),
    { method },
  );
}

/**
 * Checks params, sends one request and reports its id (`onRequestId`); the id stays readable in
 * `observer.lastRequestId` until the next send (undefined when the engine refused the request before
 * sending it: the rejection follows). Shared by both eras' drivers.
 */
export function sendChecked(
  engine: ProtocolEngine,
  observer: SendObserver,
  method: McpMethod,
  params: JSONRPCParams | undefined,
  version: ProtocolVersion,
  options: DriverRequestOptions | undefined,
): Promise<JSONRPCParams> {
  // Checked before sending: a method this revision lacks fails here, not as a -32601 from the server.
  checkParams(method, params, version);
  // expect() + lastRequestId rather than a callback: no closure nor result object per call.
  observer.expect();
  const pending = engine.request(method, params, engineRequestOptions(options));
  const id = observer.lastRequestId;
  if (id !== undefined) options?.onRequestId?.(id);
  return pending;
}

/** Parses a result with the registry, or throws `MCPWIRE_ERR_INVALID_MESSAGE` naming the request. */
export function parseResultOrThrow(
  method: McpMethod,
  result: unknown,
  version: ProtocolVersion,
  requestId: RequestId | undefined,
): unknown {
  const outcome = parseResult(method, result, version);
  if (outcome.ok) return outcome.value;
  const which = requestId === undefined ? '' : ` (id ${requestId})`;
  throw new TransportError(
    TransportErrorCode.InvalidMessage,
    excerptOf(`Result of "${method}"${which} is not valid for ${version}: ${outcome.error}`),
    { method, requestId },
  );
}

/** The error of a call made with no connection: before the first `connect()`, or after a close. */
export function notConnected(method: string, everConnected: boolean): TransportError {
  return everConnected
    ? new TransportError(TransportErrorCode.Closed, `Cannot send "${method}": the client is closed`, {
        method,
      })
    : new TransportError(TransportErrorCode.NotStarted, `Cannot send "${method}": connect() first`, {
        method,
      });
}
