/**
 * The runtime-neutral server: one instance per handler, serving exchanges from either entry. It
 * refuses what must be refused before any work (Host/Origin 403, method 405, Accept 406,
 * Content-Type 415, size 413, authentication 401/403), parses and checks the JSON-RPC envelope, then
 * picks the era of each POST: a body `_meta` protocol version or a modern `MCP-Protocol-Version`
 * header means 2026-07-28, anything else the legacy session protocol.
 */
import {
  eraOf,
  ErrorCode,
  HttpAuthError,
  type JSONRPCMessage,
  MetaKey,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import {
  authRefusalHeaders,
  CorsPolicy,
  envelopeErrorResponse,
  isJsonContentType,
  OriginGuard,
  parseFrame,
  type ServerStats,
  validateEnvelope,
} from '@mcpwire/protocol-core/transport-kit';
import { HeaderName } from '../shared/mcp-headers.js';
import type { HttpExchange, ResponseHeaders } from './exchange.js';
import { acceptsPostResponses } from './guards.js';
import type { HttpContext } from './http-context.js';
import { LegacyHttp } from './legacy.js';
import { ModernHttp } from './modern.js';
import { type ResolvedHttpOptions, resolveHttpOptions, type StreamableHttpServerOptions } from './options.js';
import { EMPTY_HEADERS, JSON_HEADERS, sendError } from './responses.js';
import { SseWriter } from './sse.js';

/**
 * Counters of a handler, live: the ones every transport server has (`sessions` are legacy sessions,
 * `refusedSessions` initialize requests refused at `maxSessions` or `maxSessionsPerPrincipal`), and its own.
 */
export interface StreamableHttpServerStats extends ServerStats {
  /** Legacy sessions closed because they were idle. */
  readonly sessionsExpired: number;
  /** Idle legacy sessions closed to make room for a new one at `maxSessions` or `maxSessionsPerPrincipal`. */
  readonly sessionsEvicted: number;
  /** SSE responses open now (both eras). */
  readonly openStreams: number;
  /** Modern requests being served now. */
  readonly modernInFlight: number;
  /** SSE streams closed because their client stopped reading. */
  readonly overflows: number;
}

/** @deprecated use {@link StreamableHttpServerStats}, named like every transport server's stats; kept for one release. */
export type StreamableHttpStats = StreamableHttpServerStats;

const NOT_AUTHENTICATED = Symbol('not authenticated');

/** Response headers a browser client must be able to read (the legacy session id among them). */
// retry-after: a page on another origin must be able to read when to retry a 429 or a 503.
const EXPOSED_HEADERS: readonly string[] = [
  'mcp-session-id',
  'mcp-protocol-version',
  'www-authenticate',
  'retry-after',
];

/** True when the body's `_meta` names a protocol version: what selects the modern era. */
function hasModernMeta(message: JSONRPCMessage): boolean {
  if (!('method' in message)) return false;
  const meta = message.params?.['_meta'];
  return typeof meta === 'object' && meta !== null && MetaKey.ProtocolVersion in meta;
}

/** The server behind both handlers. */
export class StreamableHttpCore implements HttpContext {
  readonly options: ResolvedHttpOptions;
  readonly legacy: LegacyHttp;
  readonly #modern: ModernHttp;
  readonly #guard: OriginGuard;
  readonly #cors: CorsPolicy;
  readonly #allow: string;
  #closed = false;
  #openStreams = 0;
  #overflows = 0;

  constructor(options: StreamableHttpServerOptions) {
    this.options = resolveHttpOptions(options);
    this.#guard = new OriginGuard(this.options.allowedHosts, this.options.allowedOrigins);
    this.#allow = this.options.legacy ? 'GET, POST, DELETE' : 'POST';
    this.#cors = new CorsPolicy({ enabled: this.options.cors, exposeHeaders: EXPOSED_HEADERS });
    this.legacy = new LegacyHttp(this);
    this.#modern = new ModernHttp(this);
  }

  get stats(): StreamableHttpServerStats {
    return {
      sessions: this.legacy.size,
      sessionsCreated: this.legacy.created,
      refusedSessions: this.legacy.refused,
      sessionsExpired: this.legacy.expired,
      sessionsEvicted: this.legacy.evicted,
      openStreams: this.#openStreams,
      modernInFlight: this.#modern.inFlight,
      overflows: this.#overflows,
    };
  }

  /** Serves one exchange; never rejects (a failure is reported and answered 500 if nothing was sent). */
  async handle(exchange: HttpExchange): Promise<void> {
    try {
      await this.#dispatch(exchange);
    } catch (error) {
      this.options.report(error);
      if (!exchange.responded) sendError(exchange, 500, ErrorCode.InternalError, 'Internal error');
    }
  }

  openStream(exchange: HttpExchange, headers: ResponseHeaders): SseWriter {
    const options = this.options;
    const sink = exchange.openStream(headers, options.maxStreamBufferBytes);
    this.#openStreams++;
    const writer = new SseWriter(sink, options.keepAliveMs, options.timers, (reason) => {
      this.#openStreams--;
      if (reason !== 'overflow') return;
      this.#overflows++;
      options.report(
        new TransportError(
          TransportErrorCode.LimitExceeded,
          `SSE stream closed: the client did not read (more than ${options.maxStreamBufferBytes} bytes buffered)`,
          { limit: { name: 'maxStreamBufferBytes', value: options.maxStreamBufferBytes } },
        ),
      );
    });
    return writer;
  }

  /** Ends every session and stream; later requests are answered 503. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#modern.closeAll();
    await this.legacy.closeAll();
    if (this.options.ownsEventStore) await this.options.eventStore?.close?.();
  }

  async #dispatch(exchange: HttpExchange): Promise<void> {
    if (this.#closed) {
      sendError(exchange, 503, ErrorCode.InternalError, 'Service Unavailable: the server is closed');
      return;
    }
    // DNS-rebinding protection comes first, on every method: nothing is read from a refused origin.
    const origin = exchange.header('origin');
    const refusal = this.#guard.refusal(exchange.host, origin);
    if (refusal !== undefined) {
      sendError(exchange, 403, ErrorCode.InvalidRequest, refusal);
      return;
    }
    // Only browsers send Origin: Node clients never pay for CORS.
    if (origin !== undefined) exchange.extraHeaders = this.#cors.headersFor(origin);
    const method = exchange.method;
    if (method === 'POST') return this.#post(exchange);
    if (method === 'OPTIONS') {
      const preflight = this.#cors.preflight(
        origin,
        exchange.header('access-control-request-method'),
        exchange.header('access-control-request-headers'),
        this.#allow,
      );
      if (preflight !== undefined) {
        exchange.extraHeaders = undefined;
        exchange.respond(204, { ...EMPTY_HEADERS, ...preflight });
        return;
      }
    }
    if ((method === 'GET' || method === 'DELETE') && this.options.legacy) {
      const authInfo = await this.#authenticate(exchange);
      if (authInfo === NOT_AUTHENTICATED) return;
      return method === 'GET' ? this.legacy.get(exchange, authInfo) : this.legacy.delete(exchange, authInfo);
    }
    sendError(exchange, 405, ErrorCode.InvalidRequest, `Method Not Allowed: ${method}`, {
      headers: { allow: this.#allow },
    });
  }

  async #post(exchange: HttpExchange): Promise<void> {
    if (!acceptsPostResponses(exchange.header('accept'))) {
      sendError(
        exchange,
        406,
        ErrorCode.InvalidRequest,
        'Not Acceptable: Accept must list application/json and text/event-stream',
      );
      return;
    }
    if (!isJsonContentType(exchange.header('content-type'))) {
      sendError(
        exchange,
        415,
        ErrorCode.InvalidRequest,
        'Unsupported Media Type: Content-Type must be application/json',
      );
      return;
    }
    // No hook, no await: most endpoints authenticate elsewhere or not at all.
    const authInfo = this.options.authenticate === undefined ? undefined : await this.#authenticate(exchange);
    if (authInfo === NOT_AUTHENTICATED) return;
    const limit = this.options.maxBodyBytes;
    const body = await exchange.readBody(limit);
    let value: unknown;
    switch (body.kind) {
      case 'too-large':
        // The rest of the body is not read: the connection closes after the answer.
        sendError(
          exchange,
          413,
          ErrorCode.InvalidRequest,
          `Payload Too Large: the body exceeds ${limit} bytes`,
          {
            headers: { connection: 'close' },
          },
        );
        return;
      case 'aborted':
        return;
      case 'bad-encoding':
        sendError(exchange, 400, ErrorCode.ParseError, 'Parse error: the body is not valid UTF-8', {
          id: null,
        });
        return;
      case 'parsed':
        value = body.value;
        break;
      case 'text': {
        const frame = parseFrame(body.text);
        const error = frame.errors[0];
        if (error !== undefined) {
          exchange.respond(400, JSON_HEADERS, JSON.stringify(envelopeErrorResponse(error)));
          return;
        }
        return this.#route(exchange, frame.messages[0]!, authInfo);
      }
    }
    // A body a framework parsed already gets the same envelope check (arrays included: no batches).
    const checked = validateEnvelope(value);
    if (!checked.ok) {
      exchange.respond(400, JSON_HEADERS, JSON.stringify(envelopeErrorResponse(checked.error)));
      return;
    }
    return this.#route(exchange, checked.message, authInfo);
  }

  #route(exchange: HttpExchange, message: JSONRPCMessage, authInfo: unknown): Promise<void> {
    const version = exchange.header(HeaderName.ProtocolVersion);
    const modern =
      !this.options.legacy ||
      hasModernMeta(message) ||
      (version !== undefined && eraOf(version) === 'modern');
    return modern
      ? this.#modern.post(exchange, message, authInfo)
      : this.legacy.post(exchange, message, authInfo);
  }

  /** The hook's principal; `NOT_AUTHENTICATED` once a refusal (401/403) or a failure (500) was sent. */
  async #authenticate(exchange: HttpExchange): Promise<unknown> {
    const authenticate = this.options.authenticate;
    if (authenticate === undefined) return undefined;
    try {
      return await authenticate({
        method: exchange.method,
        url: exchange.url,
        get headers() {
          return exchange.headers();
        },
        header: (name) => exchange.header(name.toLowerCase()),
      });
    } catch (error) {
      if (error instanceof HttpAuthError) {
        const headers = authRefusalHeaders(error);
        sendError(exchange, error.status, ErrorCode.InvalidRequest, error.message, { headers });
      } else {
        this.options.report(error);
        sendError(exchange, 500, ErrorCode.InternalError, 'Internal error');
      }
      return NOT_AUTHENTICATED;
    }
  }
}
