import type { $ZodType } from 'zod/v4/core';
import type { JSONRPCMessage, RequestId } from '../jsonrpc.js';
import type { Timers } from '../transport-kit/timers.js';

/**
 * The clock the engine reads and arms. Inject a fake one in tests; the default uses the global
 * `setTimeout` / `clearTimeout` (read at call time, so test fakes installed later still apply) and a
 * monotonic `performance.now()` where there is one.
 */
export interface EngineTimers extends Timers {
  /** Milliseconds since any fixed origin; must never go backwards. */
  now(): number;
}

/** Options of a {@link ProtocolEngine}. Every limit is bounded by default. */
export interface EngineOptions {
  /** Timeout of an outgoing request that does not set its own, in ms. @default 60_000 */
  defaultTimeoutMs?: number | undefined;
  /** Hard cap on an outgoing request's total time, even with progress resets, in ms. @default 600_000 */
  maxTotalTimeoutMs?: number | undefined;
  /** Outgoing requests awaiting a response; beyond it request() rejects with `MCPWIRE_ERR_TOO_MANY_PENDING`. @default 4096 */
  maxPendingRequests?: number | undefined;
  /** Incoming request handlers running at once; beyond it requests wait in a FIFO queue. @default 256 */
  maxConcurrentHandlers?: number | undefined;
  /** Incoming requests waiting for a handler slot; beyond it they are answered -32603 naming the limit. @default 4096 */
  maxQueuedRequests?: number | undefined;
  /** The clock; inject a fake one in tests. @default the global timers */
  timers?: EngineTimers | undefined;
  /**
   * Validates each outgoing request, notification and result response (error responses are built by the
   * engine and only envelope-checked); throw to refuse. The envelope is always checked first.
   */
  validateOutgoing?: ((message: JSONRPCMessage) => void) | undefined;
  /** Capability check before sending a request or notification; throw (`MCPWIRE_ERR_CAPABILITY_MISSING`) to refuse. */
  assertCanSend?: ((method: string) => void) | undefined;
  /** Capability check before dispatching an incoming request; a thrown `ProtocolError` is sent to the peer. */
  assertCanHandle?: ((method: string) => void) | undefined;
}

/** One progress update of an outgoing request (spec `basic/utilities/progress`). */
export interface ProgressInfo {
  /** The progress so far; increases with every update. */
  progress: number;
  /** The total, where the peer knows it. */
  total?: number | undefined;
  /** A human-readable status. */
  message?: string | undefined;
}

/** Options of one outgoing request. */
export interface RequestOptions {
  /** Timeout in ms, restarted by each progress update (see `resetTimeoutOnProgress`). @default the engine's `defaultTimeoutMs` */
  timeoutMs?: number | undefined;
  /** Restart the timeout whenever progress arrives. @default true */
  resetTimeoutOnProgress?: boolean | undefined;
  /** Hard cap on the total time that progress cannot extend, in ms. @default the engine's `maxTotalTimeoutMs` */
  maxTotalTimeoutMs?: number | undefined;
  /** Aborting it sends `notifications/cancelled` and rejects with `MCPWIRE_ERR_CANCELLED`. */
  signal?: AbortSignal | undefined;
  /** Receives progress; giving it adds `_meta.progressToken` (the request id) to a copy of the params. */
  onprogress?: ((progress: ProgressInfo) => void) | undefined;
  /** The incoming request this one is made on behalf of, for transports that route per request. */
  relatedRequestId?: RequestId | undefined;
  /** Parses the result; the request resolves with the schema's output or rejects with `MCPWIRE_ERR_INVALID_MESSAGE`. */
  resultSchema?: $ZodType | undefined;
}

/** Options of one outgoing notification. */
export interface NotifyOptions {
  /** The incoming request this notification belongs to, for transports that route per request. */
  relatedRequestId?: RequestId | undefined;
}

/** {@link EngineOptions} with every default applied; internal. */
export interface ResolvedEngineOptions {
  defaultTimeoutMs: number;
  maxTotalTimeoutMs: number;
  maxPendingRequests: number;
  maxConcurrentHandlers: number;
  maxQueuedRequests: number;
  timers: EngineTimers;
  validateOutgoing: ((message: JSONRPCMessage) => void) | undefined;
  assertCanSend: ((method: string) => void) | undefined;
  assertCanHandle: ((method: string) => void) | undefined;
}

/** The global clock; the globals are read at call time so that fakes installed later apply. */
export const defaultTimers: EngineTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
  // performance.now() is monotonic; Date.now() can jump with the wall clock.
  now: () => (typeof performance === 'undefined' ? Date.now() : performance.now()),
};

function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  // Infinity is allowed (never expires); NaN and negatives are mistakes.
  if (!(value >= 0)) throw new RangeError(`EngineOptions.${name} must be >= 0 ms, got ${value}`);
  return value;
}

function count(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  // Counts stay finite: an unbounded queue or table is what these limits exist to prevent.
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`EngineOptions.${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

/** Applies the defaults and range-checks the limits; throws RangeError on a bad value. */
export function resolveEngineOptions(options: EngineOptions | undefined): ResolvedEngineOptions {
  return {
    defaultTimeoutMs: duration('defaultTimeoutMs', options?.defaultTimeoutMs, 60_000),
    maxTotalTimeoutMs: duration('maxTotalTimeoutMs', options?.maxTotalTimeoutMs, 600_000),
    maxPendingRequests: count('maxPendingRequests', options?.maxPendingRequests, 4096, 1),
    maxConcurrentHandlers: count('maxConcurrentHandlers', options?.maxConcurrentHandlers, 256, 1),
    maxQueuedRequests: count('maxQueuedRequests', options?.maxQueuedRequests, 4096, 0),
    timers: options?.timers ?? defaultTimers,
    validateOutgoing: options?.validateOutgoing,
    assertCanSend: options?.assertCanSend,
    assertCanHandle: options?.assertCanHandle,
  };
}
