/**
 * The HTTP+SSE endpoint pair (2024-11-05 "HTTP with SSE") for node:http, Express or Fastify (raw
 * req/res): `GET ssePath` opens a session's event stream, whose first event (`endpoint`) names where
 * the client POSTs its messages (`messagesPath?sessionId=…`). Refusals come before any work: Host and
 * Origin (403), authentication (401/403), media type (415), size (413), unknown session (404). A
 * browser page on an allowed origin gets CORS headers on every answer and 204 to its preflights.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ErrorCode,
  HttpAuthError,
  type JSONRPCMessage,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import {
  authRefusalHeaders,
  authRequestOf,
  CorsPolicy,
  envelopeErrorResponse,
  frameError,
  headerValue,
  isJsonContentType,
  newSessionId,
  OriginGuard,
  parseFrame,
  type ServerStats,
  validateEnvelope,
  sessionTag,
} from '@mcpwire/protocol-core/transport-kit';
import { readNodeBody } from '@mcpwire/protocol-core/transport-kit/node';
import { SseEventStream, type StreamEnd } from './event-stream.js';
import { type ResolvedSseServerOptions, resolveSseServerOptions, type SseServerOptions } from './options.js';
import { requestInfoOf, sessionIdOf } from './request-info.js';
import { addHeaders, sendAccepted, sendError, sendJson, sendNoContent } from './responses.js';
import { type SessionHost, SseSession } from './session-transport.js';

/**
 * Counters of a handler, live: the ones every transport server has (`sessions` are open streams,
 * `refusedSessions` GETs refused at `maxSessions` or `maxSessionsPerPrincipal`), and its own.
 */
export interface SseServerStats extends ServerStats {
  /** Idle sessions closed to make room for a new one at `maxSessions` or `maxSessionsPerPrincipal`. */
  readonly sessionsEvicted: number;
  /** Sessions closed because their client stopped reading (`maxStreamBufferBytes`). */
  readonly overflows: number;
}

/** An HTTP+SSE endpoint pair for Node. */
export interface SseHandler {
  /**
   * Serves one request if its path is `ssePath` or `messagesPath` and returns true (the answer is
   * written asynchronously; failures go to `onerror`); returns false, touching nothing, for any
   * other path, so the same node:http server can route it elsewhere. `parsedBody` is a POST body a
   * framework parsed already (Express `express.json()`); its size was then checked by that framework.
   */
  handleNode(req: IncomingMessage, res: ServerResponse, parsedBody?: unknown): boolean;
  /** Live counters, read anew on each access. */
  readonly stats: SseServerStats;
  /** Ends every stream and closes every session; later GETs get 503, later POSTs 404. Idempotent. */
  close(): Promise<void>;
}

/** Seconds a client is told to wait when `maxSessions` streams are open. */
const RETRY_AFTER_SECONDS = '30';

/** The first idle session in least-recently-used order (the iteration order of `sessions`). */
function leastRecentlyUsedIdle(sessions: Iterable<SseSession>): SseSession | undefined {
  for (const session of sessions) if (!session.busy && !session.closed) return session;
  return undefined;
}
const NOT_AUTHENTICATED = Symbol('not authenticated');
const NO_BODY = Symbol('no parsed body');

/** The valid messages of one POST, and whether they came as a JSON-RPC batch (answered as one array). */
interface PostedMessages {
  messages: readonly JSONRPCMessage[];
  batch: boolean;
}

/**
 * Response headers a browser client must be able to read: the challenge of a 401 (an OAuth client
 * finds its resource metadata there) and the back-off of a 503. `Content-Type`, which the client
 * checks on the stream, is readable without being listed.
 */
const EXPOSED_HEADERS: readonly string[] = ['www-authenticate', 'retry-after'];

/** The handler's state: its sessions and counters. */
class SseServerCore implements SessionHost {
  readonly options: ResolvedSseServerOptions;
  readonly #guard: OriginGuard;
  readonly #cors: CorsPolicy;
  /** Least recently used first: a session moves to the end on each POST to it. */
  readonly #sessions = new Map<string, SseSession>();
  /** Each owner's sessions (`p:` principal or `a:` address), least recently used first, and each session's owner. */
  readonly #owned = new Map<string, Set<SseSession>>();
  readonly #owners = new Map<SseSession, string>();
  #closed = false;
  #created = 0;
  #overflows = 0;
  #refused = 0;
  #evicted = 0;

  constructor(options: SseServerOptions) {
    this.options = resolveSseServerOptions(options);
    this.#guard = new OriginGuard(this.options.allowedHosts, this.options.allowedOrigins);
    this.#cors = new CorsPolicy({ enabled: this.options.cors, exposeHeaders: EXPOSED_HEADERS });
  }

  get stats(): SseServerStats {
    return {
      sessions: this.#sessions.size,
      sessionsCreated: this.#created,
      overflows: this.#overflows,
      refusedSessions: this.#refused,
      sessionsEvicted: this.#evicted,
    };
  }

  handleNode(req: IncomingMessage, res: ServerResponse, parsedBody: unknown): boolean {
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const { ssePath, messagesPath } = this.options;
    if (path !== ssePath && path !== messagesPath) return false;
    // DNS-rebinding protection comes first, on every method: nothing is read from a refused origin.
    const origin = req.headers.origin;
    const refusal = this.#guard.refusal(req.headers.host, origin);
    if (refusal !== undefined) {
      sendError(res, 403, ErrorCode.InvalidRequest, refusal);
      return true;
    }
    // Only browsers send Origin: other clients never pay for CORS. Set now, sent with every answer.
    const cors = origin === undefined ? undefined : this.#cors.headersFor(origin);
    if (cors !== undefined) addHeaders(res, cors);
    const method = req.method;
    let served: Promise<void>;
    if (path === ssePath && method === 'GET') served = this.#get(req, res);
    else if (path === messagesPath && method === 'POST')
      served = this.#post(req, res, sessionIdOf(target, queryAt), parsedBody);
    else {
      const allow = path === ssePath ? 'GET' : 'POST';
      const preflight =
        method === 'OPTIONS' && cors !== undefined
          ? this.#cors.preflight(
              origin,
              headerValue(req.headers, 'access-control-request-method'),
              headerValue(req.headers, 'access-control-request-headers'),
              allow,
            )
          : undefined;
      if (preflight !== undefined) sendNoContent(res, preflight);
      else sendError(res, 405, ErrorCode.InvalidRequest, `Method Not Allowed: ${method}`, { allow });
      return true;
    }
    served.catch((error: unknown) => {
      this.options.report(error);
      sendError(res, 500, ErrorCode.InternalError, 'Internal error');
    });
    return true;
  }

  sessionClosed(session: SseSession, reason: StreamEnd): void {
    if (this.#sessions.get(session.sessionId) === session) this.#sessions.delete(session.sessionId);
    const owner = this.#owners.get(session);
    if (owner !== undefined) {
      this.#owners.delete(session);
      const owned = this.#owned.get(owner);
      owned?.delete(session);
      if (owned?.size === 0) this.#owned.delete(owner);
    }
    if (reason === 'overflow') this.#overflows++;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const sessions = [...this.#sessions.values()];
    await Promise.all(sessions.map((session) => session.close()));
  }

  async #get(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const options = this.options;
    if (this.#closed) {
      sendError(res, 503, ErrorCode.InternalError, 'Service Unavailable: the server is closed');
      return;
    }
    const authInfo = await this.#authenticate(req, res);
    if (authInfo === NOT_AUTHENTICATED) return;
    // The handler may have closed while the hook ran: no session may outlive close().
    if (this.#closed) {
      sendError(res, 503, ErrorCode.InternalError, 'Service Unavailable: the server is closed');
      return;
    }
    const principal = options.principalOf(authInfo);
    const address = req.socket?.remoteAddress;
    const owner =
      principal !== undefined ? `p:${principal}` : address === undefined ? undefined : `a:${address}`;
    const owned = owner === undefined ? undefined : this.#owned.get(owner);
    if (owned !== undefined && owned.size >= options.maxSessionsPerPrincipal) {
      const victim = leastRecentlyUsedIdle(owned);
      if (victim === undefined) {
        this.#refused++;
        const limit = options.maxSessionsPerPrincipal;
        sendError(
          res,
          429,
          ErrorCode.InternalError,
          `Too Many Requests: too many sessions for this ${principal === undefined ? 'address' : 'principal'}, all busy (limit ${limit})`,
          { 'retry-after': RETRY_AFTER_SECONDS },
          { limit: { name: 'maxSessionsPerPrincipal', value: limit } },
        );
        return;
      }
      this.#evict(victim);
    }
    if (this.#sessions.size >= options.maxSessions) {
      const victim = leastRecentlyUsedIdle(this.#sessions.values());
      if (victim !== undefined) this.#evict(victim);
    }
    if (this.#sessions.size >= options.maxSessions) {
      this.#refused++;
      sendError(
        res,
        503,
        ErrorCode.InternalError,
        `Service Unavailable: too many sessions (limit ${options.maxSessions})`,
        { 'retry-after': RETRY_AFTER_SECONDS },
      );
      return;
    }
    const sessionId = newSessionId({ format: 'uuid' });
    // Relative to the GET's URL, as the official SDK sends it: the client resolves it against that.
    const endpoint = `${options.messagesPath}?sessionId=${sessionId}`;
    const stream = new SseEventStream(res, `event: endpoint\ndata: ${endpoint}\n\n`, {
      keepAliveMs: options.keepAliveMs,
      maxBufferedBytes: options.maxStreamBufferBytes,
      timers: options.timers,
    });
    const session = new SseSession(this, sessionId, principal, stream);
    this.#sessions.set(sessionId, session);
    if (owner !== undefined) {
      this.#owners.set(session, owner);
      if (owned === undefined) this.#owned.set(owner, new Set([session]));
      else owned.add(session);
    }
    this.#created++;
    try {
      await options.connect(session, { sessionId, authInfo, headers: req.headers });
    } catch (error) {
      options.report(error);
      await session.close();
    }
  }

  async #post(
    req: IncomingMessage,
    res: ServerResponse,
    sessionId: string | undefined,
    parsedBody: unknown,
  ): Promise<void> {
    const options = this.options;
    if (sessionId === undefined) {
      sendError(res, 400, ErrorCode.InvalidRequest, 'Bad Request: the sessionId query parameter is required');
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendError(
        res,
        415,
        ErrorCode.InvalidRequest,
        'Unsupported Media Type: Content-Type must be application/json',
      );
      return;
    }
    // No hook, no await: most endpoints authenticate elsewhere or not at all.
    const authInfo = options.authenticate === undefined ? undefined : await this.#authenticate(req, res);
    if (authInfo === NOT_AUTHENTICATED) return;
    const session = this.#sessions.get(sessionId);
    // Another principal's session is answered like an unknown one, so a leaked id reveals nothing.
    if (session === undefined || session.closed || session.principal !== options.principalOf(authInfo)) {
      sendError(res, 404, ErrorCode.InvalidRequest, 'Not Found: unknown or ended session');
      return;
    }
    this.#touch(session);
    const read = await this.#readMessages(req, res, session, parsedBody);
    if (read === undefined) return;
    sendAccepted(res);
    session.deliver(read.messages, { requestInfo: requestInfoOf(req), authInfo }, read.batch);
  }

  /** Most recently used last, here and in its owner's set: eviction takes from the front. */
  #touch(session: SseSession): void {
    this.#sessions.delete(session.sessionId);
    this.#sessions.set(session.sessionId, session);
    const owned = this.#owned.get(this.#owners.get(session) ?? '');
    if (owned !== undefined) {
      owned.delete(session);
      owned.add(session);
    }
  }

  /** Ends an idle session: its stream ends, and its POSTs answer 404 so the client reconnects. */
  #evict(session: SseSession): void {
    this.#evicted++;
    session.close().then(undefined, this.options.report);
  }

  /** The POSTed messages; undefined once a refusal was sent (and reported to the session). */
  async #readMessages(
    req: IncomingMessage,
    res: ServerResponse,
    session: SseSession,
    parsedBody: unknown,
  ): Promise<PostedMessages | undefined> {
    if (parsedBody !== NO_BODY) return this.#checkParsed(res, session, parsedBody);
    const limit = this.options.maxBodyBytes;
    const body = await readNodeBody(req, limit);
    if (body.kind === 'aborted') return undefined;
    if (body.kind === 'too-large') {
      session.fail(
        new TransportError(
          TransportErrorCode.MessageTooLarge,
          `Session ${sessionTag(session.sessionId)}: a POST body was larger than ${limit} bytes (maxBodyBytes)`,
          { limit: { name: 'maxBodyBytes', value: limit } },
        ),
      );
      // The rest of the body is not read: the connection closes after the answer.
      sendError(res, 413, ErrorCode.InvalidRequest, `Payload Too Large: the body exceeds ${limit} bytes`, {
        connection: 'close',
      });
      return undefined;
    }
    if (body.kind === 'bad-encoding') {
      session.fail(
        new TransportError(
          TransportErrorCode.Parse,
          `Session ${sessionTag(session.sessionId)}: a POST body is not UTF-8`,
        ),
      );
      sendJson(
        res,
        400,
        JSON.stringify({
          jsonrpc: '2.0',
          id: null,
          error: { code: ErrorCode.ParseError, message: 'Parse error: the body is not valid UTF-8' },
        }),
      );
      return undefined;
    }
    const text = body.text;
    const frame = parseFrame(text, { allowBatch: session.acceptsBatch });
    if (frame.errors.length === 0) return { messages: frame.messages, batch: frame.batch === true };
    // A POST is taken whole or refused whole: nothing of a batch with an invalid member is delivered.
    for (const error of frame.errors)
      session.fail(frameError(error, text, `Session ${sessionTag(session.sessionId)}`));
    const answers = frame.errors.filter((error) => !error.responseLike).map(envelopeErrorResponse);
    // An empty array is not a batch: it gets one error, not an array.
    const batch = frame.batch === true;
    const first = answers[0] ?? envelopeErrorResponse(frame.errors[0]!);
    sendJson(res, 400, JSON.stringify(batch ? answers : first));
    return undefined;
  }

  /** A body a framework parsed already gets the same envelope and batch checks. */
  #checkParsed(res: ServerResponse, session: SseSession, value: unknown): PostedMessages | undefined {
    const batch = Array.isArray(value) && session.acceptsBatch;
    const items = batch ? value : [value];
    const messages: JSONRPCMessage[] = [];
    for (const item of items) {
      const checked = validateEnvelope(item);
      if (checked.ok) {
        messages.push(checked.message);
        continue;
      }
      session.fail(
        frameError(checked.error, JSON.stringify(item) ?? '', `Session ${sessionTag(session.sessionId)}`),
      );
      sendJson(res, 400, JSON.stringify(envelopeErrorResponse(checked.error)));
      return undefined;
    }
    if (messages.length === 0) {
      sendError(res, 400, ErrorCode.InvalidRequest, 'Invalid Request: empty batch');
      return undefined;
    }
    return { messages, batch };
  }

  /** The hook's principal; `NOT_AUTHENTICATED` once a refusal (401/403) or a failure (500) was sent. */
  async #authenticate(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const authenticate = this.options.authenticate;
    if (authenticate === undefined) return undefined;
    try {
      return await authenticate(authRequestOf(req.method, req.url, req.headers));
    } catch (error) {
      if (error instanceof HttpAuthError) {
        sendError(res, error.status, ErrorCode.InvalidRequest, error.message, authRefusalHeaders(error));
      } else {
        this.options.report(error);
        sendError(res, 500, ErrorCode.InternalError, 'Internal error');
      }
      return NOT_AUTHENTICATED;
    }
  }
}

/**
 * Creates the HTTP+SSE endpoints (GET `ssePath`, POST `messagesPath`) for Node.
 * @example
 * const sse = createSseHandler({ server: mcpServer });
 * http.createServer((req, res) => {
 *   if (!sse.handleNode(req, res)) res.writeHead(404).end();
 * }).listen(3000, '127.0.0.1');
 */
export function createSseHandler(options: SseServerOptions): SseHandler {
  const core = new SseServerCore(options);
  return {
    handleNode: (req, res, parsedBody) =>
      core.handleNode(req, res, parsedBody === undefined ? NO_BODY : parsedBody),
    get stats() {
      return core.stats;
    },
    close: () => core.close(),
  };
}

/** @deprecated use {@link SseHandler}, whose `stats` is a property as on every transport server; kept for one release. */
export interface SseServerHandler extends Omit<SseHandler, 'stats'> {
  /** Live counters. */
  stats(): SseServerStats;
}

/** @deprecated use {@link createSseHandler} (its `stats` is a property); kept for one release. */
export function createSseServerHandler(options: SseServerOptions): SseServerHandler {
  const handler = createSseHandler(options);
  return { handleNode: handler.handleNode, stats: () => handler.stats, close: handler.close };
}
