/**
 * The Streamable HTTP client transport, both eras behind one `Transport`. Each message picks its era
 * from itself: a request carrying `_meta["io.modelcontextprotocol/protocolVersion"]` is 2026-07-28
 * (modern.ts); anything else — `initialize` and everything of its session — is legacy (legacy.ts).
 * An injected HTTP+SSE fallback takes over when `initialize` shows a 2024-11-05 server.
 */
import {
  eraOf,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type MessageCallback,
  type RequestId,
  type Transport,
  TransportError,
  TransportErrorCode,
  type TransportSendOptions,
} from '@mcpwire/protocol-core';
import { InboundBuffer } from '@mcpwire/protocol-core/transport-kit';
import { eraCacheKey } from './era-cache.js';
import { cancelledError, closedError } from './failures.js';
import { Flight, type FlightEra } from './flight.js';
import type { ChannelHost } from './host.js';
import { fetchHttpRequester, globalFetch } from './http.js';
import { LegacySessionChannel } from './legacy.js';
import { ModernChannel } from './modern.js';
import {
  type ResolvedClientOptions,
  resolveClientOptions,
  type StreamableHttpClientTransportOptions,
  type ToolRejection,
} from './options.js';
import { callerHeaders, modernVersionOf } from './request-headers.js';
import { ToolHeaderRegistry } from './tool-headers.js';

type State = 'new' | 'open' | 'closed';

function isRequest(message: JSONRPCMessage): message is JSONRPCRequest {
  return 'method' in message && 'id' in message;
}

/**
 * A Streamable HTTP client transport speaking both eras to one MCP endpoint; McpClient and the
 * official SDK's `Client` both drive it. `new StreamableHttpClientTransport(options)` sends with
 * `options.http`, else `options.fetch`, else the global `fetch` (Node's is undici's);
 * `createStreamableHttpClientTransport` of the Node entry sends with undici's `request` instead.
 * @example
 * const transport = new StreamableHttpClientTransport({ url: 'http://127.0.0.1:3000/mcp' });
 * await new McpClient({ name: 'my-app', version: '1.0.0' }).connect(transport);
 */
export class StreamableHttpClientTransport implements Transport {
  /** Called once when the transport closed. */
  onclose?: (() => void) | undefined;
  /** Non-fatal errors: malformed events, a GET stream that gave up, rejected tools (without `onToolRejected`). */
  onerror?: ((error: Error) => void) | undefined;
  /** Each valid message received. */
  onmessage?: MessageCallback | undefined;

  readonly #options: ResolvedClientOptions;
  readonly #inbound: InboundBuffer = new InboundBuffer(this);
  /** Messages waiting behind a response that was given its own microtask (see #handUp). */
  readonly #held: JSONRPCMessage[] = [];
  #notifiedThisTurn = false;
  readonly #flights = new Map<RequestId, Flight>();
  readonly #closer = new AbortController();
  readonly #tools: ToolHeaderRegistry;
  readonly #modern: ModernChannel;
  readonly #legacy: LegacySessionChannel;
  #state: State = 'new';
  #closing: Promise<void> | undefined = undefined;
  #fallback: Transport | undefined = undefined;
  #switching: Promise<Transport> | undefined = undefined;
  #protocolVersion: string | undefined = undefined;

  /** Throws TypeError or RangeError on a bad option, and TypeError when no `fetch` is to be found. */
  constructor(userOptions: StreamableHttpClientTransportOptions) {
    const options = resolveClientOptions(userOptions);
    const http = userOptions.http ?? fetchHttpRequester(userOptions.fetch ?? globalFetch());
    this.#options = options;
    this.#tools = new ToolHeaderRegistry(options.maxKnownTools);
    const host: ChannelHost = {
      options,
      http,
      tools: this.#tools,
      closeSignal: this.#closer.signal,
      callerHeaders: () => callerHeaders(options.headers),
      receive: (message) => this.#receive(message),
      report: (error) => this.#inbound.fail(error),
    };
    this.#modern = new ModernChannel(host);
    this.#legacy = new LegacySessionChannel(host);
  }

  /** The legacy session id (from `initialize`), or the fallback's; undefined in the modern era. */
  get sessionId(): string | undefined {
    return this.#fallback !== undefined ? this.#fallback.sessionId : this.#legacy.sessionId;
  }

  /** The protocol version the client set (`setProtocolVersion`), if any. */
  get protocolVersion(): string | undefined {
    return this.#protocolVersion;
  }

  /**
   * Ends the legacy session (DELETE, best effort within `closeTimeoutMs`) and stops its GET stream;
   * the transport stays open, and a new `initialize` starts another session. A no-op without one.
   */
  async terminateSession(): Promise<void> {
    if (this.#fallback !== undefined) return;
    await this.#legacy.close();
  }

  /** The MCP endpoint. */
  get url(): URL {
    return this.#options.url;
  }

  /** True once the injected HTTP+SSE fallback carries the connection. */
  get usingFallback(): boolean {
    return this.#fallback !== undefined;
  }

  /** Starts delivering; nothing is received before, since every answer follows a send. */
  async start(): Promise<void> {
    if (this.#state === 'closed') throw closedError();
    if (this.#state === 'open') {
      throw new TransportError(
        TransportErrorCode.AlreadyStarted,
        'Transport already started; start() is called once',
      );
    }
    this.#state = 'open';
    this.#inbound.start();
  }

  /**
   * Sends one message. A request's promise settles once its response was handed to `onmessage`, and
   * rejects with a `TransportError` when none can be: `MCPWIRE_ERR_NETWORK`, `MCPWIRE_ERR_HTTP_STATUS`,
   * `MCPWIRE_ERR_MESSAGE_TOO_LARGE`, `MCPWIRE_ERR_SESSION_EXPIRED`, `MCPWIRE_ERR_INVALID_MESSAGE`,
   * `MCPWIRE_ERR_CANCELLED`, `MCPWIRE_ERR_CLOSED`. An HTTP error carrying a JSON-RPC error is delivered.
   */
  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.#state !== 'open') {
      return Promise.reject(
        this.#state === 'closed'
          ? closedError()
          : new TransportError(TransportErrorCode.NotStarted, 'Transport not started; call start() first'),
      );
    }
    if (this.#fallback !== undefined || this.#switching !== undefined)
      return this.#viaFallback(message, options);
    if ('method' in message && message.method === 'notifications/cancelled' && !('id' in message)) {
      if (this.#cancel(message.params?.['requestId'])) return Promise.resolve();
    }
    const version = modernVersionOf(message);
    if (version !== undefined) return this.#sendModern(message as JSONRPCRequest, version);
    return this.#sendLegacy(message);
  }

  /** Closes: aborts every request and stream, ends the legacy session (DELETE), fires `onclose` once. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  /** Legacy versions go into the `MCP-Protocol-Version` header; modern requests carry theirs in `_meta`. */
  setProtocolVersion(version: string): void {
    this.#protocolVersion = version;
    if (eraOf(version) !== 'modern') this.#legacy.protocolVersion = version;
    this.#fallback?.setProtocolVersion?.(version);
  }

  async #sendModern(request: JSONRPCRequest, version: string): Promise<void> {
    const flight = this.#register(request, 'modern');
    try {
      await this.#modern.send(request, version, flight);
    } finally {
      this.#unregister(flight);
    }
  }

  async #sendLegacy(message: JSONRPCMessage): Promise<void> {
    const flight = isRequest(message) ? this.#register(message, 'legacy') : undefined;
    try {
      const initialize = isRequest(message) && message.method === 'initialize';
      const cache = this.#options.eraCache;
      if (
        initialize &&
        this.#options.fallback !== undefined &&
        cache?.get(eraCacheKey(this.#options.url)) === 'legacy-sse'
      ) {
        // Known from an earlier connection: straight to the fallback, no failed POST first.
        return await this.#switchToFallback(message);
      }
      const outcome = await this.#legacy.send(message, flight);
      if (outcome === 'fallback') await this.#switchToFallback(message);
    } finally {
      if (flight !== undefined) this.#unregister(flight);
    }
  }

  /**
   * Cancellation of a request. Modern: closing its stream is the signal, so the POST is aborted and
   * no notification is sent. Legacy: the notification goes out and the stream is dropped.
   * Returns true when nothing is to be sent.
   */
  #cancel(requestId: unknown): boolean {
    const flight =
      typeof requestId === 'string' || typeof requestId === 'number'
        ? this.#flights.get(requestId)
        : undefined;
    flight?.abort(cancelledError(flight.about));
    if (flight !== undefined) return flight.era === 'modern';
    // Unknown (already answered): only a legacy server may still be working on it.
    return !this.#legacy.started;
  }

  #register(request: JSONRPCRequest, era: FlightEra): Flight {
    const flight = new Flight(request.id, request.method, era);
    this.#flights.set(request.id, flight);
    return flight;
  }

  #unregister(flight: Flight): void {
    if (this.#flights.get(flight.id) === flight) this.#flights.delete(flight.id);
  }

  /** Every received message passes here: responses settle their flight; modern tool lists are checked. */
  #receive(message: JSONRPCMessage): void {
    if (this.#state === 'closed') return;
    let delivered = message;
    if (!('method' in message) && message.id !== null && message.id !== undefined) {
      const flight = this.#flights.get(message.id);
      if (flight !== undefined) {
        // A response replayed by a resumed stream must not reach the engine twice.
        if (flight.answered) return;
        if (flight.era === 'modern' && flight.method === 'tools/list' && 'result' in message) {
          const result = this.#tools.filterListResult(message.result, (rejection) =>
            this.#rejectTool(rejection),
          );
          if (result !== message.result) delivered = { ...message, result };
        }
        flight.markAnswered();
      }
    }
    this.#handUp(delivered);
  }

  /**
   * Hands messages up in order, but gives a response that follows a notification or request in the
   * same turn a microtask of its own. The official SDK's Protocol runs notification handlers one
   * microtask late and drops a request's progress handler when its response arrives, so progress and
   * the response read from one network chunk would otherwise lose the progress.
   */
  #handUp(message: JSONRPCMessage): void {
    if (this.#held.length > 0) {
      this.#held.push(message);
      return;
    }
    const isResponse = !('method' in message);
    if (isResponse && this.#notifiedThisTurn) {
      this.#held.push(message);
      queueMicrotask(() => this.#releaseHeld());
      return;
    }
    this.#inbound.deliver(message);
    if (!isResponse) this.#markNotified();
  }

  #markNotified(): void {
    if (this.#notifiedThisTurn) return;
    this.#notifiedThisTurn = true;
    queueMicrotask(() => {
      this.#notifiedThisTurn = false;
    });
  }

  #releaseHeld(): void {
    this.#notifiedThisTurn = false;
    while (this.#held.length > 0) {
      const message = this.#held.shift() as JSONRPCMessage;
      if (this.#state === 'closed') {
        this.#held.length = 0;
        return;
      }
      this.#inbound.deliver(message);
      const next = this.#held[0];
      if ('method' in message && next !== undefined && !('method' in next)) {
        this.#notifiedThisTurn = true;
        queueMicrotask(() => this.#releaseHeld());
        return;
      }
    }
  }

  #rejectTool(rejection: ToolRejection): void {
    const listener = this.#options.onToolRejected;
    if (listener !== undefined) {
      try {
        listener(rejection);
      } catch (error) {
        this.#inbound.fail(error instanceof Error ? error : new Error(String(error)));
      }
      return;
    }
    this.#inbound.fail(
      new TransportError(
        TransportErrorCode.InvalidMessage,
        `Tool "${rejection.name}" removed from tools/list: ${rejection.reason}`,
        { method: 'tools/list' },
      ),
    );
  }

  async #switchToFallback(initialize: JSONRPCMessage): Promise<void> {
    const create = this.#options.fallback;
    if (create === undefined) throw new Error('unreachable: no fallback');
    this.#switching ??= this.#startFallback(create);
    let fallback: Transport;
    try {
      fallback = await this.#switching;
    } catch (error) {
      this.#switching = undefined;
      throw error;
    }
    await fallback.send(initialize);
  }

  async #startFallback(create: (url: URL) => Transport | Promise<Transport>): Promise<Transport> {
    const fallback = await create(this.#options.url);
    fallback.onmessage = (message, extra) => this.#inbound.deliver(message, extra);
    fallback.onerror = (error) => this.#inbound.fail(error);
    // The fallback's connection is ours: when it ends, so do we.
    fallback.onclose = () => void this.close();
    if (this.#protocolVersion !== undefined) fallback.setProtocolVersion?.(this.#protocolVersion);
    await fallback.start();
    if (this.#state === 'closed') {
      await fallback.close();
      throw closedError();
    }
    this.#fallback = fallback;
    this.#options.eraCache?.set(eraCacheKey(this.#options.url), 'legacy-sse');
    return fallback;
  }

  async #viaFallback(message: JSONRPCMessage, options: TransportSendOptions | undefined): Promise<void> {
    const fallback = this.#fallback ?? (await this.#switching);
    if (fallback === undefined) throw closedError();
    return fallback.send(message, options);
  }

  async #shutdown(): Promise<void> {
    this.#state = 'closed';
    const closed = closedError();
    for (const flight of this.#flights.values()) flight.abort(closed);
    this.#flights.clear();
    this.#closer.abort(closed);
    try {
      await this.#legacy.close();
      await this.#fallback?.close();
    } finally {
      // Fired even when start() never ran: nobody else will.
      this.#inbound.flushClose();
    }
  }
}
