import { validateEnvelope } from '../envelope.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCMessage, JSONRPCNotification, JSONRPCParams, RequestId } from '../jsonrpc.js';
import type { MessageExtraInfo, Transport, TransportSendOptions } from '../transport.js';
import { type HandlerRecord, IncomingRequests } from './incoming.js';
import {
  type EngineOptions,
  type NotifyOptions,
  type RequestOptions,
  type ResolvedEngineOptions,
  resolveEngineOptions,
} from './options.js';
import { OutgoingRequests } from './outgoing.js';
import type {
  EngineDebugCounts,
  EngineStats,
  NotificationHandler,
  RequestHandler,
  RequestHandlerOptions,
} from './types.js';
import { isThenable, metaOf, toError } from './util.js';

function detailsOf(message: JSONRPCMessage): { requestId?: RequestId; method?: string } {
  const details: { requestId?: RequestId; method?: string } = {};
  if ('method' in message && typeof message.method === 'string') details.method = message.method;
  if ('id' in message && (typeof message.id === 'string' || typeof message.id === 'number')) {
    details.requestId = message.id;
  }
  return details;
}

/**
 * The JSON-RPC engine under MCP clients and servers: correlates requests and responses, enforces
 * timeouts (one shared timer, progress resets, a hard cap), carries cancellation and progress both
 * ways, checks capabilities through hooks, bounds every table, and validates what it sends.
 *
 * `notifications/cancelled` and `notifications/progress` are handled by the engine; a handler set for
 * them is called afterwards, for observation. `ping` is answered `{}` unless another handler replaces it.
 *
 * @example
 * const engine = new ProtocolEngine({ defaultTimeoutMs: 30_000 });
 * engine.setRequestHandler('tools/list', () => ({ tools: [] }));
 * await engine.connect(transport);
 * const result = await engine.request('ping');
 */
export class ProtocolEngine {
  /** Called once per connection when it closes, whoever closed it. */
  onclose?: (() => void) | undefined;
  /** Called for non-fatal errors: unknown responses, handler failures, failed sends. Never fatal. */
  onerror?: ((error: Error) => void) | undefined;
  /** Serves requests whose method has no handler; without it they are answered -32601. */
  fallbackRequestHandler?: RequestHandler | undefined;
  /** Receives notifications whose method has no handler; without it they are ignored, as the spec asks. */
  fallbackNotificationHandler?: NotificationHandler | undefined;
  /** Counters of the anomalies absorbed so far; live, never reset. */
  readonly stats: Readonly<EngineStats>;

  readonly #options: ResolvedEngineOptions;
  readonly #outgoing: OutgoingRequests;
  readonly #incoming: IncomingRequests;
  readonly #requestHandlers = new Map<string, HandlerRecord>();
  readonly #notificationHandlers = new Map<string, NotificationHandler>();
  /** Passed as a rejection handler in many places, so it is one stable function. */
  readonly #report: (error: unknown) => void;
  #transport: Transport | undefined = undefined;
  #everConnected = false;

  constructor(options?: EngineOptions) {
    this.#options = resolveEngineOptions(options);
    const stats: EngineStats = {
      unknownResponses: 0,
      lateResponses: 0,
      duplicateRequests: 0,
      rejectedByLimit: 0,
      unknownProgress: 0,
      staleProgress: 0,
      ignoredCancellations: 0,
    };
    this.stats = stats;
    this.#report = (error) => {
      try {
        this.onerror?.(toError(error));
      } catch {
        // An observer that throws must not break message dispatch.
      }
    };
    // One host object for both sides, created once: the tables call back through it without closures per message.
    const host = {
      check: (message: JSONRPCMessage) => this.#check(message),
      send: (message: JSONRPCMessage, sendOptions: TransportSendOptions | undefined) =>
        this.#send(message, sendOptions),
      sendInternalNotification: (method: string, params: JSONRPCParams, related: RequestId | undefined) =>
        this.#sendInternalNotification(method, params, related),
      report: this.#report,
      findHandler: (method: string) => this.#findHandler(method),
      request: (method: string, params: JSONRPCParams | undefined, requestOptions: RequestOptions) =>
        this.request(method, params, requestOptions),
      notify: (method: string, params: JSONRPCParams | undefined, notifyOptions: NotifyOptions) =>
        this.notify(method, params, notifyOptions),
    };
    this.#outgoing = new OutgoingRequests(this.#options, host, stats);
    this.#incoming = new IncomingRequests(this.#options, host, stats);
    // Every MCP peer must answer ping (spec basic/utilities/ping).
    this.#requestHandlers.set('ping', { handler: () => ({}), paramsSchema: undefined });
  }

  /** The connected transport, or undefined. */
  get transport(): Transport | undefined {
    return this.#transport;
  }

  /**
   * Installs the engine's callbacks on the transport (chaining any already there), then starts it.
   * Rejects with `MCPWIRE_ERR_ALREADY_STARTED` while connected; after close() the engine may connect again.
   */
  async connect(transport: Transport): Promise<void> {
    if (this.#transport !== undefined) {
      throw new TransportError(
        TransportErrorCode.AlreadyStarted,
        'The engine is already connected; close() it before connecting again',
      );
    }
    this.#transport = transport;
    this.#everConnected = true;
    const previousMessage = transport.onmessage;
    const previousError = transport.onerror;
    const previousClose = transport.onclose;
    // Callbacks are bound to this transport: a stale one (after close and reconnect) is ignored.
    transport.onmessage =
      previousMessage === undefined
        ? (message, extra) => this.#onMessage(transport, message, extra)
        : (message, extra) => {
            previousMessage(message, extra);
            this.#onMessage(transport, message, extra);
          };
    transport.onerror = (error) => {
      previousError?.(error);
      if (this.#transport === transport) this.#report(error);
    };
    transport.onclose = () => {
      previousClose?.();
      this.#teardown(transport, true);
    };
    try {
      await transport.start();
    } catch (error) {
      this.#teardown(transport, false);
      throw error;
    }
  }

  /**
   * Closes the connection: rejects every pending request with `MCPWIRE_ERR_CLOSED`, aborts running
   * handlers, clears the timer and every table, fires `onclose`, then closes the transport.
   */
  async close(): Promise<void> {
    const transport = this.#transport;
    if (transport === undefined) return;
    this.#teardown(transport, true);
    await transport.close();
  }

  /**
   * Sends a request and resolves with its result. Rejects with a `ProtocolError` when the peer answers
   * an error, and with a `TransportError` for local failures: `MCPWIRE_ERR_REQUEST_TIMEOUT`,
   * `MCPWIRE_ERR_CANCELLED`, `MCPWIRE_ERR_CLOSED`, `MCPWIRE_ERR_TOO_MANY_PENDING`,
   * `MCPWIRE_ERR_CAPABILITY_MISSING`, `MCPWIRE_ERR_SEND_VALIDATION`, `MCPWIRE_ERR_INVALID_MESSAGE` (resultSchema).
   */
  request(method: string, params?: JSONRPCParams, options?: RequestOptions): Promise<JSONRPCParams> {
    if (this.#transport === undefined) return Promise.reject(this.#notOpen(method));
    const refused = this.#refuseSend(method);
    if (refused !== undefined) return Promise.reject(refused);
    return this.#outgoing.request(method, params, options);
  }

  /** Sends a notification; resolves when the transport took it. */
  notify(method: string, params?: JSONRPCParams, options?: NotifyOptions): Promise<void> {
    if (this.#transport === undefined) return Promise.reject(this.#notOpen(method));
    const refused = this.#refuseSend(method);
    if (refused !== undefined) return Promise.reject(refused);
    const message: JSONRPCNotification =
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };
    try {
      this.#check(message);
    } catch (error) {
      return Promise.reject(error);
    }
    const related = options?.relatedRequestId;
    return this.#send(message, related === undefined ? undefined : { relatedRequestId: related });
  }

  /** Sets the handler of a method, replacing any previous one. */
  setRequestHandler(method: string, handler: RequestHandler, options?: RequestHandlerOptions): void {
    this.#requestHandlers.set(method, { handler, paramsSchema: options?.paramsSchema });
  }

  /** Removes the handler of a method; returns whether there was one. */
  removeRequestHandler(method: string): boolean {
    return this.#requestHandlers.delete(method);
  }

  /** Sets the handler of a notification method, replacing any previous one. */
  setNotificationHandler(method: string, handler: NotificationHandler): void {
    this.#notificationHandlers.set(method, handler);
  }

  /** Removes the handler of a notification method; returns whether there was one. */
  removeNotificationHandler(method: string): boolean {
    return this.#notificationHandlers.delete(method);
  }

  /** Sizes of the internal tables and whether the timer is armed: all zero/false after close. */
  debugCounts(): EngineDebugCounts {
    return {
      pendingRequests: this.#outgoing.size,
      incomingRequests: this.#incoming.size,
      runningHandlers: this.#incoming.running,
      queuedRequests: this.#incoming.queued,
      timerArmed: this.#outgoing.timerArmed,
    };
  }

  #onMessage(transport: Transport, message: JSONRPCMessage, extra: MessageExtraInfo | undefined): void {
    if (this.#transport !== transport) return;
    try {
      if ('method' in message) {
        if ('id' in message) this.#incoming.handle(message, extra);
        else this.#onNotification(message, extra);
      } else {
        this.#outgoing.handleResponse(message);
      }
    } catch (error) {
      // Only an engine bug gets here; the transport must not see it as its own failure.
      this.#report(error);
    }
  }

  #onNotification(message: JSONRPCNotification, extra: MessageExtraInfo | undefined): void {
    const method = message.method;
    const params = message.params;
    let handler = this.#notificationHandlers.get(method);
    if (method === 'notifications/cancelled') this.#incoming.cancel(params);
    else if (method === 'notifications/progress') this.#outgoing.handleProgress(params);
    else handler ??= this.fallbackNotificationHandler;
    if (handler === undefined) return;
    try {
      const result = handler(params, { method, meta: metaOf(params), extra });
      if (isThenable(result)) result.then(undefined, this.#report);
    } catch (error) {
      this.#report(error);
    }
  }

  #findHandler(method: string): HandlerRecord | undefined {
    const record = this.#requestHandlers.get(method);
    if (record !== undefined) return record;
    const fallback = this.fallbackRequestHandler;
    return fallback === undefined ? undefined : { handler: fallback, paramsSchema: undefined };
  }

  /** The envelope check every outgoing message gets, then the user's hook. */
  #check(message: JSONRPCMessage): void {
    const checked = validateEnvelope(message);
    if (!checked.ok) {
      throw new TransportError(
        TransportErrorCode.SendValidation,
        `Refusing to send an invalid message: ${checked.error.message}`,
        detailsOf(message),
      );
    }
    const hook = this.#options.validateOutgoing;
    if (hook === undefined || 'error' in message) return;
    try {
      hook(message);
    } catch (error) {
      const details = detailsOf(message);
      const what = details.method === undefined ? `response ${details.requestId}` : `"${details.method}"`;
      throw new TransportError(
        TransportErrorCode.SendValidation,
        `Outgoing ${what} failed validation: ${toError(error).message}`,
        details,
        error,
      );
    }
  }

  #send(message: JSONRPCMessage, options: TransportSendOptions | undefined): Promise<void> {
    const transport = this.#transport;
    if (transport === undefined) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.Closed,
          'Cannot send: the engine is not connected',
          detailsOf(message),
        ),
      );
    }
    try {
      return transport.send(message, options);
    } catch (error) {
      // A transport that throws instead of rejecting still fails only this one send.
      return Promise.reject(error);
    }
  }

  #sendInternalNotification(method: string, params: JSONRPCParams, related: RequestId | undefined): void {
    const message: JSONRPCNotification = { jsonrpc: '2.0', method, params };
    try {
      this.#check(message);
    } catch (error) {
      this.#report(error);
      return;
    }
    this.#send(message, related === undefined ? undefined : { relatedRequestId: related }).then(
      undefined,
      this.#report,
    );
  }

  #refuseSend(method: string): Error | undefined {
    const assertCanSend = this.#options.assertCanSend;
    if (assertCanSend === undefined) return undefined;
    try {
      assertCanSend(method);
      return undefined;
    } catch (error) {
      if (error instanceof TransportError) return error;
      return new TransportError(
        TransportErrorCode.CapabilityMissing,
        `Cannot send "${method}": ${toError(error).message}`,
        { method },
        error,
      );
    }
  }

  #notOpen(method: string): TransportError {
    return this.#everConnected
      ? new TransportError(TransportErrorCode.Closed, `Cannot send "${method}": the engine is closed`, {
          method,
        })
      : new TransportError(TransportErrorCode.NotStarted, `Cannot send "${method}": connect() first`, {
          method,
        });
  }

  /** Ends the connection's state at once; idempotent per transport. */
  #teardown(transport: Transport, fireOnClose: boolean): void {
    if (this.#transport !== transport) return;
    this.#transport = undefined;
    this.#outgoing.closeAll();
    this.#incoming.closeAll();
    if (!fireOnClose) return;
    try {
      this.onclose?.();
    } catch (error) {
      this.#report(error);
    }
  }
}
