import { TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCParams, RequestId } from '../jsonrpc.js';
import type { MessageExtraInfo } from '../transport.js';
import type { NotifyOptions, RequestOptions } from './options.js';
import type { HandlerContext, RequestHandler } from './types.js';

/** What a handler context needs from its engine to talk back to the peer. */
export interface ContextHost {
  request(method: string, params: JSONRPCParams | undefined, options: RequestOptions): Promise<JSONRPCParams>;
  notify(method: string, params: JSONRPCParams | undefined, options: NotifyOptions): Promise<void>;
}

/** Where an incoming request is in its life. */
export type RequestState = 'queued' | 'running' | 'done';

/**
 * One incoming request, which is also the context its handler receives: one object per request, with
 * the methods on the prototype (no per-request closures) and the AbortController created only when the
 * handler reads `signal`.
 */
export class IncomingRequest implements HandlerContext {
  readonly requestId: RequestId;
  readonly method: string;
  readonly meta: JSONRPCParams | undefined;
  readonly extra: MessageExtraInfo | undefined;
  /** Internal to the dispatcher; handlers see only {@link HandlerContext}. */
  readonly handler: RequestHandler;
  readonly params: JSONRPCParams | undefined;
  state: RequestState = 'queued';
  /** The peer cancelled it: whatever the handler returns is not sent. */
  cancelled = false;
  readonly #host: ContextHost;
  #controller: AbortController | undefined = undefined;
  #aborted = false;
  #abortReason: unknown = undefined;
  #lastProgress = Number.NEGATIVE_INFINITY;

  constructor(
    host: ContextHost,
    requestId: RequestId,
    method: string,
    params: JSONRPCParams | undefined,
    meta: JSONRPCParams | undefined,
    extra: MessageExtraInfo | undefined,
    handler: RequestHandler,
  ) {
    this.#host = host;
    this.requestId = requestId;
    this.method = method;
    this.params = params;
    this.meta = meta;
    this.extra = extra;
    this.handler = handler;
  }

  /** Most handlers never read it, so the controller (an EventTarget, not free) is made on demand. */
  get signal(): AbortSignal {
    let controller = this.#controller;
    if (controller === undefined) {
      controller = new AbortController();
      this.#controller = controller;
      if (this.#aborted) controller.abort(this.#abortReason);
    }
    return controller.signal;
  }

  /** Aborts the handler's signal (now if it exists, else when first read). */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#abortReason = reason;
    this.#controller?.abort(reason);
  }

  sendProgress(progress: number, total?: number, message?: string): Promise<void> {
    const token = this.meta?.['progressToken'];
    // No token: the peer asked for no progress. Ended or cancelled: the spec says progress stops.
    if ((typeof token !== 'string' && typeof token !== 'number') || this.state === 'done' || this.cancelled) {
      return Promise.resolve();
    }
    if (!(progress > this.#lastProgress)) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.SendValidation,
          `Progress of "${this.method}" (id ${this.requestId}) must increase: got ${progress} after ${this.#lastProgress}`,
          { requestId: this.requestId, method: this.method },
        ),
      );
    }
    this.#lastProgress = progress;
    const params: JSONRPCParams = { progressToken: token, progress };
    if (total !== undefined) params['total'] = total;
    if (message !== undefined) params['message'] = message;
    return this.#host.notify('notifications/progress', params, { relatedRequestId: this.requestId });
  }

  /** Related to this request, so that per-request transports route it with the response. */
  notify(method: string, params?: JSONRPCParams): Promise<void> {
    return this.#host.notify(method, params, { relatedRequestId: this.requestId });
  }

  request(method: string, params?: JSONRPCParams, options?: RequestOptions): Promise<JSONRPCParams> {
    const related: RequestOptions = { ...options, relatedRequestId: this.requestId };
    // A nested request dies with its parent unless the caller chose its own signal.
    if (options?.signal === undefined) related.signal = this.signal;
    return this.#host.request(method, params, related);
  }
}
