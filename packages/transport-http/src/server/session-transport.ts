/**
 * One legacy Streamable HTTP session (2025-03-26 … 2025-11-25) as a `Transport` handed to
 * `McpServer.connect`. It routes what the server sends: a response and the messages related to its
 * request go on that request's POST stream; everything else on the session's GET stream. Each event
 * is stored (with an id) before it is written, so a client that lost a connection resumes with
 * `GET` + `Last-Event-ID` and gets exactly what it missed, on that stream only.
 */
import {
  ErrorCode,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type MessageCallback,
  type MessageExtraInfo,
  type RequestId,
  type Transport,
  type TransportSendOptions,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import { excerptOf, sessionTag } from '@mcpwire/protocol-core/transport-kit';
import type { HttpExchange, ResponseHeaders, SinkCloseReason } from './exchange.js';
import type { HttpContext } from './http-context.js';
import type { ResolvedHttpOptions } from './options.js';
import { EMPTY_HEADERS, JSON_HEADERS, SSE_HEADERS, sendError } from './responses.js';
import { type HeldWrite, isThenable, type Kind, RequestStream, StreamTarget } from './session-streams.js';
import type { SseWriter } from './sse.js';

const RESOLVED: Promise<void> = Promise.resolve();
const noop = (): void => {};

/** What a session needs from the legacy handler that owns it. */
export interface SessionHost {
  readonly context: HttpContext;
  /** Called once when the session closed, whatever closed it. */
  sessionClosed(session: HttpSessionTransport): void;
}

/** A legacy session's transport; created by the handler on `initialize`, never by users. */
export class HttpSessionTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: MessageCallback | undefined;
  readonly sessionId: string;
  /** The principal of the `initialize` request: every later request must come from it. */
  readonly principal: string | undefined;
  /** The revision `initialize` negotiated. */
  protocolVersion: string | undefined = undefined;
  /** When the client last made a request on this session (the handler's clock). */
  lastActivity: number;
  readonly #host: SessionHost;
  readonly #options: ResolvedHttpOptions;
  #started = false;
  #closed = false;
  #queue: [JSONRPCMessage, MessageExtraInfo | undefined][] | undefined = undefined;
  #streams: Map<RequestId, RequestStream> | undefined = undefined;
  #nextStream = 1;
  #standalone: StreamTarget | undefined = undefined;
  /** The last standalone event the client was given, or the anchor before the first it missed. */
  #cursor: string | Promise<string> | undefined = undefined;
  /** Standalone events were stored while no GET stream was open. */
  #pending = false;
  #held: HeldWrite[] | undefined = undefined;
  #holds = 0;

  constructor(host: SessionHost, sessionId: string, principal: string | undefined, now: number) {
    this.#host = host;
    this.#options = host.context.options;
    this.sessionId = sessionId;
    this.principal = principal;
    this.lastActivity = now;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** A request in flight or a stream open: not idle, whatever the clock says. */
  get busy(): boolean {
    return (this.#streams?.size ?? 0) > 0 || this.#standalone?.writer !== undefined;
  }

  /** True while a GET stream is open. */
  get hasStandaloneStream(): boolean {
    return this.#standalone?.writer !== undefined;
  }

  /** True while a request with this id is in flight (ids are unique per session while in flight). */
  hasRequest(id: RequestId): boolean {
    return this.#streams?.has(id) ?? false;
  }

  async start(): Promise<void> {
    if (this.#started) {
      throw new TransportError(
        TransportErrorCode.AlreadyStarted,
        `Session ${sessionTag(this.sessionId)} already started`,
      );
    }
    this.#started = true;
    const queued = this.#queue;
    this.#queue = undefined;
    if (queued !== undefined) for (const [message, extra] of queued) this.deliver(message, extra);
  }

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  /** Hands a received message to the engine (queued until `start`). */
  deliver(message: JSONRPCMessage, extra: MessageExtraInfo | undefined): void {
    if (!this.#started) {
      this.#queue ??= [];
      this.#queue.push([message, extra]);
      return;
    }
    this.onmessage?.(message, extra);
    // A cancelled request is never answered: its stream must not wait for a response.
    if ('method' in message && message.method === 'notifications/cancelled' && !('id' in message)) {
      const id = message.params?.['requestId'];
      const stream = typeof id === 'string' || typeof id === 'number' ? this.#streams?.get(id) : undefined;
      if (stream !== undefined) {
        this.#streams!.delete(stream.requestId);
        stream.writer?.end();
        stream.fail?.(202);
      }
    }
  }

  /**
   * Serves one POSTed request: opens its SSE stream (priming event first) or, in JSON mode, waits for
   * its response; then hands it to the engine. `headers` are added to the response's own.
   */
  serveRequest(
    exchange: HttpExchange,
    request: JSONRPCRequest,
    extra: MessageExtraInfo,
    headers: ResponseHeaders | undefined,
  ): void {
    const stream = new RequestStream(
      `${this.sessionId}.${this.#nextStream++}`,
      request.id,
      request.method === 'initialize',
    );
    this.#streams ??= new Map();
    this.#streams.set(request.id, stream);
    if (this.#options.enableJsonResponse) {
      const responseHeaders = headers === undefined ? JSON_HEADERS : { ...JSON_HEADERS, ...headers };
      stream.respondJson = (response) => exchange.respond(200, responseHeaders, JSON.stringify(response));
      stream.fail = (status) =>
        status === 202
          ? exchange.respond(202, EMPTY_HEADERS)
          : sendError(exchange, status, ErrorCode.InvalidRequest, 'Session terminated', { id: request.id });
    } else {
      const writer = this.#host.context.openStream(
        exchange,
        headers === undefined ? SSE_HEADERS : { ...SSE_HEADERS, ...headers },
      );
      this.#attach(stream, writer);
      this.#prime(stream, writer);
    }
    this.deliver(request, extra);
  }

  /** Opens the session's GET stream, first replaying what was stored for it while none was open. */
  async openStandalone(exchange: HttpExchange): Promise<void> {
    const target = this.#standaloneTarget();
    if (this.#pending && this.#cursor !== undefined) {
      const cursor = await this.#cursor;
      if (await this.#resumeInto(exchange, cursor)) return;
      this.#options.report(
        new TransportError(
          TransportErrorCode.Closed,
          `Session ${sessionTag(this.sessionId)}: messages stored for the GET stream expired before one was opened`,
        ),
      );
    }
    const writer = this.#host.context.openStream(exchange, SSE_HEADERS);
    const previous = target.writer;
    this.#attach(target, writer);
    previous?.end();
    this.#pending = false;
    this.#cursor = this.#prime(target, writer);
  }

  /** `GET` + `Last-Event-ID`: the rest of that stream, or 400 when the id cannot be resumed. */
  async resume(exchange: HttpExchange, lastEventId: string): Promise<void> {
    if (await this.#resumeInto(exchange, lastEventId)) return;
    sendError(
      exchange,
      400,
      ErrorCode.InvalidRequest,
      `Bad Request: Last-Event-ID "${excerptOf(lastEventId)}" is unknown, expired or not of this session; nothing can be replayed`,
    );
  }

  /** Ends the connection of a request's stream early (SSE polling); the client resumes with GET. */
  closeRequestStream(requestId: RequestId): boolean {
    const writer = this.#streams?.get(requestId)?.writer;
    if (writer === undefined) return false;
    writer.end();
    return true;
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.#closed) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.Closed,
          `Cannot send: session ${sessionTag(this.sessionId)} is closed`,
        ),
      );
    }
    const kind: Kind = !('method' in message) ? 'response' : 'id' in message ? 'request' : 'notification';
    const isResponse = kind === 'response';
    const related = isResponse ? (message as { id?: RequestId | null }).id : options?.relatedRequestId;
    const stream = related === undefined || related === null ? undefined : this.#streams?.get(related);
    if (stream !== undefined) {
      let sent: Promise<void> | undefined;
      // An SSE stream stays in the table until its response is written: a resume may still take it over.
      if (stream.respondJson === undefined) sent = this.#emit(stream, message, kind);
      else if (isResponse) {
        this.#streams!.delete(stream.requestId);
        stream.respondJson(message);
        sent = RESOLVED;
      }
      // A refused handshake leaves no session behind: its id answers 404 from now on.
      if (sent !== undefined && stream.opensSession && 'error' in message) {
        sent.then(() => this.close(), noop);
      }
      if (sent !== undefined) return sent;
      // JSON mode has no stream per request: its other messages go where unrelated ones go.
    } else if (isResponse) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.Closed,
          `Session ${sessionTag(this.sessionId)}: request ${String(related)} has no open stream for its response`,
          { requestId: related ?? undefined },
        ),
      );
    }
    return this.#emit(this.#standaloneTarget(), message, kind);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const streams = this.#streams;
    this.#streams = undefined;
    if (streams !== undefined) {
      for (const stream of streams.values()) {
        stream.writer?.end();
        stream.fail?.(404);
      }
    }
    this.#standalone?.writer?.end();
    this.#host.sessionClosed(this);
    this.onclose?.();
  }

  #standaloneTarget(): StreamTarget {
    this.#standalone ??= new StreamTarget(`${this.sessionId}.0`);
    return this.#standalone;
  }

  #attach(target: StreamTarget, writer: SseWriter): void {
    target.writer = writer;
    writer.onclose = (reason) => this.#detached(target, writer, reason);
  }

  #detached(target: StreamTarget, writer: SseWriter, reason: SinkCloseReason): void {
    if (target.writer !== writer) return;
    target.writer = undefined;
    if (reason === 'ended' || this.#options.eventStore !== undefined || !(target instanceof RequestStream))
      return;
    // No store: what the request still has to say cannot reach the client, so the work stops.
    if (this.#streams?.get(target.requestId) !== target) return;
    this.#streams.delete(target.requestId);
    this.deliver(
      {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: target.requestId, reason: 'The HTTP stream of this request closed' },
      },
      undefined,
    );
  }

  /** Writes the priming event (id, `retry:`, empty data) when there is a store; returns its id. */
  #prime(target: StreamTarget, writer: SseWriter): string | Promise<string> | undefined {
    const store = this.#options.eventStore;
    if (store === undefined) return undefined;
    const retry = this.#options.sseRetryMs;
    const id = store.storeEvent(target.streamId, undefined, '');
    if (!isThenable(id) && target.tail === undefined) {
      writer.priming(id, retry);
      return id;
    }
    const primed = Promise.all([id, target.tail]).then(([eventId]) => {
      writer.priming(eventId, retry);
      return eventId;
    });
    target.tail = primed.then(noop, this.#options.report);
    return primed;
  }

  /** Stores the message (when there is a store), then writes it in order. */
  #emit(target: StreamTarget, message: JSONRPCMessage, kind: Kind): Promise<void> {
    const json = JSON.stringify(message);
    const store = this.#options.eventStore;
    let id: string | Promise<string> | undefined;
    if (store !== undefined) {
      // The first standalone event with no GET open gets an anchor before it: the next GET replays from there.
      if (target === this.#standalone && target.writer === undefined && this.#cursor === undefined)
        this.#cursor = store.storeEvent(target.streamId, undefined, '');
      try {
        id = store.storeEvent(target.streamId, message, json);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (target.tail === undefined && !isThenable(id)) return this.#write(target, json, id, kind);
    target.inFlight++;
    const written = Promise.all([id, target.tail]).then(([eventId]) =>
      this.#write(target, json, eventId, kind),
    );
    const settled = (): void => {
      if (--target.inFlight === 0) target.skip = undefined;
    };
    target.tail = written.then(settled, settled);
    return written;
  }

  /** A request's response was written (or stored): its stream leaves the table. */
  #finished(target: StreamTarget): void {
    if (target instanceof RequestStream && this.#streams?.get(target.requestId) === target)
      this.#streams.delete(target.requestId);
  }

  #write(target: StreamTarget, json: string, eventId: string | undefined, kind: Kind): Promise<void> {
    if (this.#held !== undefined) {
      this.#held.push({ target, json, eventId, kind });
      return RESOLVED;
    }
    if (kind === 'response') this.#finished(target);
    // Already carried by a resume's replay.
    if (eventId !== undefined && target.skip?.has(eventId)) {
      if (kind === 'response') target.writer?.end();
      return RESOLVED;
    }
    const writer = target.writer;
    // A response is its stream's last event: written and ended together.
    const state =
      writer === undefined
        ? 'closed'
        : kind === 'response'
          ? writer.finish(json, eventId)
          : writer.event(json, eventId);
    if (state === 'closed' || state === 'overflow') {
      if (target === this.#standalone) this.#pending = true;
      // Stored: the resume delivers it. Not stored: lost, which a request must learn (its caller
      // fails at once instead of timing out); a notification is best-effort anyway.
      if (eventId !== undefined || kind !== 'request') return RESOLVED;
      return Promise.reject(
        new TransportError(
          TransportErrorCode.Closed,
          `Session ${sessionTag(this.sessionId)}: no open stream to send on, and no event store to keep the message`,
        ),
      );
    }
    if (target === this.#standalone && eventId !== undefined) this.#cursor = eventId;
    return state === 'full' ? writer!.drained() : RESOLVED;
  }

  /**
   * Replays the stream of `lastEventId` into a new SSE response; when that stream is still live the
   * new connection carries it on. Writes wait meanwhile, so nothing is written twice or out of order.
   * False, with nothing sent, when the id is not resumable.
   */
  async #resumeInto(exchange: HttpExchange, lastEventId: string): Promise<boolean> {
    const store = this.#options.eventStore;
    if (store === undefined) return false;
    this.#holds++;
    this.#held ??= [];
    const replayed: [string, string][] = [];
    let streamId: string | undefined;
    try {
      streamId = await store.replayAfter(lastEventId, (eventId, json) => {
        replayed.push([eventId, json]);
      });
    } catch (error) {
      this.#options.report(error);
      streamId = undefined;
    }
    // Another session's stream is as good as unknown: never replayed here.
    const owned = streamId?.startsWith(`${this.sessionId}.`) === true;
    if (!owned || this.#closed) {
      this.#release();
      return false;
    }
    const live = this.#liveTarget(streamId!);
    const writer = this.#host.context.openStream(exchange, SSE_HEADERS);
    for (const [eventId, json] of replayed) writer.event(json, eventId, true);
    if (live !== undefined) {
      if (replayed.length > 0) live.skip = new Set(replayed.map(([eventId]) => eventId));
      const previous = live.writer;
      this.#attach(live, writer);
      previous?.end();
      if (live === this.#standalone) {
        this.#pending = false;
        this.#cursor = replayed.at(-1)?.[0] ?? lastEventId;
      }
    }
    this.#release();
    if (live === undefined) {
      // A finished stream has nothing more to say once replayed.
      writer.end();
    } else if (live.inFlight === 0) live.skip = undefined;
    return true;
  }

  /** The stream `streamId` names while it can still get events; undefined once its response was written. */
  #liveTarget(streamId: string): StreamTarget | undefined {
    if (streamId === `${this.sessionId}.0`) return this.#standaloneTarget();
    if (this.#streams !== undefined) {
      for (const stream of this.#streams.values()) {
        if (stream.streamId === streamId && stream.respondJson === undefined) return stream;
      }
    }
    return undefined;
  }

  /** Ends one hold; the last one writes what waited (a target's `skip` drops what the replay carried). */
  #release(): void {
    if (--this.#holds > 0) return;
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const write of held)
      this.#write(write.target, write.json, write.eventId, write.kind).then(undefined, noop);
  }
}
