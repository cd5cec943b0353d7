import type { $ZodType } from 'zod/v4/core';
import type { JSONRPCParams, RequestId } from '../jsonrpc.js';
import type { MessageExtraInfo } from '../transport.js';
import type { RequestOptions } from './options.js';

/** What a request handler knows about the request it serves, and how it talks back to the peer. */
export interface HandlerContext {
  /** The incoming request's id. */
  readonly requestId: RequestId;
  /** The incoming request's method. */
  readonly method: string;
  /** Aborted when the peer cancels the request or the connection closes; the response is then not sent. */
  readonly signal: AbortSignal;
  /** The request's `params._meta`, or undefined. */
  readonly meta: JSONRPCParams | undefined;
  /** What the transport handed along with the message (HTTP request, auth info). */
  readonly extra: MessageExtraInfo | undefined;
  /** Sends `notifications/progress` with the request's token; a no-op when the peer asked for no progress. */
  sendProgress(progress: number, total?: number, message?: string): Promise<void>;
  /** Sends a notification related to this request. */
  notify(method: string, params?: JSONRPCParams): Promise<void>;
  /** Sends a request to the peer related to this one; aborted with this request unless `options.signal` is given. */
  request(method: string, params?: JSONRPCParams, options?: RequestOptions): Promise<JSONRPCParams>;
}

/** Serves one incoming request: returns the result object, or throws a `ProtocolError` to choose the error sent. */
export type RequestHandler = (
  params: JSONRPCParams | undefined,
  ctx: HandlerContext,
) => JSONRPCParams | Promise<JSONRPCParams>;

/** What a notification handler knows about the notification. */
export interface NotificationContext {
  /** The notification's method. */
  readonly method: string;
  /** The notification's `params._meta`, or undefined. */
  readonly meta: JSONRPCParams | undefined;
  /** What the transport handed along with the message. */
  readonly extra: MessageExtraInfo | undefined;
}

/** Handles one incoming notification; a throw or rejection is reported through `onerror`. */
export type NotificationHandler = (
  params: JSONRPCParams | undefined,
  ctx: NotificationContext,
) => void | Promise<void>;

/** Options of {@link ProtocolEngine.setRequestHandler}. */
export interface RequestHandlerOptions {
  /**
   * Validates the params before the handler runs (missing params are parsed as `{}`); a failure is
   * answered -32602 naming the paths, and the handler receives the schema's output.
   */
  paramsSchema?: $ZodType | undefined;
}

/** Counters of the anomalies the engine absorbed instead of failing. */
export interface EngineStats {
  /** Responses whose id we never sent. */
  unknownResponses: number;
  /** Responses to requests that had already ended (answered, timed out, cancelled, failed). */
  lateResponses: number;
  /** Incoming requests reusing the id of one still in flight (answered -32600). */
  duplicateRequests: number;
  /** Requests refused by a limit: outgoing beyond `maxPendingRequests`, incoming beyond `maxQueuedRequests`. */
  rejectedByLimit: number;
  /** Progress notifications with a token that matches no pending request asking for progress. */
  unknownProgress: number;
  /** Progress notifications whose progress did not increase (or was not a number). */
  staleProgress: number;
  /** Cancellations for an unknown or finished request, or for `initialize` (which must not be cancelled). */
  ignoredCancellations: number;
}

/** Sizes of the engine's internal tables, for tests and leak checks. */
export interface EngineDebugCounts {
  /** Outgoing requests awaiting a response. */
  pendingRequests: number;
  /** Incoming requests running or queued. */
  incomingRequests: number;
  /** Incoming request handlers running now. */
  runningHandlers: number;
  /** Incoming requests waiting for a handler slot. */
  queuedRequests: number;
  /** Whether the shared deadline timer is armed. */
  timerArmed: boolean;
}
