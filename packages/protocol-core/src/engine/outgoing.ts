import { excerptOf, ProtocolError, TransportError, TransportErrorCode } from '../errors.js';
import type {
  JSONRPCMessage,
  JSONRPCParams,
  JSONRPCRequest,
  JSONRPCResponse,
  RequestId,
} from '../jsonrpc.js';
import type { TransportSendOptions } from '../transport.js';
import { DeadlineTimer } from './deadline-timer.js';
import type { EngineTimers, ProgressInfo, RequestOptions, ResolvedEngineOptions } from './options.js';
import { parseWithSchema } from './schema.js';
import type { EngineStats } from './types.js';

/** What the outgoing table needs from its engine. */
export interface OutgoingHost {
  /** Envelope and hook check; throws a TransportError `MCPWIRE_ERR_SEND_VALIDATION`. */
  check(message: JSONRPCMessage): void;
  /** Hands a message to the current transport; rejects when there is none. */
  send(message: JSONRPCMessage, options: TransportSendOptions | undefined): Promise<void>;
  /** Sends an engine-made notification (cancellation), reporting failures instead of throwing. */
  sendInternalNotification(
    method: string,
    params: JSONRPCParams,
    relatedRequestId: RequestId | undefined,
  ): void;
  /** Reports a non-fatal error through the engine's `onerror`. */
  report(error: unknown): void;
}

/**
 * The first id we generate. Starting at 1 rather than 0 spares peers that test `if (progressToken)`,
 * since the progress token is the request id.
 */
const FIRST_ID = 1;

function noop(): void {}

/** One outgoing request awaiting its response. Fields are all set in the constructor to keep one hidden class. */
class PendingRequest {
  readonly id: number;
  readonly method: string;
  readonly timeoutMs: number;
  readonly totalMs: number;
  readonly hardDeadline: number;
  /** The caller's options object, kept by reference rather than copied field by field. */
  readonly options: RequestOptions | undefined;
  deadline: number;
  lastProgress: number = Number.NEGATIVE_INFINITY;
  abortListener: (() => void) | undefined = undefined;
  resolve: (result: JSONRPCParams) => void = noop;
  reject: (error: Error) => void = noop;

  constructor(
    id: number,
    method: string,
    now: number,
    timeoutMs: number,
    totalMs: number,
    options?: RequestOptions,
  ) {
    this.id = id;
    this.method = method;
    this.timeoutMs = timeoutMs;
    this.totalMs = totalMs;
    this.hardDeadline = now + totalMs;
    this.deadline = Math.min(now + timeoutMs, this.hardDeadline);
    this.options = options;
  }
}

/** Copies params with `_meta.progressToken` set, leaving the caller's object untouched. */
function withProgressToken(params: JSONRPCParams | undefined, token: number): JSONRPCParams {
  const meta = params?.['_meta'];
  const base = typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? meta : undefined;
  return { ...params, _meta: { ...base, progressToken: token } };
}

function reasonText(reason: unknown): string | undefined {
  if (reason === undefined) return undefined;
  return reason instanceof Error ? reason.message : String(reason);
}

/**
 * The outgoing side of an engine: generates ids, correlates responses, enforces timeouts through one
 * shared {@link DeadlineTimer}, forwards progress and sends cancellations.
 */
export class OutgoingRequests {
  readonly #pending = new Map<RequestId, PendingRequest>();
  readonly #options: ResolvedEngineOptions;
  readonly #timers: EngineTimers;
  readonly #timer: DeadlineTimer;
  readonly #host: OutgoingHost;
  readonly #stats: EngineStats;
  #nextId = FIRST_ID;

  constructor(options: ResolvedEngineOptions, host: OutgoingHost, stats: EngineStats) {
    this.#options = options;
    this.#timers = options.timers;
    this.#host = host;
    this.#stats = stats;
    this.#timer = new DeadlineTimer(options.timers, () => this.#expireDue());
  }

  /** Outgoing requests awaiting a response. */
  get size(): number {
    return this.#pending.size;
  }

  /** Whether the shared deadline timer is armed. */
  get timerArmed(): boolean {
    return this.#timer.armed;
  }

  /** Sends a request and returns its result; see {@link ProtocolEngine.request}. */
  request(
    method: string,
    params: JSONRPCParams | undefined,
    options?: RequestOptions,
  ): Promise<JSONRPCParams> {
    const max = this.#options.maxPendingRequests;
    if (this.#pending.size >= max) {
      this.#stats.rejectedByLimit++;
      return Promise.reject(
        new TransportError(
          TransportErrorCode.TooManyPending,
          `Request "${method}" refused: ${max} requests are already awaiting a response (maxPendingRequests)`,
          { method, limit: { name: 'maxPendingRequests', value: max } },
        ),
      );
    }
    const timeoutMs = options?.timeoutMs ?? this.#options.defaultTimeoutMs;
    const totalMs = options?.maxTotalTimeoutMs ?? this.#options.maxTotalTimeoutMs;
    if (!(timeoutMs >= 0 && totalMs >= 0)) {
      return Promise.reject(new RangeError(`Request "${method}": timeouts must be >= 0 ms`));
    }
    const signal = options?.signal;
    if (signal?.aborted === true) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.Cancelled,
          `Request "${method}" was cancelled before it was sent`,
          { method },
          signal.reason,
        ),
      );
    }
    const id = this.#nextId;
    const message: JSONRPCRequest =
      options?.onprogress !== undefined
        ? { jsonrpc: '2.0', id, method, params: withProgressToken(params, id) }
        : params === undefined
          ? { jsonrpc: '2.0', id, method }
          : { jsonrpc: '2.0', id, method, params };
    try {
      this.#host.check(message);
    } catch (error) {
      return Promise.reject(error);
    }
    // Only ids that reached the transport are consumed, so every id below #nextId was sent: that is
    // what tells a late response from an unknown one without remembering ended ids.
    this.#nextId = id + 1;
    const now = this.#timers.now();
    const entry = new PendingRequest(id, method, now, timeoutMs, totalMs, options);
    const promise = new Promise<JSONRPCParams>((resolve, reject) => {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    // Registered before send(): a transport may deliver the response synchronously inside it.
    if (this.#pending.size === 0) this.#timer.keepAlive(true);
    this.#pending.set(id, entry);
    this.#timer.schedule(entry.deadline, now);
    if (signal !== undefined) {
      const listener = (): void => this.#abort(entry, signal.reason);
      entry.abortListener = listener;
      signal.addEventListener('abort', listener, { once: true });
    }
    // The one closure per request besides the promise executor: a failed send must find its entry.
    const related = options?.relatedRequestId;
    this.#host
      .send(message, related === undefined ? undefined : { relatedRequestId: related })
      .then(undefined, (error: unknown) => this.#sendFailed(entry, error));
    return promise;
  }

  /** Settles the request a response answers; drops and counts responses that match none. */
  handleResponse(message: JSONRPCResponse): void {
    const id = message.id;
    const entry = id === undefined || id === null ? undefined : this.#pending.get(id);
    if (entry === undefined) {
      this.#unmatched(message);
      return;
    }
    this.#finish(entry);
    if (!('result' in message)) {
      entry.reject(ProtocolError.fromWire(message.error, entry.id));
      return;
    }
    const schema = entry.options?.resultSchema;
    if (schema === undefined) {
      entry.resolve(message.result);
      return;
    }
    const outcome = parseWithSchema(schema, message.result);
    if (outcome.ok) {
      entry.resolve(outcome.value as JSONRPCParams);
      return;
    }
    entry.reject(
      new TransportError(
        TransportErrorCode.InvalidMessage,
        `Result of "${entry.method}" (id ${entry.id}) does not match its schema: ${outcome.summary}`,
        { requestId: entry.id, method: entry.method },
        outcome.issues,
      ),
    );
  }

  /** Handles `notifications/progress`: forwards increasing progress and restarts the timeout. */
  handleProgress(params: JSONRPCParams | undefined): void {
    const token = params?.['progressToken'];
    const entry =
      typeof token === 'number' || typeof token === 'string' ? this.#pending.get(token) : undefined;
    const onprogress = entry?.options?.onprogress;
    if (entry === undefined || onprogress === undefined || params === undefined) {
      this.#stats.unknownProgress++;
      return;
    }
    const progress = params['progress'];
    // The spec requires progress to increase; a repeat or a step back is a peer bug, not an update.
    if (typeof progress !== 'number' || !(progress > entry.lastProgress)) {
      this.#stats.staleProgress++;
      return;
    }
    entry.lastProgress = progress;
    if (entry.options?.resetTimeoutOnProgress !== false) {
      // Pushing the deadline later needs no timer work: the shared timer re-checks when it fires.
      entry.deadline = Math.min(this.#timers.now() + entry.timeoutMs, entry.hardDeadline);
    }
    const info: ProgressInfo = { progress };
    const total = params['total'];
    if (typeof total === 'number') info.total = total;
    const message = params['message'];
    if (typeof message === 'string') info.message = message;
    try {
      onprogress(info);
    } catch (error) {
      this.#host.report(error);
    }
  }

  /** Rejects every pending request with `MCPWIRE_ERR_CLOSED` and clears the timer. */
  closeAll(): void {
    // Emptied before any rejection, so that whoever observes a rejection already sees a closed engine.
    const ended = [...this.#pending.values()];
    this.#pending.clear();
    this.#timer.clear();
    this.#timer.keepAlive(false);
    for (const entry of ended) {
      this.#removeAbortListener(entry);
      entry.reject(
        new TransportError(
          TransportErrorCode.Closed,
          `Connection closed while request "${entry.method}" (id ${entry.id}) awaited its response`,
          { requestId: entry.id, method: entry.method },
        ),
      );
    }
  }

  #finish(entry: PendingRequest): void {
    this.#pending.delete(entry.id);
    this.#removeAbortListener(entry);
    if (this.#pending.size === 0) this.#timer.keepAlive(false);
  }

  #removeAbortListener(entry: PendingRequest): void {
    const listener = entry.abortListener;
    if (listener !== undefined) entry.options?.signal?.removeEventListener('abort', listener);
  }

  #unmatched(message: JSONRPCResponse): void {
    const id = message.id;
    if (typeof id === 'number' && Number.isInteger(id) && id >= FIRST_ID && id < this.#nextId) {
      // Answered, timed out, cancelled or failed already: expected after a timeout or a cancel.
      this.#stats.lateResponses++;
      return;
    }
    this.#stats.unknownResponses++;
    // Reported, unlike late ones: it points at a peer bug, and an error with a null id means the peer
    // could not read something we sent. The peer's text is bounded, it may be anything.
    const peerError =
      'error' in message ? ` (peer error ${message.error.code}: ${message.error.message})` : '';
    this.#host.report(
      new TransportError(
        TransportErrorCode.InvalidMessage,
        excerptOf(`Dropped a response to unknown request id ${JSON.stringify(id ?? null)}${peerError}`),
        { requestId: id ?? undefined },
      ),
    );
  }

  /** Fired by the shared timer: times out what is due and re-arms for the next earliest deadline. */
  #expireDue(): void {
    const now = this.#timers.now();
    let next = Number.POSITIVE_INFINITY;
    for (const entry of this.#pending.values()) {
      if (entry.deadline <= now) this.#timeout(entry);
      else if (entry.deadline < next) next = entry.deadline;
    }
    this.#timer.schedule(next, now);
  }

  #timeout(entry: PendingRequest): void {
    this.#finish(entry);
    // The deadline equals the hard one exactly when the total cap, not the idle timeout, was binding.
    const capped = entry.deadline === entry.hardDeadline;
    const limit = capped
      ? { name: 'maxTotalTimeoutMs', value: entry.totalMs }
      : { name: 'timeoutMs', value: entry.timeoutMs };
    const reason = `Request "${entry.method}" (id ${entry.id}) timed out after ${limit.value} ms (${limit.name})`;
    entry.reject(
      new TransportError(TransportErrorCode.RequestTimeout, reason, {
        requestId: entry.id,
        method: entry.method,
        limit,
      }),
    );
    this.#sendCancel(entry, reason);
  }

  #abort(entry: PendingRequest, reason: unknown): void {
    // The listener is removed when the request ends, but an abort may race with that in the same tick.
    if (this.#pending.get(entry.id) !== entry) return;
    this.#finish(entry);
    entry.reject(
      new TransportError(
        TransportErrorCode.Cancelled,
        `Request "${entry.method}" (id ${entry.id}) was cancelled`,
        { requestId: entry.id, method: entry.method },
        reason,
      ),
    );
    this.#sendCancel(entry, reasonText(reason));
  }

  #sendFailed(entry: PendingRequest, error: unknown): void {
    // A response, timeout or close may have ended it first.
    if (this.#pending.get(entry.id) !== entry) return;
    this.#finish(entry);
    entry.reject(
      error instanceof Error
        ? error
        : new TransportError(TransportErrorCode.Write, `Sending "${entry.method}" failed: ${String(error)}`, {
            requestId: entry.id,
            method: entry.method,
          }),
    );
  }

  #sendCancel(entry: PendingRequest, reason: string | undefined): void {
    // The spec forbids cancelling initialize: the caller's promise is rejected, the peer is told nothing.
    if (entry.method === 'initialize') return;
    const params: JSONRPCParams =
      reason === undefined ? { requestId: entry.id } : { requestId: entry.id, reason };
    this.#host.sendInternalNotification('notifications/cancelled', params, entry.options?.relatedRequestId);
  }
}
