/**
 * The 2026-07-28 era over HTTP: each POST is one request, served by `McpServer.handleModernRequest`
 * with no session state (any process of a fleet can answer it). The answer is one JSON body, unless
 * the handler sends a notification first (progress, log): then the response becomes a stream scoped
 * to the request, ending with the response. `subscriptions/listen` streams from the start. Closing
 * the response is the client's cancellation.
 */
import {
  ErrorCode,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCParams,
  type JSONRPCRequest,
  type JSONRPCResponse,
  MetaKey,
  type ModernRequestContext,
  type RequestInfo,
} from '@mcpwire/protocol-core';
import type { HttpExchange } from './exchange.js';
import { type HttpContext, requestInfoOf } from './http-context.js';
import { headerMismatch } from './modern-headers.js';
import { EMPTY_HEADERS, JSON_HEADERS, SSE_HEADERS, sendError } from './responses.js';
import type { SseWriter } from './sse.js';

/**
 * A request being served, and the context `handleModernRequest` reads (one object per request, not
 * a literal plus closures): what shutdown must abort and answer. Its AbortController is made only
 * when the handler reads `ctx.signal`: most never do, and one per request is measurable.
 */
class InFlight implements ModernRequestContext {
  readonly id: JSONRPCRequest['id'];
  readonly exchange: HttpExchange;
  readonly authInfo: unknown;
  readonly requestInfo: RequestInfo;
  writer: SseWriter | undefined = undefined;
  /** True once the client went away, the stream failed, or the handler shut down. */
  aborted = false;
  readonly #context: HttpContext;
  #controller: AbortController | undefined = undefined;

  constructor(context: HttpContext, id: JSONRPCRequest['id'], exchange: HttpExchange, authInfo: unknown) {
    this.#context = context;
    this.id = id;
    this.exchange = exchange;
    this.authInfo = authInfo;
    this.requestInfo = requestInfoOf(exchange);
  }

  /** A notification of the request: the response turns into a stream scoped to it. Called unbound. */
  readonly sendNotification = (notification: JSONRPCNotification): Promise<void> | undefined => {
    if (this.aborted) return undefined;
    const writer = this.open();
    return writer.event(JSON.stringify(notification)) === 'full' ? writer.drained() : undefined;
  };

  /** The request's SSE stream, opened on first use. */
  open(): SseWriter {
    if (this.writer === undefined) {
      const writer = this.#context.openStream(this.exchange, SSE_HEADERS);
      // Left, or too slow to keep up: either way the request is over (cancellation).
      writer.onclose = (reason) => {
        if (reason !== 'ended') this.abort();
      };
      this.writer = writer;
    }
    return this.writer;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort();
    }
    return this.#controller.signal;
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.#controller?.abort();
  }
}

function isObject(value: unknown): value is JSONRPCParams {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True when `_meta` lacks what every modern request must carry (protocol version, client
 * capabilities): the era answers -32602, and on HTTP that is a 400 (basic: "malformed").
 */
function malformedMeta(meta: unknown): boolean {
  return (
    !isObject(meta) ||
    typeof meta[MetaKey.ProtocolVersion] !== 'string' ||
    !isObject(meta[MetaKey.ClientCapabilities])
  );
}

/** The HTTP status of a modern response: the error codes the transport spec gives a status, else 200. */
function statusOf(response: JSONRPCResponse, malformed: boolean): number {
  if (!('error' in response)) return 200;
  switch (response.error.code) {
    case ErrorCode.MethodNotFound:
      return 404;
    case ErrorCode.HeaderMismatch:
    case ErrorCode.MissingRequiredClientCapability:
    case ErrorCode.UnsupportedProtocolVersion:
      return 400;
    case ErrorCode.InvalidParams:
      return malformed ? 400 : 200;
    default:
      return 200;
  }
}

/** The modern side of a handler. */
export class ModernHttp {
  readonly #context: HttpContext;
  readonly #inFlight = new Set<InFlight>();
  /** In-flight requests by connection (a socket: gone with it) and by principal or address. */
  readonly #byConnection = new WeakMap<object, number>();
  readonly #byOwner = new Map<string, number>();

  constructor(context: HttpContext) {
    this.#context = context;
  }

  /** Requests being served now. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  async post(exchange: HttpExchange, message: JSONRPCMessage, authInfo: unknown): Promise<void> {
    if (!('method' in message)) {
      sendError(
        exchange,
        400,
        ErrorCode.InvalidRequest,
        'Invalid Request: 2026-07-28 clients send no responses',
        {
          id: (message as { id?: JSONRPCRequest['id'] | null }).id ?? null,
        },
      );
      return;
    }
    // No client notification is defined for this era over HTTP (cancellation is closing the stream).
    if (!('id' in message)) {
      exchange.respond(202, EMPTY_HEADERS);
      return;
    }
    const request = message as JSONRPCRequest;
    const server = this.#context.options.server;
    const meta = request.params?.['_meta'];
    const problem = headerMismatch(
      exchange,
      request,
      isObject(meta) ? meta[MetaKey.ProtocolVersion] : undefined,
      server,
    );
    if (problem !== undefined) {
      sendError(exchange, 400, ErrorCode.HeaderMismatch, problem, { id: request.id });
      return;
    }
    const malformed = malformedMeta(meta);
    const owner = this.#ownerOf(exchange, authInfo);
    if (this.#refuseOverLimit(exchange, request.id, owner)) return;
    const entry = new InFlight(this.#context, request.id, exchange, authInfo);
    this.#inFlight.add(entry);
    this.#count(exchange.connection, owner, 1);
    exchange.onAbort(() => entry.abort());
    // A listen stream is the response itself: opened now, acknowledgement first, then events.
    if (request.method === 'subscriptions/listen') entry.open();
    try {
      // The entry is the context: its `signal` getter runs only when the handler reads ctx.signal.
      const response = await server.handleModernRequest(request, entry);
      // The client went away: nothing more may be sent for this request.
      if (entry.aborted || exchange.aborted) return;
      const json = JSON.stringify(response);
      if (entry.writer !== undefined) entry.writer.finish(json);
      else exchange.respond(statusOf(response, malformed), JSON_HEADERS, json);
    } finally {
      this.#inFlight.delete(entry);
      this.#count(exchange.connection, owner, -1);
    }
  }

  /** Who a request counts against: its principal, else the address it came from, else nobody. */
  #ownerOf(exchange: HttpExchange, authInfo: unknown): string | undefined {
    const principal = this.#context.options.principalOf(authInfo);
    if (principal !== undefined) return `principal:${principal}`;
    const address = exchange.remoteAddress;
    return address === undefined ? undefined : `address:${address}`;
  }

  /** Answers 429 when the connection or the owner already has its limit in flight. */
  #refuseOverLimit(exchange: HttpExchange, id: JSONRPCRequest['id'], owner: string | undefined): boolean {
    const { maxInFlightPerConnection, maxInFlightPerPrincipal } = this.#context.options;
    const connection = exchange.connection;
    const limit =
      connection !== undefined && (this.#byConnection.get(connection) ?? 0) >= maxInFlightPerConnection
        ? { name: 'maxInFlightPerConnection', value: maxInFlightPerConnection, of: 'this connection' }
        : owner !== undefined && (this.#byOwner.get(owner) ?? 0) >= maxInFlightPerPrincipal
          ? {
              name: 'maxInFlightPerPrincipal',
              value: maxInFlightPerPrincipal,
              of: owner.startsWith('principal:') ? 'this principal' : 'this client address',
            }
          : undefined;
    if (limit === undefined) return false;
    sendError(
      exchange,
      429,
      ErrorCode.InternalError,
      `Too Many Requests: ${limit.value} requests of ${limit.of} are in flight (${limit.name})`,
      { id, headers: { 'retry-after': '1' }, data: { limit: { name: limit.name, value: limit.value } } },
    );
    return true;
  }

  #count(connection: object | undefined, owner: string | undefined, delta: 1 | -1): void {
    if (connection !== undefined)
      this.#byConnection.set(connection, (this.#byConnection.get(connection) ?? 0) + delta);
    if (owner === undefined) return;
    const left = (this.#byOwner.get(owner) ?? 0) + delta;
    if (left > 0) this.#byOwner.set(owner, left);
    else this.#byOwner.delete(owner);
  }

  /** Shutdown: aborts every request; streams end, pending JSON answers become 503. */
  closeAll(): void {
    for (const entry of this.#inFlight) {
      entry.abort();
      if (entry.writer !== undefined) entry.writer.end();
      else if (!entry.exchange.responded) {
        sendError(
          entry.exchange,
          503,
          ErrorCode.InternalError,
          'Service Unavailable: the server is shutting down',
          { id: entry.id },
        );
      }
    }
    this.#inFlight.clear();
  }
}
