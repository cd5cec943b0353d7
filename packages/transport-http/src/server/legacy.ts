/**
 * The legacy era over HTTP (2025-03-26 … 2025-11-25 Streamable HTTP): `initialize` opens a session
 * (a CSPRNG id bound to the principal that opened it), later POSTs, the GET stream and DELETE name it
 * with `Mcp-Session-Id`. Sessions are capped server-wide and per principal (per address when anonymous);
 * at a cap the least recently used idle session is evicted to make room, and idle ones are reclaimed by
 * one interval timer.
 */
import {
  ErrorCode,
  eraOf,
  type JSONRPCMessage,
  LEGACY_PROTOCOL_VERSIONS,
  type MessageExtraInfo,
  type RequestId,
} from '@mcpwire/protocol-core';
import { excerptOf, newSessionId } from '@mcpwire/protocol-core/transport-kit';
import { HeaderName } from '../shared/mcp-headers.js';
import type { HttpExchange } from './exchange.js';
import { acceptsEventStream } from './guards.js';
import { type HttpContext, requestInfoOf } from './http-context.js';
import { EMPTY_HEADERS, sendError } from './responses.js';
import { HttpSessionTransport, type SessionHost } from './session-transport.js';

/** Seconds a client is told to wait when the session cap is reached. */
const RETRY_AFTER_SECONDS = '30';

/**
 * Whom a new session counts against: its principal, else its client's address; undefined (no
 * per-principal cap) for an anonymous request whose address is unknown (the Web handler).
 */
function ownerOf(principal: string | undefined, address: string | undefined): string | undefined {
  if (principal !== undefined) return `p:${principal}`;
  return address === undefined ? undefined : `a:${address}`;
}

/** The first idle session in least-recently-used order (the iteration order of `sessions`). */
function leastRecentlyUsedIdle(sessions: Iterable<HttpSessionTransport>): HttpSessionTransport | undefined {
  for (const session of sessions) if (!session.busy && !session.closed) return session;
  return undefined;
}

/** The legacy side of a handler: its session table and the three HTTP methods on sessions. */
export class LegacyHttp implements SessionHost {
  readonly context: HttpContext;
  /** Least recently used first: a session is moved to the end each time a request names it. */
  readonly #sessions = new Map<string, HttpSessionTransport>();
  /** Each owner's sessions, least recently used first, and the owner of each session. */
  readonly #owned = new Map<string, Set<HttpSessionTransport>>();
  readonly #owners = new Map<HttpSessionTransport, string>();
  #sweep: unknown = undefined;
  #created = 0;
  #expired = 0;
  #refused = 0;
  #evicted = 0;

  constructor(context: HttpContext) {
    this.context = context;
  }

  /** Open sessions. */
  get size(): number {
    return this.#sessions.size;
  }

  /** Sessions opened since the handler was made. */
  get created(): number {
    return this.#created;
  }

  /** Sessions closed for idleness. */
  get expired(): number {
    return this.#expired;
  }

  /** Initialize requests refused because `maxSessions` or `maxSessionsPerPrincipal` sessions were open and busy. */
  get refused(): number {
    return this.#refused;
  }

  /** Idle sessions closed to make room for a new one at `maxSessions` or `maxSessionsPerPrincipal`. */
  get evicted(): number {
    return this.#evicted;
  }

  /** The session with this id, for `closeSseStream`. */
  session(sessionId: string): HttpSessionTransport | undefined {
    return this.#sessions.get(sessionId);
  }

  sessionClosed(session: HttpSessionTransport): void {
    if (this.#sessions.get(session.sessionId) !== session) return;
    this.#sessions.delete(session.sessionId);
    const owner = this.#owners.get(session);
    if (owner !== undefined) {
      this.#owners.delete(session);
      const owned = this.#owned.get(owner);
      owned?.delete(session);
      if (owned?.size === 0) this.#owned.delete(owner);
    }
    if (this.#sessions.size === 0) this.#stopSweep();
    // Its streams can never be resumed now: a store keeps them only until they expire otherwise.
    const { eventStore, report } = this.context.options;
    try {
      const dropped = eventStore?.dropSession?.(session.sessionId);
      if (dropped !== undefined) dropped.then(undefined, report);
    } catch (error) {
      report(error);
    }
  }

  async post(exchange: HttpExchange, message: JSONRPCMessage, authInfo: unknown): Promise<void> {
    const id: RequestId | null = 'id' in message && message.id !== undefined ? message.id : null;
    if (this.#refuseVersion(exchange, id)) return;
    const sessionId = exchange.header(HeaderName.SessionId);
    const isRequest = 'method' in message && 'id' in message;
    if (sessionId === undefined) {
      if (isRequest && message.method === 'initialize') return this.#initialize(exchange, message, authInfo);
      sendError(exchange, 400, ErrorCode.InvalidRequest, 'Bad Request: Mcp-Session-Id header is required', {
        id,
      });
      return;
    }
    const session = this.#find(exchange, sessionId, authInfo);
    if (session === undefined) return;
    const extra: MessageExtraInfo = { requestInfo: requestInfoOf(exchange), authInfo };
    if (!isRequest) {
      // Notifications and the client's answers to our requests: accepted, nothing to stream back.
      exchange.respond(202, EMPTY_HEADERS);
      session.deliver(message, extra);
      return;
    }
    if (session.hasRequest(message.id)) {
      sendError(
        exchange,
        409,
        ErrorCode.InvalidRequest,
        `Conflict: request id ${excerptOf(JSON.stringify(message.id))} is already in flight in this session`,
        { id: message.id },
      );
      return;
    }
    session.serveRequest(exchange, message, extra, undefined);
  }

  async get(exchange: HttpExchange, authInfo: unknown): Promise<void> {
    if (!acceptsEventStream(exchange.header('accept'))) {
      sendError(
        exchange,
        406,
        ErrorCode.InvalidRequest,
        'Not Acceptable: Accept must list text/event-stream',
      );
      return;
    }
    if (this.#refuseVersion(exchange, undefined)) return;
    const session = this.#required(exchange, authInfo);
    if (session === undefined) return;
    const lastEventId = exchange.header(HeaderName.LastEventId);
    if (lastEventId !== undefined) return session.resume(exchange, lastEventId);
    if (session.hasStandaloneStream) {
      sendError(
        exchange,
        409,
        ErrorCode.InvalidRequest,
        'Conflict: this session already has an open GET stream',
      );
      return;
    }
    return session.openStandalone(exchange);
  }

  async delete(exchange: HttpExchange, authInfo: unknown): Promise<void> {
    if (this.#refuseVersion(exchange, undefined)) return;
    const session = this.#required(exchange, authInfo);
    if (session === undefined) return;
    await session.close();
    exchange.respond(204, EMPTY_HEADERS);
  }

  /** Closes every session (handler shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.#sessions.values()].map((session) => session.close()));
    this.#stopSweep();
  }

  async #initialize(exchange: HttpExchange, message: JSONRPCMessage, authInfo: unknown): Promise<void> {
    const options = this.context.options;
    const id = (message as { id: RequestId }).id;
    const principal = options.principalOf(authInfo);
    const owner = ownerOf(principal, exchange.remoteAddress);
    const owned = owner === undefined ? undefined : this.#owned.get(owner);
    if (owned !== undefined && owned.size >= options.maxSessionsPerPrincipal) {
      const victim = options.evictIdle ? leastRecentlyUsedIdle(owned) : undefined;
      if (victim === undefined) {
        this.#refused++;
        const limit = options.maxSessionsPerPrincipal;
        sendError(
          exchange,
          429,
          ErrorCode.InvalidRequest,
          `Too Many Requests: too many sessions for this ${principal === undefined ? 'address' : 'principal'}, all busy (limit ${limit})`,
          {
            id,
            data: { limit: { name: 'maxSessionsPerPrincipal', value: limit } },
            headers: { 'retry-after': RETRY_AFTER_SECONDS },
          },
        );
        return;
      }
      this.#evict(victim);
    }
    if (this.#sessions.size >= options.maxSessions && options.evictIdle) {
      const victim = leastRecentlyUsedIdle(this.#sessions.values());
      if (victim !== undefined) this.#evict(victim);
    }
    if (this.#sessions.size >= options.maxSessions) {
      this.#refused++;
      sendError(
        exchange,
        503,
        ErrorCode.InvalidRequest,
        `Service Unavailable: too many sessions (limit ${options.maxSessions})`,
        { id, headers: { 'retry-after': RETRY_AFTER_SECONDS } },
      );
      return;
    }
    const sessionId = options.sessionIdGenerator?.() ?? newSessionId();
    // Visible ASCII (a header value) without '.' and '/', which separate the parts of an event id.
    if (typeof sessionId !== 'string' || !/^[\x21-\x2D\x30-\x7E]+$/.test(sessionId)) {
      throw new TypeError(
        `StreamableHttpServerOptions.sessionIdGenerator must return visible ASCII without '.' or '/', got ${excerptOf(JSON.stringify(sessionId) ?? String(sessionId))}`,
      );
    }
    const session = new HttpSessionTransport(this, sessionId, principal, options.now());
    this.#sessions.set(sessionId, session);
    if (owner !== undefined) {
      this.#owners.set(session, owner);
      if (owned === undefined) this.#owned.set(owner, new Set([session]));
      else owned.add(session);
    }
    this.#created++;
    this.#startSweep();
    try {
      await options.server.connect(session);
    } catch (error) {
      this.sessionClosed(session);
      throw error;
    }
    const extra: MessageExtraInfo = { requestInfo: requestInfoOf(exchange), authInfo };
    session.serveRequest(exchange, message as Parameters<HttpSessionTransport['serveRequest']>[1], extra, {
      'mcp-session-id': sessionId,
    });
  }

  /** 400 for a protocol-version header this era does not have (2025-11-25: "invalid or unsupported"). */
  #refuseVersion(exchange: HttpExchange, id: RequestId | null | undefined): boolean {
    const version = exchange.header(HeaderName.ProtocolVersion);
    if (version === undefined || eraOf(version) === 'legacy') return false;
    sendError(
      exchange,
      400,
      ErrorCode.InvalidRequest,
      `Bad Request: unsupported MCP-Protocol-Version "${excerptOf(version)}" (supported: ${LEGACY_PROTOCOL_VERSIONS.join(', ')})`,
      { id },
    );
    return true;
  }

  #required(exchange: HttpExchange, authInfo: unknown): HttpSessionTransport | undefined {
    const sessionId = exchange.header(HeaderName.SessionId);
    if (sessionId === undefined) {
      sendError(exchange, 400, ErrorCode.InvalidRequest, 'Bad Request: Mcp-Session-Id header is required');
      return undefined;
    }
    return this.#find(exchange, sessionId, authInfo);
  }

  /**
   * The session named by the request, touched; else 404. Another principal's session is answered
   * 404 too, exactly like an unknown id, so a leaked or guessed id reveals nothing.
   */
  #find(exchange: HttpExchange, sessionId: string, authInfo: unknown): HttpSessionTransport | undefined {
    const session = this.#sessions.get(sessionId);
    const options = this.context.options;
    if (session === undefined || session.closed || session.principal !== options.principalOf(authInfo)) {
      sendError(exchange, 404, ErrorCode.InvalidRequest, 'Not Found: unknown or terminated session');
      return undefined;
    }
    session.lastActivity = options.now();
    // Most recently used last, here and in its owner's set: eviction takes from the front.
    this.#sessions.delete(sessionId);
    this.#sessions.set(sessionId, session);
    const owned = this.#owned.get(this.#owners.get(session) ?? '');
    if (owned !== undefined) {
      owned.delete(session);
      owned.add(session);
    }
    return session;
  }

  /** Ends an idle session like an expired one: its streams close, its id answers 404 from now on. */
  #evict(session: HttpSessionTransport): void {
    this.#evicted++;
    session.close().then(undefined, this.context.options.report);
  }

  #startSweep(): void {
    if (this.#sweep !== undefined) return;
    const options = this.context.options;
    const idle = options.sessionIdleTimeoutMs;
    // A session lives at most idle + one period past its last use; the period is capped at a minute.
    const period = Math.max(1, Math.min(Math.ceil(idle / 4), 60_000));
    this.#sweep = options.timers.setInterval(() => this.#reclaim(), period);
  }

  #stopSweep(): void {
    if (this.#sweep === undefined) return;
    this.context.options.timers.clearInterval(this.#sweep);
    this.#sweep = undefined;
  }

  #reclaim(): void {
    const options = this.context.options;
    const deadline = options.now() - options.sessionIdleTimeoutMs;
    for (const session of this.#sessions.values()) {
      if (!session.busy && session.lastActivity <= deadline) {
        this.#expired++;
        session.close().then(undefined, options.report);
      }
    }
  }
}
