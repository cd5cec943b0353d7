/**
 * The HTTP+SSE client transport (2024-11-05 "HTTP with SSE"): `start()` opens the event stream and
 * waits for its `endpoint` event; every message the server sends arrives as a `message` event; each
 * message we send is one POST to the endpoint. Runtime-neutral: the HTTP stack is injected.
 */
import {
  type JSONRPCMessage,
  type MessageCallback,
  type Transport,
  TransportError,
  TransportErrorCode,
  type TransportSendOptions,
} from '@mcpwire/protocol-core';
import { excerptOf, frameError, InboundBuffer, parseFrame } from '@mcpwire/protocol-core/transport-kit';
import { allowsBatch } from '../shared/batch.js';
import { aboutOf, closedError, httpStatusError, networkError } from './errors.js';
import { SseEventReader } from './event-reader.js';
import {
  CloseSignal,
  type FetchLike,
  fetchSseHttp,
  mediaTypeOf,
  type SseHttp,
  type SseHttpResponse,
} from './http.js';
import {
  type ResolvedSseClientOptions,
  resolveSseClientOptions,
  type SseClientTransportOptions,
} from './options.js';

/** The most of an error body kept for the error's message. */
const ERROR_BODY_LIMIT = 4096;
const STREAM_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  accept: 'text/event-stream',
  'cache-control': 'no-cache',
});
const POST_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

type State = 'new' | 'connecting' | 'open' | 'closed';

function globalFetch(): FetchLike {
  const fetchImpl = globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new TypeError('No global fetch in this runtime: pass SseClientTransportOptions.fetch');
  }
  // Called through a wrapper: some runtimes refuse a fetch whose `this` is not the global object.
  return (url, init) => fetchImpl(url, init);
}

/**
 * The client side of one HTTP+SSE connection. `new SseClientTransport(options)` sends over
 * `options.fetch`, else the global `fetch` (Node's is undici's); `createSseClientTransport` of the
 * Node entry sends over undici's own pools instead.
 * @example
 * const transport = new SseClientTransport({ url: 'http://127.0.0.1:3001/sse' });
 * await new McpClient({ name: 'my-app', version: '1.0.0' }, { era: 'legacy' }).connect(transport);
 */
export class SseClientTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: MessageCallback | undefined;
  /** The event stream's URL. */
  readonly url: URL;
  readonly #options: ResolvedSseClientOptions;
  readonly #http: SseHttp;
  readonly #inbound: InboundBuffer;
  readonly #abort = new CloseSignal();
  #state: State = 'new';
  #endpoint: URL | undefined = undefined;
  #protocolVersion: string | undefined = undefined;
  #batches = false;
  /** The POST headers when they are static: built once, not per message. */
  #postHeaders: Readonly<Record<string, string>> | undefined = undefined;
  #opening: { resolve: () => void; reject: (error: Error) => void; timer: unknown } | undefined = undefined;
  #closing: Promise<void> | undefined = undefined;

  /** Throws TypeError or RangeError on a bad option, and TypeError when no `fetch` is to be found. */
  constructor(options: SseClientTransportOptions);
  constructor(userOptions: SseClientTransportOptions, http?: SseHttp) {
    const options = resolveSseClientOptions(userOptions);
    this.#options = options;
    this.url = options.url;
    this.#http = http ?? fetchSseHttp(userOptions.fetch ?? globalFetch());
    this.#inbound = new InboundBuffer(this);
    this.#rebuildPostHeaders();
  }

  /**
   * Where messages are POSTed, once the `endpoint` event arrived (its `sessionId` parameter names the
   * session). Deliberately no `sessionId` property: the official SDK's `Client.connect` takes a
   * transport that has one for a reconnection and skips `initialize`.
   */
  get endpoint(): URL | undefined {
    return this.#endpoint;
  }

  /** The negotiated revision, as the client engine reported it. */
  get protocolVersion(): string | undefined {
    return this.#protocolVersion;
  }

  /**
   * Opens the event stream and resolves once its `endpoint` event arrived. Rejects with
   * `MCPWIRE_ERR_HTTP_STATUS` (an error status), `MCPWIRE_ERR_NETWORK` (no answer, a stream that ended
   * first), `MCPWIRE_ERR_INVALID_MESSAGE` (not an event stream; an endpoint on another origin),
   * `MCPWIRE_ERR_REQUEST_TIMEOUT` (`connectTimeoutMs`).
   */
  start(): Promise<void> {
    if (this.#state !== 'new') {
      return Promise.reject(
        this.#state === 'closed'
          ? closedError()
          : new TransportError(
              TransportErrorCode.AlreadyStarted,
              'Transport already started; start() is called once',
            ),
      );
    }
    this.#state = 'connecting';
    return new Promise<void>((resolve, reject) => {
      const { timers, connectTimeoutMs } = this.#options;
      const timer = timers.setTimeout(
        () =>
          this.#failStart(
            new TransportError(
              TransportErrorCode.RequestTimeout,
              `No endpoint event from ${this.url.href} within ${connectTimeoutMs} ms (connectTimeoutMs)`,
              { limit: { name: 'connectTimeoutMs', value: connectTimeoutMs } },
            ),
          ),
        connectTimeoutMs,
      );
      this.#opening = { resolve, reject, timer };
      // #run handles its own failures; what escapes is a callback of ours that threw (onerror,
      // onclose), which has nowhere left to report to.
      this.#run().catch(() => {});
    });
  }

  /** Records the negotiated revision: sent as `mcp-protocol-version`, and it decides whether events may be batches. */
  setProtocolVersion(version: string): void {
    this.#protocolVersion = version;
    this.#batches = allowsBatch(version);
    this.#rebuildPostHeaders();
  }

  /**
   * POSTs one message to the endpoint; resolves on a 2xx. Rejects with `MCPWIRE_ERR_HTTP_STATUS`
   * (`details.httpStatus`), `MCPWIRE_ERR_NETWORK`, `MCPWIRE_ERR_CLOSED`, or `MCPWIRE_ERR_NOT_STARTED`.
   */
  send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    const endpoint = this.#endpoint;
    if (this.#state !== 'open' || endpoint === undefined) {
      return Promise.reject(
        this.#state === 'closed'
          ? closedError(aboutOf(message))
          : new TransportError(TransportErrorCode.NotStarted, 'Transport not started; await start() first'),
      );
    }
    let body: string | undefined;
    try {
      body = JSON.stringify(message);
      if (typeof body !== 'string') throw new TypeError(`JSON.stringify gave ${typeof body}`);
    } catch (error) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.SendValidation,
          'The message is not serializable to JSON',
          aboutOf(message),
          error,
        ),
      );
    }
    const headers = this.#postHeaders;
    return headers !== undefined
      ? this.#post(endpoint, headers, body, message)
      : this.#headers(POST_HEADERS).then((built) => this.#post(endpoint, built, body, message));
  }

  /** Aborts the stream and every POST in flight (their sends reject with `MCPWIRE_ERR_CLOSED`); idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #post(
    endpoint: URL,
    headers: Readonly<Record<string, string>>,
    body: string,
    message: JSONRPCMessage,
  ): Promise<void> {
    let response: SseHttpResponse;
    try {
      response = await this.#http.request(endpoint, { method: 'POST', headers, body, abort: this.#abort });
    } catch (error) {
      if (this.#abort.aborted) throw closedError(aboutOf(message));
      throw networkError('POST of a message', error, aboutOf(message));
    }
    const status = response.status;
    if (status >= 200 && status < 300) {
      response.discard();
      return;
    }
    const text = await response.text(ERROR_BODY_LIMIT).catch(() => undefined);
    throw httpStatusError('POST of a message', status, text, aboutOf(message));
  }

  async #headers(own: Readonly<Record<string, string>>): Promise<Readonly<Record<string, string>>> {
    const option = this.#options.headers;
    const extra = typeof option === 'function' ? await option() : option;
    const version = this.#protocolVersion;
    // Ours win over the user's: the transport cannot work with another Accept or Content-Type.
    return {
      ...lowerCased(extra),
      ...(version === undefined ? {} : { 'mcp-protocol-version': version }),
      ...own,
    };
  }

  #rebuildPostHeaders(): void {
    const option = this.#options.headers;
    if (typeof option === 'function') return;
    const version = this.#protocolVersion;
    // The official SDK's SSE client sends the negotiated version too; servers of this era ignore it.
    this.#postHeaders = Object.freeze({
      ...lowerCased(option),
      ...(version === undefined ? {} : { 'mcp-protocol-version': version }),
      ...POST_HEADERS,
    });
  }

  /** Opens the stream and reads it to its end. */
  async #run(): Promise<void> {
    let response: SseHttpResponse;
    try {
      const headers = await this.#headers(STREAM_HEADERS);
      if (this.#state !== 'connecting') return;
      response = await this.#http.request(this.url, { method: 'GET', headers, abort: this.#abort });
    } catch (error) {
      if (!this.#abort.aborted) this.#failStart(networkError(`GET ${this.url.href}`, error));
      return;
    }
    if (this.#state !== 'connecting') {
      response.discard();
      return;
    }
    if (response.status < 200 || response.status >= 300) {
      const text = await response.text(ERROR_BODY_LIMIT).catch(() => undefined);
      this.#failStart(httpStatusError(`GET ${this.url.href}`, response.status, text));
      return;
    }
    const type = mediaTypeOf(response.header('content-type'));
    if (type !== 'text/event-stream') {
      response.discard();
      this.#failStart(
        new TransportError(
          TransportErrorCode.InvalidMessage,
          `GET ${this.url.href} answered "${type}", not an event stream`,
        ),
      );
      return;
    }
    const limit = this.#options.maxMessageBytes;
    const reader = new SseEventReader(limit, {
      onEvent: (event, data) => this.#event(event, data),
      onTooLarge: () =>
        this.#report(
          new TransportError(
            TransportErrorCode.MessageTooLarge,
            `An SSE event larger than ${limit} bytes was dropped (maxMessageBytes)`,
            { limit: { name: 'maxMessageBytes', value: limit } },
          ),
        ),
    });
    try {
      await response.stream((text) => reader.feed(text));
    } catch (error) {
      if (this.#abort.aborted) return;
      const broken = networkError('The event stream', error);
      if (this.#state === 'connecting') this.#failStart(broken);
      else this.#remoteClosed(broken);
      return;
    }
    // The server ended the stream: the session is over. Reconnecting is a decorator's job, not ours.
    if (this.#state === 'connecting') {
      this.#failStart(
        new TransportError(TransportErrorCode.Network, `The event stream ended before its endpoint event`),
      );
    } else this.#remoteClosed(undefined);
  }

  #event(type: string | undefined, data: string): void {
    if (type === undefined || type === 'message') {
      const frame = parseFrame(data, { allowBatch: this.#batches });
      for (const message of frame.messages) {
        // A throwing onmessage must not break the stream's reading, nor lose the messages behind it.
        try {
          this.#inbound.deliver(message);
        } catch (error) {
          this.#report(error instanceof Error ? error : new Error(String(error)));
        }
      }
      for (const error of frame.errors) this.#report(frameError(error, data, 'SSE message event'));
      return;
    }
    // Later endpoint events (and unknown event types) are ignored, as EventSource ignores what it has no listener for.
    if (type === 'endpoint' && this.#state === 'connecting') this.#opened(data);
  }

  /** Reports a non-fatal error while the stream is read: a throwing `onerror` must not stop the reading. */
  #report(error: Error): void {
    try {
      this.#inbound.fail(error);
    } catch {
      // Nowhere left to report to.
    }
  }

  #opened(data: string): void {
    let endpoint: URL;
    try {
      endpoint = new URL(data.trim(), this.url);
    } catch {
      this.#failStart(invalidEndpoint(data, 'it is not a URL'));
      return;
    }
    // Messages (and the credentials in our headers) go nowhere but the server we connected to.
    if (endpoint.origin !== this.url.origin) {
      this.#failStart(invalidEndpoint(data, `its origin ${endpoint.origin} is not ${this.url.origin}`));
      return;
    }
    this.#endpoint = endpoint;
    this.#state = 'open';
    const opening = this.#opening;
    this.#opening = undefined;
    if (opening !== undefined) this.#options.timers.clearTimeout(opening.timer);
    this.#inbound.start();
    opening?.resolve();
  }

  /** A start that cannot complete: everything is released, and start() rejects. */
  #failStart(error: TransportError): void {
    if (this.#state !== 'connecting') return;
    this.#state = 'closed';
    const opening = this.#opening;
    this.#opening = undefined;
    if (opening !== undefined) this.#options.timers.clearTimeout(opening.timer);
    this.#abort.abort(closedError());
    void this.#http.close().catch(() => {});
    opening?.reject(error);
  }

  /** The server ended the stream, or it broke: closed, `onclose` once (after the error, if any). */
  #remoteClosed(error: TransportError | undefined): void {
    if (this.#state !== 'open') return;
    this.#state = 'closed';
    if (error !== undefined) this.#inbound.fail(error);
    this.#abort.abort(closedError());
    void this.#http.close().catch(() => {});
    this.#inbound.closed();
  }

  async #shutdown(): Promise<void> {
    const was = this.#state;
    this.#state = 'closed';
    if (was === 'connecting') {
      const opening = this.#opening;
      this.#opening = undefined;
      if (opening !== undefined) this.#options.timers.clearTimeout(opening.timer);
      opening?.reject(closedError());
    }
    this.#abort.abort(closedError());
    try {
      await this.#http.close();
    } catch {
      // Connections that fail to close are gone anyway.
    } finally {
      // Fired even when start() never ran or failed: nobody else will.
      this.#inbound.flushClose();
    }
  }
}

function invalidEndpoint(data: string, why: string): TransportError {
  return new TransportError(TransportErrorCode.InvalidMessage, `Refused the endpoint event: ${why}`, {
    excerpt: excerptOf(data),
  });
}

function lowerCased(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers !== undefined)
    for (const name of Object.keys(headers)) out[name.toLowerCase()] = headers[name] as string;
  return out;
}

/** The transport over an HTTP stack an entry's factory chose (undici in the Node entry). */
export function sseClientTransportOver(
  options: SseClientTransportOptions,
  http: SseHttp,
): SseClientTransport {
  // The second constructor parameter is not public: users pick their I/O through `fetch`.
  const Construct = SseClientTransport as unknown as new (
    options: SseClientTransportOptions,
    http: SseHttp,
  ) => SseClientTransport;
  return new Construct(options, http);
}
