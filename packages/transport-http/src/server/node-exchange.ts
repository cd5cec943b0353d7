/**
 * The exchange over Node's `IncomingMessage` / `ServerResponse`, used as they are: headers read from
 * `req.headers`, the body collected as Buffers, responses written with `writeHead`/`write`/`end`. No
 * Web `Request`/`Response` is built per call (that conversion is most of the per-call cost of the
 * official SDK's Node adapter). Node-only: exported through `src/index.ts`, never `src/fetch.ts`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type BodyRead, headerValue } from '@mcpwire/protocol-core/transport-kit';
import { readNodeBody } from '@mcpwire/protocol-core/transport-kit/node';
import type { HttpExchange, ResponseHeaders, StreamSink, WriteState } from './exchange.js';
import { SinkLifecycle } from './exchange.js';

const noop = (): void => {};

/** Flat `[name, value, ...]` lists of frozen header sets (the constant ones), made once each. */
const flatLists = new WeakMap<ResponseHeaders, string[]>();

/** Headers as the flat list `writeHead` takes fastest (no own-property walk per response). */
function flatHeaders(headers: ResponseHeaders): string[] {
  const cached = flatLists.get(headers);
  if (cached !== undefined) return cached;
  const list: string[] = [];
  for (const name of Object.keys(headers)) list.push(name, headers[name] as string);
  if (Object.isFrozen(headers)) flatLists.set(headers, list);
  return list;
}

/** A streamed response body over `res.write`, bounded by `res.writableLength`. */
class NodeStreamSink extends SinkLifecycle implements StreamSink {
  readonly #res: ServerResponse;
  #maxBuffered: number;

  constructor(res: ServerResponse, maxBuffered: number) {
    super();
    this.#res = res;
    this.#maxBuffered = maxBuffered;
    // 'close' also follows a normal end; only an unfinished response means the client left.
    res.on('close', () => this.stop(res.writableFinished ? 'ended' : 'client'));
    res.on('drain', () => this.wake());
    // Writes race with the client leaving; the 'close' above reports it, the error itself is noise.
    res.on('error', noop);
    // A client that left before the stream opened: its 'close' has fired already.
    if (res.destroyed) queueMicrotask(() => this.stop('client'));
  }

  get bufferedBytes(): number {
    return this.#res.writableLength;
  }

  write(chunk: string, replay?: boolean): WriteState {
    if (this.stopped) return 'closed';
    if (replay === true) this.#maxBuffered += Buffer.byteLength(chunk);
    // writableLength grows only once the socket stopped taking data: a client that does not read. It
    // is checked before the write, so one message larger than the cap still goes to a reading client
    // (at most the cap plus one message is ever held).
    if (this.#res.writableLength > this.#maxBuffered) {
      this.stop('overflow');
      this.#res.destroy();
      return 'overflow';
    }
    return this.#res.write(chunk) ? 'ok' : 'full';
  }

  drained(): Promise<void> {
    return this.waitUnless(!this.#res.writableNeedDrain);
  }

  end(chunk?: string): WriteState {
    if (this.stopped) return 'closed';
    // The same check as write(): the last chunk goes out with the end, in one write.
    if (chunk !== undefined && this.#res.writableLength > this.#maxBuffered) {
      this.stop('overflow');
      this.#res.destroy();
      return 'overflow';
    }
    this.stop('ended');
    this.#res.end(chunk);
    return 'ok';
  }
}

/** One Node request/response pair. `parsedBody` is what a framework's body parser produced, if any. */
export class NodeExchange implements HttpExchange {
  readonly method: string;
  readonly url: string;
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;
  readonly #parsedBody: unknown;
  readonly #hasParsedBody: boolean;
  #responded = false;
  extraHeaders: ResponseHeaders | undefined = undefined;

  constructor(req: IncomingMessage, res: ServerResponse, hasParsedBody: boolean, parsedBody: unknown) {
    this.#req = req;
    this.#res = res;
    this.method = req.method ?? 'GET';
    this.url = req.url ?? '/';
    this.#hasParsedBody = hasParsedBody;
    this.#parsedBody = parsedBody;
  }

  get host(): string | undefined {
    return this.#req.headers.host;
  }

  // Optional chaining: a request built by a framework or a test may come without a socket.
  get remoteAddress(): string | undefined {
    return this.#req.socket?.remoteAddress;
  }

  get connection(): object | undefined {
    return this.#req.socket ?? undefined;
  }

  get responded(): boolean {
    return this.#responded || this.#res.headersSent;
  }

  get aborted(): boolean {
    return this.#res.destroyed && !this.#res.writableFinished;
  }

  header(name: string): string | undefined {
    return headerValue(this.#req.headers, name);
  }

  headers(): Record<string, string | string[] | undefined> {
    return this.#req.headers;
  }

  onAbort(listener: () => void): void {
    // on, not once: 'close' is emitted once anyway, and once() wraps the listener per request.
    this.#res.on('close', () => {
      if (!this.#res.writableFinished) listener();
    });
  }

  readBody(limit: number): Promise<BodyRead> {
    if (this.#hasParsedBody) return Promise.resolve({ kind: 'parsed', value: this.#parsedBody });
    // Refused before a byte is read when too large: the 413 carries `Connection: close`.
    return readNodeBody(this.#req, limit);
  }

  respond(status: number, headers: ResponseHeaders, body?: string): void {
    if (this.responded) return;
    this.#responded = true;
    // The client left: nobody to answer, and writing to a destroyed response only raises errors.
    if (this.#res.destroyed) return;
    // Content-Length given here: after writeHead, end(body) would send the body chunked instead.
    let list =
      status === 204 || status === 304
        ? flatHeaders(headers)
        : flatHeaders(headers).concat(
            'content-length',
            String(body === undefined ? 0 : Buffer.byteLength(body)),
          );
    if (this.extraHeaders !== undefined) list = list.concat(flatHeaders(this.extraHeaders));
    this.#res.writeHead(status, list);
    this.#res.end(body);
  }

  openStream(headers: ResponseHeaders, maxBufferedBytes: number): StreamSink {
    this.#responded = true;
    const res = this.#res;
    res.writeHead(200, this.extraHeaders === undefined ? headers : { ...headers, ...this.extraHeaders });
    // The headers go with the first event written in this turn (a priming event, usually): one write
    // instead of two. A stream with nothing to say yet still opens at once, after this turn.
    queueMicrotask(() => {
      if (!res.headersSent && !res.destroyed) res.flushHeaders();
    });
    return new NodeStreamSink(res, maxBufferedBytes);
  }
}
