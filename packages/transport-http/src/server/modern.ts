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
  type JSONRPCParams,
  type JSONRPCRequest,
  type JSONRPCResponse,
  MetaKey,
} from '@mcpwire/protocol-core';
import type { HttpExchange } from './exchange.js';
import { type HttpContext, requestInfoOf } from './http-context.js';
import { headerMismatch } from './modern-headers.js';
import { EMPTY_HEADERS, JSON_HEADERS, SSE_HEADERS, sendError } from './responses.js';
import type { SseWriter } from './sse.js';

/** A request being served: what shutdown must abort and answer. */
interface InFlight {
  readonly id: JSONRPCRequest['id'];
  readonly controller: AbortController;
  readonly exchange: HttpExchange;
  writer: SseWriter | undefined;
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
    const entry: InFlight = {
      id: request.id,
      controller: new AbortController(),
      exchange,
      writer: undefined,
    };
    const signal = entry.controller.signal;
    this.#inFlight.add(entry);
    exchange.onAbort(() => entry.controller.abort());
    const open = (): SseWriter => {
      if (entry.writer === undefined) {
        const writer = this.#context.openStream(exchange, SSE_HEADERS);
        // Left, or too slow to keep up: either way the request is over (cancellation).
        writer.onclose = (reason) => {
          if (reason !== 'ended') entry.controller.abort();
        };
        entry.writer = writer;
      }
      return entry.writer;
    };
    // A listen stream is the response itself: opened now, acknowledgement first, then events.
    if (request.method === 'subscriptions/listen') open();
    try {
      const response = await server.handleModernRequest(request, {
        authInfo,
        signal,
        requestInfo: requestInfoOf(exchange),
        sendNotification: (notification) => {
          if (signal.aborted) return;
          const writer = open();
          if (writer.event(JSON.stringify(notification)) === 'full') return writer.drained();
        },
      });
      // The client went away: nothing more may be sent for this request.
      if (signal.aborted || exchange.aborted) return;
      const json = JSON.stringify(response);
      if (entry.writer !== undefined) {
        entry.writer.event(json);
        entry.writer.end();
      } else exchange.respond(statusOf(response, malformed), JSON_HEADERS, json);
    } finally {
      this.#inFlight.delete(entry);
    }
  }

  /** Shutdown: aborts every request; streams end, pending JSON answers become 503. */
  closeAll(): void {
    for (const entry of this.#inFlight) {
      entry.controller.abort();
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
