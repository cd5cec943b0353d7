/**
 * The request channel of `handleModernRequest`: a modern request served without a connection (each
 * Streamable HTTP POST may reach a different process). Notifications go to the caller's
 * `sendNotification`; the request has a stream of its own, which its caller closes.
 */
import { TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCParams, JSONRPCRequest, RequestId } from '../jsonrpc.js';
import type { MessageExtraInfo } from '../transport.js';
import type { RequestChannel } from './era.js';
import type { ModernRequestContext } from './types.js';

function metaOf(params: JSONRPCParams | undefined): JSONRPCParams | undefined {
  const meta = params?.['_meta'];
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta)
    ? (meta as JSONRPCParams)
    : undefined;
}

/** A {@link RequestChannel} over a caller-supplied context. */
export class DetachedChannel implements RequestChannel {
  readonly requestId: RequestId;
  readonly meta: JSONRPCParams | undefined;
  readonly extra: MessageExtraInfo | undefined;
  readonly perRequestStream = true;
  readonly #context: ModernRequestContext;
  #controller: AbortController | undefined = undefined;
  #lastProgress = Number.NEGATIVE_INFINITY;
  /** Set once the response is built: progress stops then, as the spec requires. */
  done = false;

  constructor(request: JSONRPCRequest, context: ModernRequestContext) {
    this.requestId = request.id;
    this.meta = metaOf(request.params);
    this.extra =
      context.authInfo === undefined && context.requestInfo === undefined
        ? undefined
        : { authInfo: context.authInfo, requestInfo: context.requestInfo };
    this.#context = context;
  }

  /** The caller's signal, or one that never aborts (made on demand, per request, so listeners cannot pile up). */
  get signal(): AbortSignal {
    const given = this.#context.signal;
    if (given !== undefined) return given;
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }

  /** Without `sendNotification` notifications have nowhere to go: dropped, like progress without a token. */
  notify(method: string, params?: JSONRPCParams): Promise<void> {
    const send = this.#context.sendNotification;
    if (send === undefined) return Promise.resolve();
    try {
      const sent = send(
        params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
      );
      return Promise.resolve(sent);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The engine's rules, restated for requests it never sees: a token is needed, and progress must increase. */
  sendProgress(progress: number, total?: number, message?: string): Promise<void> {
    const token = this.meta?.['progressToken'];
    if ((typeof token !== 'string' && typeof token !== 'number') || this.done) return Promise.resolve();
    if (!(progress > this.#lastProgress)) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.SendValidation,
          `Progress of request ${this.requestId} must increase: got ${progress} after ${this.#lastProgress}`,
          { requestId: this.requestId },
        ),
      );
    }
    this.#lastProgress = progress;
    const params: JSONRPCParams = { progressToken: token, progress };
    if (total !== undefined) params['total'] = total;
    if (message !== undefined) params['message'] = message;
    return this.notify('notifications/progress', params);
  }
}
