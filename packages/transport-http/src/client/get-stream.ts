/**
 * The legacy GET stream (2025-11-25 "Listening for Messages from the Server"): server requests and
 * notifications outside any POST. Reopened whenever it ends, after the server's `retry`, resuming
 * from the last event id; a 405 means the server offers none, which is fine.
 */
import { TransportError } from '@mcpwire/protocol-core';
import { readSse } from './body.js';
import { httpStatusError, streamEnded } from './failures.js';
import { sleep } from './flight.js';
import type { ChannelHost } from './host.js';
import { type HttpResponse, mediaTypeOf } from './http.js';
import { reconnectDelay } from './options.js';

/** Opens the GET request, resuming after `lastEventId` when given. */
export type StreamOpener = (lastEventId: string | undefined, signal: AbortSignal) => Promise<HttpResponse>;

const ABOUT = { method: 'GET' } as const;

/** One standalone GET stream, kept open until stopped. */
export class GetStream {
  readonly #host: ChannelHost;
  readonly #open: StreamOpener;
  readonly #deliver: (data: string) => void;
  #controller: AbortController | undefined = undefined;
  #lastEventId: string | undefined = undefined;
  #retryMs: number | undefined = undefined;

  constructor(host: ChannelHost, open: StreamOpener, deliver: (data: string) => void) {
    this.#host = host;
    this.#open = open;
    this.#deliver = deliver;
  }

  /** True between start() and stop(), also while it waits to reconnect or after the server refused it. */
  get wanted(): boolean {
    return this.#controller !== undefined;
  }

  /** Opens the stream unless it is already wanted. */
  start(): void {
    if (this.#controller !== undefined || this.#host.closeSignal.aborted) return;
    const controller = new AbortController();
    this.#controller = controller;
    const onClose = (): void => controller.abort();
    this.#host.closeSignal.addEventListener('abort', onClose, { once: true });
    void this.#run(controller.signal).finally(() =>
      this.#host.closeSignal.removeEventListener('abort', onClose),
    );
  }

  /** Closes the stream and forgets where it was: a new session starts a new stream. */
  stop(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    this.#lastEventId = undefined;
    this.#retryMs = undefined;
  }

  async #run(signal: AbortSignal): Promise<void> {
    const { options } = this.#host;
    let failures = 0;
    for (let first = true; !signal.aborted; first = false) {
      if (!first) {
        try {
          await sleep(options.timers, reconnectDelay(options, failures, this.#retryMs), signal);
        } catch {
          return;
        }
      }
      const response = await this.#connect(signal);
      if (response === 'stop') return;
      if (response === 'failed') {
        failures++;
        if (failures > options.maxAttempts) {
          this.#host.report(
            streamEnded(ABOUT, `${failures} attempt(s) to open it failed (reconnect.maxAttempts)`),
          );
          return;
        }
        continue;
      }
      failures = 0;
      try {
        await readSse(response, options.maxMessageBytes, ABOUT, {
          onEvent: (event) => {
            if (event.id !== undefined) this.#lastEventId = event.id;
            if (event.event === undefined || event.event === 'message') this.#deliver(event.data);
            return signal.aborted ? true : undefined;
          },
          onRetry: (ms) => {
            this.#retryMs = ms;
          },
        });
      } catch (error) {
        if (signal.aborted) return;
        // An event over the limit is reported; the stream is reopened like any broken one.
        if (error instanceof TransportError) this.#host.report(error);
      }
    }
  }

  /** Opens one GET: a stream, `failed` (retry), or `stop` (405, 404, aborted). */
  async #connect(signal: AbortSignal): Promise<HttpResponse | 'failed' | 'stop'> {
    let response: HttpResponse;
    try {
      response = await this.#open(this.#lastEventId, signal);
    } catch {
      return signal.aborted ? 'stop' : 'failed';
    }
    const status = response.status;
    if (
      status >= 200 &&
      status < 300 &&
      mediaTypeOf(response.headers.get('content-type')) === 'text/event-stream'
    ) {
      return response;
    }
    response.cancel();
    // 405: no GET stream on this server. 404: the session is gone; the next POST starts a new one,
    // which reopens this stream.
    if (status === 405 || status === 404) return 'stop';
    this.#host.report(httpStatusError(status, ABOUT, undefined));
    return 'failed';
  }
}
