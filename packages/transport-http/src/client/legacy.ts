/**
 * The 2025-11-25 side of the client (Streamable HTTP with sessions): `Mcp-Session-Id` from the
 * `initialize` response on every later request, the negotiated `MCP-Protocol-Version`, POST answers in
 * JSON or SSE (which may carry server requests), resumption with GET + `Last-Event-ID`, one
 * re-initialization when the session expires (404), and the session DELETE on close.
 */
import {
  ErrorCode,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type RequestId,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import { excerptOf, parseFrame } from '@mcpwire/protocol-core/transport-kit';
import { HeaderName } from '../shared/mcp-headers.js';
import { type Abort, httpRequest } from './abort-source.js';
import { readBoundedText, readErrorText, readSse } from './body.js';
import {
  type About,
  abortError,
  httpStatusError,
  invalidResponse,
  isModernError,
  jsonRpcErrorOf,
  networkError,
  notStreamableHttpError,
  sessionExpired,
  streamEnded,
  withId,
} from './failures.js';
import { type Flight, sleep } from './flight.js';
import { GetStream, type StreamOpener } from './get-stream.js';
import { type RenewalContext, startNewSession } from './session-renewal.js';
import type { ChannelHost } from './host.js';
import { type HttpResponse, mediaTypeOf } from './http.js';
import { reconnectDelay } from './options.js';
import { legacyDeleteHeaders, legacyGetHeaders, legacyPostHeaders } from './request-headers.js';

/** What a legacy send concluded: done, or "this server needs the HTTP+SSE fallback". */
export type LegacyOutcome = 'done' | 'fallback';

/** Statuses of `initialize` that point at an HTTP+SSE (2024-11-05) server. */
const FALLBACK_STATUSES: ReadonlySet<number> = new Set([400, 404, 405]);

function aboutOf(message: JSONRPCMessage): About {
  const about: About = {};
  if ('method' in message) about.method = message.method;
  if ('id' in message && message.id !== null && message.id !== undefined) about.requestId = message.id;
  return about;
}

function isRequest(message: JSONRPCMessage): message is JSONRPCRequest {
  return 'method' in message && 'id' in message;
}

/**
 * The client transport's legacy-era channel (twin of ModernChannel): the 2025-11-25 session of one
 * connection, its POSTs, GET stream and DELETE.
 */
export class LegacySessionChannel {
  readonly #host: ChannelHost;
  readonly #get: GetStream;
  #sessionId: string | undefined = undefined;
  #protocolVersion: string | undefined = undefined;
  /** Replayed, with a new id, to start a new session after a 404. */
  #initialize: JSONRPCRequest | undefined = undefined;
  #initialized: JSONRPCNotification | undefined = undefined;
  #reinit: Promise<void> | undefined = undefined;
  #reinits = 0;

  constructor(host: ChannelHost) {
    this.#host = host;
    const opener: StreamOpener = (lastEventId, signal) => this.#openGet(lastEventId, signal);
    this.#get = new GetStream(host, opener, (text) => this.#deliverFrame(text, { method: 'GET' }, false));
  }

  get sessionId(): string | undefined {
    return this.#sessionId;
  }

  /** True once `initialize` went out: a legacy session exists or is being made. */
  get started(): boolean {
    return this.#initialize !== undefined;
  }

  set protocolVersion(version: string) {
    this.#protocolVersion = version;
  }

  /** Sends one message; a request's `send` settles when its response was handed up. */
  async send(message: JSONRPCMessage, flight: Flight | undefined): Promise<LegacyOutcome> {
    const about = aboutOf(message);
    const initialize = isRequest(message) && message.method === 'initialize';
    if (initialize) {
      // A new handshake never carries the old session.
      this.#initialize = message;
      this.#sessionId = undefined;
      this.#get.stop();
    } else if ('method' in message && message.method === 'notifications/initialized' && !('id' in message)) {
      this.#initialized = message;
    }
    const signal: Abort = flight?.source ?? this.#host.closeSignal;
    for (let reinitialized = false; ; reinitialized = true) {
      const sessionUsed = this.#sessionId;
      const response = await this.#post(message, flight?.attempt() ?? signal, signal, about);
      if (response.status === 404 && sessionUsed !== undefined) {
        response.cancel();
        if (reinitialized) throw sessionExpired(about, 'the new session was refused too', 404);
        await this.#reinitialize(sessionUsed, about, signal);
        continue;
      }
      if (initialize && FALLBACK_STATUSES.has(response.status)) {
        return this.#refusedInitialize(response, message.id, about);
      }
      await this.#handle(response, message, flight, signal, about);
      if (this.#initialized === message && this.#host.options.openGetStream) this.#get.start();
      return 'done';
    }
  }

  /**
   * `initialize` answered 400, 404 or 405. A modern error is delivered; otherwise the server may speak
   * HTTP+SSE: the fallback takes over when there is one, else 404 and 405 say what to do about it
   * (a JSON-RPC error body is no answer from an MCP session here: the POST found no Streamable HTTP).
   */
  async #refusedInitialize(response: HttpResponse, id: RequestId, about: About): Promise<LegacyOutcome> {
    const status = response.status;
    const text = await readErrorText(response, this.#host.options.maxMessageBytes);
    const error = jsonRpcErrorOf(text);
    if (error !== undefined && isModernError(error, status)) {
      this.#host.receive(withId(error, id));
      return 'done';
    }
    if (this.#host.options.fallback !== undefined) return 'fallback';
    if (status === 405 || (status === 404 && error === undefined)) {
      throw notStreamableHttpError(status, about, error?.error.message ?? text);
    }
    if (error !== undefined) {
      this.#host.receive(withId(error, id));
      return 'done';
    }
    throw httpStatusError(status, about, text === undefined ? undefined : excerptOf(text));
  }

  /** Stops the GET stream and ends the session with DELETE, waiting `closeTimeoutMs` at most. */
  async close(): Promise<void> {
    this.#get.stop();
    const sessionId = this.#sessionId;
    if (sessionId === undefined) return;
    const { options, http } = this.#host;
    const controller = new AbortController();
    const timer = options.timers.setTimeout(() => controller.abort(), options.closeTimeoutMs);
    try {
      const headers = legacyDeleteHeaders(await this.#host.callerHeaders(), this.#state());
      const response = await http(options.url, { method: 'DELETE', headers, signal: controller.signal });
      // 405 means the server does not let clients end sessions: fine, it is best effort.
      response.cancel();
    } catch {
      // Best effort: the server expires the session on its own.
    } finally {
      options.timers.clearTimeout(timer);
      // Ended either way: later requests must not name it (a new `initialize` starts another).
      if (this.#sessionId === sessionId) this.#sessionId = undefined;
    }
  }

  #state(): { sessionId: string | undefined; protocolVersion: string | undefined } {
    return { sessionId: this.#sessionId, protocolVersion: this.#protocolVersion };
  }

  /** POSTs one message with the session's headers (or those of `sessionId`, during a renewal). */
  async #post(
    message: JSONRPCMessage,
    attemptSignal: Abort,
    signal: Abort,
    about: About,
    sessionId: string | undefined = this.#sessionId,
  ): Promise<HttpResponse> {
    const state = { sessionId, protocolVersion: this.#protocolVersion };
    const base = this.#host.callerHeaders();
    const headers = legacyPostHeaders(base instanceof Promise ? await base : base, state);
    try {
      return await this.#host.http(
        this.#host.options.url,
        httpRequest('POST', headers, JSON.stringify(message), attemptSignal),
      );
    } catch (error) {
      throw signal.aborted ? abortError(signal, about) : networkError(about, error);
    }
  }

  /** Handles the answer to a POST: 202, JSON, SSE, or an HTTP error. */
  async #handle(
    response: HttpResponse,
    message: JSONRPCMessage,
    flight: Flight | undefined,
    signal: Abort,
    about: About,
  ): Promise<void> {
    const status = response.status;
    if (status >= 200 && status < 300) {
      if (isRequest(message) && message.method === 'initialize') {
        const sessionId = response.headers.get(HeaderName.SessionId);
        if (sessionId !== null && sessionId.length > 0) this.#sessionId = sessionId;
      }
      const type = mediaTypeOf(response.headers.get('content-type'));
      if (type === 'text/event-stream') return this.#readPostStream(response, flight, signal, about);
      if (type === 'application/json') return this.#readJson(response, flight, signal, about);
      // 202 Accepted for notifications and responses; a request answered so gets its response elsewhere.
      response.cancel();
      return;
    }
    const text = await readErrorText(response, this.#host.options.maxMessageBytes);
    const error = jsonRpcErrorOf(text);
    if (flight !== undefined && error !== undefined) {
      this.#host.receive(withId(error, flight.id));
      return;
    }
    throw httpStatusError(status, about, text === undefined ? undefined : excerptOf(text));
  }

  async #readJson(
    response: HttpResponse,
    flight: Flight | undefined,
    signal: Abort,
    about: About,
  ): Promise<void> {
    let text: string;
    try {
      text = await readBoundedText(response, this.#host.options.maxMessageBytes, about);
    } catch (error) {
      if (flight?.answered === true) return;
      if (signal.aborted) throw abortError(signal, about);
      throw error instanceof TransportError ? error : networkError(about, error);
    }
    if (text.trim().length === 0 && flight === undefined) return;
    // Read to its end: the response it holds has nothing left to abort.
    flight?.endAttempt();
    this.#deliverFrame(text, about, true);
    if (flight !== undefined && !flight.answered)
      throw invalidResponse(about, 'the JSON body holds no response to it');
  }

  /** Reads a POST's SSE stream; resumes it with GET + Last-Event-ID until the response arrives. */
  async #readPostStream(
    first: HttpResponse,
    flight: Flight | undefined,
    signal: Abort,
    about: About,
  ): Promise<void> {
    const { options } = this.#host;
    let response = first;
    let lastEventId: string | undefined;
    let retryMs: number | undefined;
    for (;;) {
      let broken: unknown;
      try {
        await readSse(response, options.maxMessageBytes, about, {
          onEvent: (event) => {
            if (event.id !== undefined) lastEventId = event.id;
            if (event.event === undefined || event.event === 'message')
              this.#deliverFrame(event.data, about, false);
            return flight?.answered === true ? true : undefined;
          },
          onRetry: (ms) => {
            retryMs = ms;
          },
        });
      } catch (error) {
        if (flight?.answered === true) return;
        if (signal.aborted) throw abortError(signal, about);
        if (error instanceof TransportError) throw error;
        broken = error;
      }
      // A notification or response needs nothing more; a request waits for its response.
      if (flight === undefined || flight.answered) return;
      if (lastEventId === undefined)
        throw streamEnded(about, 'the server sent no event id to resume from', broken);
      response = await this.#resume(flight, lastEventId, retryMs, about);
    }
  }

  /** Reconnects with GET + Last-Event-ID, after the server's `retry`, until a stream opens. */
  async #resume(
    flight: Flight,
    lastEventId: string,
    retryMs: number | undefined,
    about: About,
  ): Promise<HttpResponse> {
    const { options } = this.#host;
    const signal = flight.source;
    for (let failures = 0; failures < options.maxAttempts; failures++) {
      try {
        await sleep(options.timers, reconnectDelay(options, failures, retryMs), signal);
      } catch {
        throw abortError(signal, about);
      }
      if (flight.answered) return emptyResponse();
      let response: HttpResponse;
      try {
        response = await this.#openGet(lastEventId, flight.attempt());
      } catch {
        if (flight.answered) return emptyResponse();
        if (signal.aborted) throw abortError(signal, about);
        continue;
      }
      const type = mediaTypeOf(response.headers.get('content-type'));
      if (response.status >= 200 && response.status < 300 && type === 'text/event-stream') return response;
      response.cancel();
      if (response.status === 405)
        throw streamEnded(about, 'the server does not allow GET to resume it (405)');
      if (response.status === 404 && this.#sessionId !== undefined) {
        throw sessionExpired(about, 'its stream cannot be resumed in a new session', 404);
      }
    }
    const error = streamEnded(about, `${options.maxAttempts} reconnection(s) failed (reconnect.maxAttempts)`);
    this.#host.report(error);
    throw error;
  }

  #openGet(lastEventId: string | undefined, signal: Abort): Promise<HttpResponse> {
    return Promise.resolve(this.#host.callerHeaders()).then((base) =>
      this.#host.http(
        this.#host.options.url,
        httpRequest('GET', legacyGetHeaders(base, this.#state(), lastEventId), undefined, signal),
      ),
    );
  }

  /** Parses one body or event and hands its messages up; malformed parts go to onerror. */
  #deliverFrame(text: string, about: About, allowBatch: boolean): void {
    if (text.length === 0) return;
    const frame = parseFrame(text, { allowBatch });
    for (const error of frame.errors) {
      this.#host.report(
        new TransportError(
          error.code === ErrorCode.ParseError ? TransportErrorCode.Parse : TransportErrorCode.InvalidMessage,
          `Message from the server (answering ${about.method ?? 'a message'}): ${error.message}`,
          { ...about, excerpt: excerptOf(text) },
        ),
      );
    }
    for (const message of frame.messages) {
      if (!('method' in message) && 'result' in message && message.id === this.#initialize?.id) {
        // McpClient and the official SDK call setProtocolVersion too; reading it here covers any caller.
        const version = message.result['protocolVersion'];
        if (typeof version === 'string') this.#protocolVersion = version;
      }
      this.#host.receive(message);
    }
  }

  /** Starts a new session once per expired one; concurrent senders share it. */
  async #reinitialize(expired: string, about: About, signal: Abort): Promise<void> {
    if (this.#sessionId !== expired && this.#reinit === undefined) return;
    this.#reinit ??= this.#startNewSession(about).finally(() => {
      this.#reinit = undefined;
    });
    const pending = this.#reinit;
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(abortError(signal, about));
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  async #startNewSession(about: About): Promise<void> {
    const resumeGet = this.#get.wanted;
    this.#get.stop();
    this.#sessionId = undefined;
    const signal = this.#host.closeSignal;
    const ctx: RenewalContext = {
      initialize: this.#initialize,
      initialized: this.#initialized,
      maxMessageBytes: this.#host.options.maxMessageBytes,
      post: (message, sessionId) => this.#post(message, signal, signal, aboutOf(message), sessionId),
    };
    this.#sessionId = await startNewSession(ctx, `mcpwire-reinit-${++this.#reinits}`, about);
    if (resumeGet) this.#get.start();
  }
}

/** A stand-in for a stream that will not be read (the response already arrived elsewhere). */
function emptyResponse(): HttpResponse {
  return { status: 204, headers: { get: () => null }, body: null, cancel: () => {} };
}
