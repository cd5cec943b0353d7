/**
 * The 2026-07-28 side of the client: every request is its own POST carrying the request metadata
 * headers; the answer is one JSON object or an SSE stream of related notifications ending with it.
 * A stream that breaks first is re-issued as a new POST. The first modern request also detects the
 * era: a 4xx without a recognized modern error means a legacy server.
 */
import {
  ErrorCode,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type JSONRPCResponse,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import { excerptOf, parseFrame } from '@mcpwire/protocol-core/transport-kit';
import { type Abort, httpRequest } from './abort-source.js';
import { readBoundedText, readErrorText, readSse } from './body.js';
import { eraCacheKey } from './era-cache.js';
import {
  type About,
  abortError,
  httpStatusError,
  invalidResponse,
  isModernError,
  jsonRpcErrorOf,
  legacyAnswer,
  meansLegacyStatus,
  networkError,
  streamEnded,
  withId,
} from './failures.js';
import { type Flight, sleep } from './flight.js';
import type { ChannelHost } from './host.js';
import { type HttpResponse, mediaTypeOf } from './http.js';
import { reconnectDelay } from './options.js';
import { modernPostHeaders } from './request-headers.js';

/** Pages of `tools/list` read at most when re-listing after a HeaderMismatch. */
const MAX_RELIST_PAGES = 10;

/** Where the messages of one exchange other than its response go. */
type NotificationSink = (message: JSONRPCMessage) => void;

function isResponse(message: JSONRPCMessage): message is JSONRPCResponse {
  return !('method' in message);
}

/** Sends modern requests for one transport. */
export class ModernChannel {
  readonly #host: ChannelHost;
  readonly #cacheKey: string;
  /** Set once a modern request got a modern answer: later 4xx no longer mean "legacy". */
  #confirmed = false;
  #internalIds = 0;

  constructor(host: ChannelHost) {
    this.#host = host;
    this.#cacheKey = eraCacheKey(host.options.url);
  }

  /** Sends one request and hands its response (and the notifications before it) to the host. */
  async send(request: JSONRPCRequest, version: string, flight: Flight): Promise<void> {
    const cache = this.#host.options.eraCache;
    if (
      request.method === 'server/discover' &&
      !this.#confirmed &&
      cache?.get(this.#cacheKey) !== undefined
    ) {
      // An endpoint known to be legacy answers the probe at once, without a round trip.
      this.#host.receive(legacyAnswer(request.id, undefined));
      return;
    }
    const sink: NotificationSink = (message) => this.#host.receive(message);
    let response = await this.#exchange(request, version, flight.source, flight.about, sink);
    if (
      request.method === 'tools/call' &&
      'error' in response &&
      response.error.code === ErrorCode.HeaderMismatch &&
      (await this.#relist(request, version, flight))
    ) {
      // The spec's SHOULD: the tool's annotations may have changed; retry once with fresh headers.
      response = await this.#exchange(request, version, flight.source, flight.about, sink);
    }
    this.#host.receive(response);
  }

  /** POSTs one request until it has a response: re-issued when its stream breaks first. */
  async #exchange(
    request: JSONRPCRequest,
    version: string,
    signal: Abort,
    about: About,
    sink: NotificationSink,
  ): Promise<JSONRPCResponse> {
    const { options, http } = this.#host;
    const body = JSON.stringify(request);
    let reissues = 0;
    let retryMs: number | undefined;
    for (;;) {
      const base = this.#host.callerHeaders();
      const headers = modernPostHeaders(
        base instanceof Promise ? await base : base,
        request,
        version,
        this.#host.tools,
      );
      let response: HttpResponse;
      try {
        response = await http(options.url, httpRequest('POST', headers, body, signal));
      } catch (error) {
        throw signal.aborted ? abortError(signal, about) : networkError(about, error);
      }
      if (response.status < 200 || response.status >= 300) return this.#errorStatus(response, request, about);
      const type = mediaTypeOf(response.headers.get('content-type'));
      if (type === 'application/json') return this.#jsonBody(response, request, signal, about);
      if (type !== 'text/event-stream') {
        response.cancel();
        throw invalidResponse(
          about,
          `HTTP ${response.status} with ${type || 'no'} content, not JSON nor SSE`,
          response.status,
        );
      }
      let answer: JSONRPCResponse | undefined;
      let delivered = false;
      let broken: unknown;
      try {
        await readSse(response, options.maxMessageBytes, about, {
          onEvent: (event) => {
            const message = this.#eventMessage(event.event, event.data, about);
            if (message === undefined) return undefined;
            if (isResponse(message)) {
              answer = this.#ownResponse(message, request, about);
              return true;
            }
            delivered = true;
            sink(message);
            return undefined;
          },
          onRetry: (ms) => {
            retryMs = ms;
          },
        });
      } catch (error) {
        if (signal.aborted) throw abortError(signal, about);
        // An event over the limit ends the request; anything else is a broken stream.
        if (error instanceof TransportError) throw error;
        broken = error;
      }
      if (answer !== undefined) {
        this.#confirm();
        return answer;
      }
      // A subscription that delivered something was working: its breaks do not add up.
      if (delivered && request.method === 'subscriptions/listen') reissues = 0;
      if (reissues >= options.maxReissues) {
        throw streamEnded(about, `gave up after ${reissues} re-issue(s) (maxReissues)`, broken);
      }
      try {
        await sleep(options.timers, reconnectDelay(options, reissues, retryMs), signal);
      } catch {
        throw abortError(signal, about);
      }
      reissues++;
    }
  }

  async #jsonBody(
    response: HttpResponse,
    request: JSONRPCRequest,
    signal: Abort,
    about: About,
  ): Promise<JSONRPCResponse> {
    let text: string;
    try {
      text = await readBoundedText(response, this.#host.options.maxMessageBytes, about);
    } catch (error) {
      if (signal.aborted) throw abortError(signal, about);
      throw error instanceof TransportError ? error : networkError(about, error);
    }
    const frame = parseFrame(text);
    const message = frame.messages[0];
    if (message === undefined || !isResponse(message)) {
      const why = frame.errors[0]?.message ?? 'the body is not a JSON-RPC response';
      throw invalidResponse(about, why, response.status);
    }
    this.#confirm();
    return this.#ownResponse(message, request, about);
  }

  /** A response on this request's own POST answers it; a result for another id is a server bug. */
  #ownResponse(message: JSONRPCResponse, request: JSONRPCRequest, about: About): JSONRPCResponse {
    if (message.id === request.id) return message;
    if ('error' in message && (message.id === null || message.id === undefined))
      return withId(message, request.id);
    throw invalidResponse(about, `the response answers id ${JSON.stringify(message.id)}`);
  }

  async #errorStatus(
    response: HttpResponse,
    request: JSONRPCRequest,
    about: About,
  ): Promise<JSONRPCResponse> {
    const status = response.status;
    const text = await readErrorText(response, this.#host.options.maxMessageBytes);
    const error = jsonRpcErrorOf(text);
    if (error !== undefined && isModernError(error, status)) {
      this.#confirm();
      return withId(error, request.id);
    }
    if (!this.#confirmed && meansLegacyStatus(status)) {
      this.#host.options.eraCache?.set(this.#cacheKey, 'legacy');
      return legacyAnswer(request.id, status);
    }
    if (error !== undefined) return withId(error, request.id);
    throw httpStatusError(status, about, text === undefined ? undefined : excerptOf(text));
  }

  /** The JSON-RPC message of one SSE event; undefined for priming events and other event types. */
  #eventMessage(type: string | undefined, data: string, about: About): JSONRPCMessage | undefined {
    if ((type !== undefined && type !== 'message') || data.length === 0) return undefined;
    const frame = parseFrame(data);
    for (const error of frame.errors) {
      this.#host.report(
        new TransportError(
          error.code === ErrorCode.ParseError ? TransportErrorCode.Parse : TransportErrorCode.InvalidMessage,
          `SSE event on the stream of ${about.method ?? 'a request'}: ${error.message}`,
          { ...about, excerpt: excerptOf(data) },
        ),
      );
    }
    const message = frame.messages[0];
    if (message !== undefined && 'method' in message && 'id' in message) {
      // 2026-07-28 servers must not send requests: input goes through InputRequiredResult instead.
      this.#host.report(
        invalidResponse(about, `the server sent a "${message.method}" request on a response stream`),
      );
      return undefined;
    }
    return message;
  }

  #confirm(): void {
    if (this.#confirmed) return;
    this.#confirmed = true;
    // A server remembered as legacy answers modern requests now: forget it.
    this.#host.options.eraCache?.delete(this.#cacheKey);
  }

  /** Lists tools again (paged) to learn changed annotations; true when the called tool was listed. */
  async #relist(call: JSONRPCRequest, version: string, flight: Flight): Promise<boolean> {
    const name = call.params?.['name'];
    const meta = call.params?.['_meta'];
    let cursor: unknown;
    let found = false;
    for (let page = 0; page < MAX_RELIST_PAGES && !found; page++) {
      const params: Record<string, unknown> = { _meta: meta };
      if (typeof cursor === 'string') params['cursor'] = cursor;
      const list: JSONRPCRequest = {
        jsonrpc: '2.0',
        id: `mcpwire-relist-${++this.#internalIds}`,
        method: 'tools/list',
        params,
      };
      let response: JSONRPCResponse;
      try {
        // Its notifications concern no request of the caller's: dropped.
        response = await this.#exchange(list, version, flight.source, flight.about, () => {});
      } catch (error) {
        if (flight.source.aborted) throw error;
        return false;
      }
      if (!('result' in response)) return false;
      const result = this.#host.tools.filterListResult(response.result, () => {});
      const tools = result['tools'];
      found = Array.isArray(tools) && tools.some((tool) => (tool as { name?: unknown }).name === name);
      cursor = response.result['nextCursor'];
      if (typeof cursor !== 'string') break;
    }
    return found;
  }
}
