import type { $ZodType } from 'zod/v4/core';
import { validateEnvelope } from '../envelope.js';
import { ErrorCode } from '../error-codes.js';
import { excerptOf, ProtocolError, TransportError, TransportErrorCode } from '../errors.js';
import type {
  JSONRPCErrorObject,
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCParams,
  JSONRPCRequest,
  JSONRPCResultResponse,
  RequestId,
} from '../jsonrpc.js';
import type { MessageExtraInfo, TransportSendOptions } from '../transport.js';
import { type ContextHost, IncomingRequest } from './handler-context.js';
import type { ResolvedEngineOptions } from './options.js';
import { parseWithSchema } from './schema.js';
import type { EngineStats, RequestHandler } from './types.js';
import { describeValue, isThenable, metaOf } from './util.js';

/** A registered request handler. */
export interface HandlerRecord {
  handler: RequestHandler;
  paramsSchema: $ZodType | undefined;
}

/** What the incoming side needs from its engine. */
export interface IncomingHost extends ContextHost {
  /** The handler for a method (registered or fallback), or undefined. */
  findHandler(method: string): HandlerRecord | undefined;
  /** Envelope and hook check; throws a TransportError `MCPWIRE_ERR_SEND_VALIDATION`. */
  check(message: JSONRPCMessage): void;
  /** Hands a message to the current transport; rejects when there is none. */
  send(message: JSONRPCMessage, options: TransportSendOptions | undefined): Promise<void>;
  /** Reports a non-fatal error; a stable function, passed directly as a rejection handler. */
  report: (error: unknown) => void;
}

/** The message of every -32603 we send for a handler failure: details stay local, never on the wire. */
const INTERNAL_ERROR_MESSAGE = 'Internal error';

/**
 * The incoming side of an engine: dispatches requests to handlers under a concurrency limit with a
 * bounded FIFO queue, answers them exactly once, and honours the peer's cancellations.
 */
export class IncomingRequests {
  /** Running and queued requests by id: what tells a duplicate id from a new request. */
  readonly #inFlight = new Map<RequestId, IncomingRequest>();
  /** FIFO of queued requests from #head on; compacted when drained, so shift() never runs. */
  #queue: IncomingRequest[] = [];
  #head = 0;
  #running = 0;
  #draining = false;
  readonly #options: ResolvedEngineOptions;
  readonly #host: IncomingHost;
  readonly #stats: EngineStats;

  constructor(options: ResolvedEngineOptions, host: IncomingHost, stats: EngineStats) {
    this.#options = options;
    this.#host = host;
    this.#stats = stats;
  }

  /** Requests running or queued. */
  get size(): number {
    return this.#inFlight.size;
  }

  /** Handlers running now. */
  get running(): number {
    return this.#running;
  }

  /** Requests waiting for a handler slot. */
  get queued(): number {
    return this.#queue.length - this.#head;
  }

  /** Dispatches one incoming request, or answers it with an error. */
  handle(message: JSONRPCRequest, extra: MessageExtraInfo | undefined): void {
    // Cheapest and most fundamental checks first: id, capability, method, params; limits last, so a
    // request that would be refused anyway never takes a queue slot.
    const id = message.id;
    const method = message.method;
    if (this.#inFlight.has(id)) {
      // The original stays in flight and is still answered once; this error shares its id, as the spec's id rule implies.
      this.#stats.duplicateRequests++;
      this.#sendError(id, {
        code: ErrorCode.InvalidRequest,
        message: `Invalid Request: id ${excerptOf(JSON.stringify(id))} is already used by a request in progress`,
      });
      return;
    }
    const assertCanHandle = this.#options.assertCanHandle;
    if (assertCanHandle !== undefined) {
      try {
        assertCanHandle(method);
      } catch (error) {
        this.#sendThrown(id, error);
        return;
      }
    }
    const record = this.#host.findHandler(method);
    if (record === undefined) {
      this.#sendError(id, {
        code: ErrorCode.MethodNotFound,
        message: `Method not found: ${excerptOf(method)}`,
      });
      return;
    }
    let params = message.params;
    if (record.paramsSchema !== undefined) {
      const outcome = parseWithSchema(record.paramsSchema, params ?? {});
      if (!outcome.ok) {
        this.#sendError(id, {
          code: ErrorCode.InvalidParams,
          message: excerptOf(`Invalid params for "${method}": ${outcome.summary}`),
          data: { issues: outcome.issues },
        });
        return;
      }
      params = outcome.value as JSONRPCParams;
    }
    // meta comes from the raw params: a schema may strip `_meta`, but the progress token must survive.
    const entry = new IncomingRequest(
      this.#host,
      id,
      method,
      params,
      metaOf(message.params),
      extra,
      record.handler,
    );
    if (this.#running < this.#options.maxConcurrentHandlers) {
      this.#inFlight.set(id, entry);
      this.#run(entry);
      return;
    }
    const maxQueued = this.#options.maxQueuedRequests;
    if (this.queued >= maxQueued) {
      this.#stats.rejectedByLimit++;
      // -32603 rather than a custom code: every peer treats it as a plain failure, and `data.limit` says which.
      this.#sendError(id, {
        code: ErrorCode.InternalError,
        message: `Too busy: ${maxQueued} requests already wait for a handler (maxQueuedRequests)`,
        data: { limit: { name: 'maxQueuedRequests', value: maxQueued } },
      });
      return;
    }
    this.#inFlight.set(id, entry);
    this.#queue.push(entry);
  }

  /** Handles `notifications/cancelled`: aborts a running handler, or drops a queued request unanswered. */
  cancel(params: JSONRPCParams | undefined): void {
    const requestId = params?.['requestId'];
    const entry =
      typeof requestId === 'string' || typeof requestId === 'number'
        ? this.#inFlight.get(requestId)
        : undefined;
    // The spec forbids cancelling initialize; an unknown or finished id is a race the spec tells us to ignore.
    if (entry === undefined || entry.cancelled || entry.method === 'initialize') {
      this.#stats.ignoredCancellations++;
      return;
    }
    entry.cancelled = true;
    if (entry.state === 'queued') {
      const index = this.#queue.indexOf(entry, this.#head);
      if (index >= 0) this.#queue.splice(index, 1);
      entry.state = 'done';
      this.#inFlight.delete(entry.requestId);
      return;
    }
    const reason = params?.['reason'];
    const why = typeof reason === 'string' ? `: ${excerptOf(reason)}` : '';
    entry.abort(
      new TransportError(
        TransportErrorCode.Cancelled,
        `Request "${entry.method}" (id ${entry.requestId}) was cancelled by the peer${why}`,
        { requestId: entry.requestId, method: entry.method },
        reason,
      ),
    );
  }

  /** Aborts every running handler, drops the queue, forgets every request: nothing is answered any more. */
  closeAll(): void {
    const entries = [...this.#inFlight.values()];
    this.#inFlight.clear();
    this.#queue = [];
    this.#head = 0;
    this.#running = 0;
    for (const entry of entries) {
      // A queued request never started: there is no handler to stop, only an entry to forget.
      const wasRunning = entry.state === 'running';
      entry.state = 'done';
      if (!wasRunning) continue;
      entry.abort(
        new TransportError(
          TransportErrorCode.Closed,
          `Connection closed while handling "${entry.method}" (id ${entry.requestId})`,
          { requestId: entry.requestId, method: entry.method },
        ),
      );
    }
  }

  #run(entry: IncomingRequest): void {
    this.#running++;
    entry.state = 'running';
    let result: unknown;
    try {
      result = entry.handler(entry.params, entry);
    } catch (error) {
      this.#fail(entry, error);
      return;
    }
    // A synchronous result is answered at once: no extra microtask on the hot path.
    if (isThenable(result)) {
      result.then(
        (value) => this.#succeed(entry, value),
        (error: unknown) => this.#fail(entry, error),
      );
    } else {
      this.#succeed(entry, result);
    }
  }

  #succeed(entry: IncomingRequest, value: unknown): void {
    // Not running any more means the connection closed meanwhile: the result has nowhere to go.
    if (entry.state !== 'running') return;
    this.#end(entry);
    if (!entry.cancelled) this.#sendResult(entry, value);
    this.#drain();
  }

  #fail(entry: IncomingRequest, error: unknown): void {
    if (entry.state !== 'running') return;
    this.#end(entry);
    // After a cancel a throw is the expected way out (often the abort itself), so it is neither sent nor reported.
    if (!entry.cancelled) this.#sendThrown(entry.requestId, error);
    this.#drain();
  }

  /** Frees the slot and the id: from here on the same id is a new request, not a duplicate. */
  #end(entry: IncomingRequest): void {
    entry.state = 'done';
    this.#running--;
    this.#inFlight.delete(entry.requestId);
  }

  #drain(): void {
    // A synchronous handler ends inside #run and calls #drain again: the outer loop does the work, so
    // a long queue of synchronous handlers cannot grow the stack.
    if (this.#draining) return;
    this.#draining = true;
    try {
      const max = this.#options.maxConcurrentHandlers;
      while (this.#running < max && this.#head < this.#queue.length) {
        const next = this.#queue[this.#head]!;
        this.#head++;
        this.#run(next);
      }
      if (this.#head === this.#queue.length) {
        this.#queue.length = 0;
        this.#head = 0;
      } else if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
    } finally {
      this.#draining = false;
    }
  }

  #sendResult(entry: IncomingRequest, value: unknown): void {
    const id = entry.requestId;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.#host.report(
        new TransportError(
          TransportErrorCode.SendValidation,
          `Handler for "${entry.method}" (id ${id}) returned ${describeValue(value)}, not a result object; answered -32603`,
          { requestId: id, method: entry.method },
        ),
      );
      this.#sendError(id, { code: ErrorCode.InternalError, message: INTERNAL_ERROR_MESSAGE });
      return;
    }
    const response: JSONRPCResultResponse = { jsonrpc: '2.0', id, result: value as JSONRPCParams };
    try {
      this.#host.check(response);
    } catch (error) {
      this.#host.report(error);
      this.#sendError(id, { code: ErrorCode.InternalError, message: INTERNAL_ERROR_MESSAGE });
      return;
    }
    // relatedRequestId lets per-request transports (Streamable HTTP) put the response on its stream.
    this.#host.send(response, { relatedRequestId: id }).then(undefined, this.#host.report);
  }

  /** Answers a failure: a ProtocolError as thrown, anything else as a bare -32603 and reported locally. */
  #sendThrown(id: RequestId, thrown: unknown): void {
    if (thrown instanceof ProtocolError) {
      this.#sendError(id, thrown.toJSON());
      return;
    }
    this.#host.report(thrown);
    this.#sendError(id, { code: ErrorCode.InternalError, message: INTERNAL_ERROR_MESSAGE });
  }

  #sendError(id: RequestId, error: JSONRPCErrorObject): void {
    let response: JSONRPCErrorResponse = { jsonrpc: '2.0', id, error };
    const checked = validateEnvelope(response);
    if (!checked.ok) {
      // A handler's ProtocolError with, say, a fractional code: report it and send what is always valid.
      this.#host.report(
        new TransportError(
          TransportErrorCode.SendValidation,
          `Error response for id ${id} is invalid (${checked.error.message}); answered -32603`,
          { requestId: id },
        ),
      );
      response = {
        jsonrpc: '2.0',
        id,
        error: { code: ErrorCode.InternalError, message: INTERNAL_ERROR_MESSAGE },
      };
    }
    this.#host.send(response, { relatedRequestId: id }).then(undefined, this.#host.report);
  }
}
