/**
 * The exchange over the Fetch API: a `Request` in, a `Response` out (streamed through a
 * `ReadableStream` whose queue is bounded in bytes). Web APIs only: loads in browsers' service
 * workers, Cloudflare Workers, Deno, Bun, and Node's Web-standard frameworks (Hono).
 */
import type { BodyRead } from '@mcpwire/protocol-core/transport-kit';
import type { HttpExchange, ResponseHeaders, StreamSink, WriteState } from './exchange.js';
import { SinkLifecycle } from './exchange.js';

const TOO_LARGE: BodyRead = { kind: 'too-large' };
const ABORTED: BodyRead = { kind: 'aborted' };
const BAD_ENCODING: BodyRead = { kind: 'bad-encoding' };
const EMPTY: BodyRead = { kind: 'text', text: '' };
/** Bytes the stream queues before `write` reports `full` (the consumer is behind). */
const HIGH_WATER_MARK = 64 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const noop = (): void => {};

/** A streamed body over a byte-counted `ReadableStream` queue: `desiredSize` says how far behind the reader is. */
class WebStreamSink extends SinkLifecycle implements StreamSink {
  readonly readable: ReadableStream<Uint8Array>;
  #maxBuffered: number;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined = undefined;
  readonly #onClientGone: () => void;
  /** Ended by us (not cancelled, not overflowed). */
  ended = false;

  constructor(maxBuffered: number, onClientGone: () => void) {
    super();
    this.#maxBuffered = maxBuffered;
    this.#onClientGone = onClientGone;
    this.readable = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        pull: () => this.wake(),
        // The runtime cancels the body when the client disconnects or stops reading.
        cancel: () => {
          if (this.stopped) return;
          this.stop('client');
          this.#onClientGone();
        },
      },
      { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
    );
  }

  get bufferedBytes(): number {
    return this.stopped ? 0 : HIGH_WATER_MARK - (this.#controller!.desiredSize ?? HIGH_WATER_MARK);
  }

  write(chunk: string, replay?: boolean): WriteState {
    if (this.stopped) return 'closed';
    const controller = this.#controller!;
    const bytes = encoder.encode(chunk);
    if (replay === true) this.#maxBuffered += bytes.byteLength;
    // Checked before the enqueue, as on Node: a message larger than the cap still reaches a reader.
    if (HIGH_WATER_MARK - (controller.desiredSize ?? 0) > this.#maxBuffered) {
      this.stop('overflow');
      // Closed, not errored: what is queued (at most the cap plus one message) still reaches a client
      // that reads late, so every event id it sees was delivered, and a resume from the last one loses nothing.
      controller.close();
      return 'overflow';
    }
    controller.enqueue(bytes);
    return (controller.desiredSize ?? 0) > 0 ? 'ok' : 'full';
  }

  drained(): Promise<void> {
    return this.waitUnless((this.#controller!.desiredSize ?? 1) > 0);
  }

  end(chunk?: string): WriteState {
    if (this.stopped) return 'closed';
    if (chunk !== undefined) {
      const state = this.write(chunk);
      if (state === 'overflow') return state;
    }
    this.ended = true;
    this.stop('ended');
    this.#controller!.close();
    return 'ok';
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** One `Request`; `response` settles with the `Response` once the core answered or opened a stream. */
export class WebExchange implements HttpExchange {
  readonly method: string;
  readonly url: string;
  readonly response: Promise<Response>;
  readonly #request: Request;
  #resolve: ((response: Response) => void) | undefined = undefined;
  #responded = false;
  extraHeaders: ResponseHeaders | undefined = undefined;
  /** A Fetch `Request` carries no socket: per-connection limits do not apply here. */
  readonly connection: object | undefined = undefined;
  #aborted = false;
  #abortListeners: (() => void)[] | undefined = undefined;
  #sink: WebStreamSink | undefined = undefined;

  constructor(request: Request) {
    this.#request = request;
    this.method = request.method.toUpperCase();
    this.url = request.url;
    this.response = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  /** A Fetch `Request` carries no socket: anonymous clients have no per-address caps here. */
  get remoteAddress(): string | undefined {
    return undefined;
  }

  /** Server runtimes build `request.url` from the Host header, so it stands in when the header is absent. */
  get host(): string | undefined {
    return this.#request.headers.get('host') ?? hostOf(this.#request.url);
  }

  get responded(): boolean {
    return this.#responded;
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  header(name: string): string | undefined {
    return this.#request.headers.get(name) ?? undefined;
  }

  headers(): Record<string, string | string[] | undefined> {
    const record: Record<string, string> = {};
    this.#request.headers.forEach((value, name) => {
      record[name] = value;
    });
    return record;
  }

  onAbort(listener: () => void): void {
    if (this.#abortListeners === undefined) {
      this.#abortListeners = [];
      // Runtimes that track the client connection (Deno, Bun, Node adapters) abort the request's signal.
      const signal = this.#request.signal as AbortSignal | undefined;
      if (signal?.aborted === true) queueMicrotask(() => this.#abort());
      else signal?.addEventListener('abort', () => this.#abort(), { once: true });
    }
    this.#abortListeners.push(listener);
  }

  async readBody(limit: number): Promise<BodyRead> {
    const declared = this.#request.headers.get('content-length');
    if (declared !== null && Number(declared) > limit) return TOO_LARGE;
    const body = this.#request.body;
    if (body === null) return EMPTY;
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          reader.cancel().then(noop, noop);
          return TOO_LARGE;
        }
        chunks.push(value);
      }
    } catch {
      return ABORTED;
    }
    let bytes: Uint8Array;
    if (chunks.length === 1) bytes = chunks[0]!;
    else {
      bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
    }
    try {
      return { kind: 'text', text: decoder.decode(bytes) };
    } catch {
      return BAD_ENCODING;
    }
  }

  respond(status: number, headers: ResponseHeaders, body?: string): void {
    if (this.#responded) return;
    this.#responded = true;
    // A copy, never the shared frozen header sets: a runtime may add to the object it is given
    // (@hono/node-server's Response adds Content-Length, and threw on a frozen one).
    const all = { ...headers, ...this.extraHeaders };
    this.#resolve!(new Response(body ?? null, { status, headers: all }));
  }

  openStream(headers: ResponseHeaders, maxBufferedBytes: number): StreamSink {
    this.#responded = true;
    // A cancelled body is the Web runtimes' way of saying the client left.
    const sink = new WebStreamSink(maxBufferedBytes, () => this.#abort());
    this.#sink = sink;
    const all = { ...headers, ...this.extraHeaders };
    this.#resolve!(new Response(sink.readable, { status: 200, headers: all }));
    return sink;
  }

  /** Once a complete response was handed over, or a stream ended, a late abort changes nothing. */
  #abort(): void {
    if (this.#aborted) return;
    if (this.#sink === undefined ? this.#responded : this.#sink.ended) return;
    this.#aborted = true;
    const listeners = this.#abortListeners;
    this.#abortListeners = undefined;
    if (listeners !== undefined) for (const listener of listeners) listener();
  }
}
