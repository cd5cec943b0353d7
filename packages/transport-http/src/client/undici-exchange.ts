/**
 * One request dispatched to undici with a handler of our own, instead of `Dispatcher.request`. The
 * request API builds, per call, an AsyncResource, a Readable body stream and the promises that
 * consume it; a busy client paid more for them than for its JSON. Here the response is this object:
 * the body is a queue of the chunks undici hands over, read either whole (`text`, bounded) or as an
 * async iterable (SSE), with backpressure. Node entry only (through undici-http.ts).
 *
 * The handler speaks both of undici's handler interfaces: `onConnect`/`onHeaders`/`onData`/... is
 * what undici 6 calls (Node's bundled undici, which owns the global dispatcher once `fetch` ran),
 * and `onRequestStart`/`onResponseStart`/... what undici 7 (through its adapter) and 8 call.
 */
import type { AbortSourceLike, HttpResponse } from './http.js';

/** Bytes queued unread before undici is asked to stop reading the socket. */
const HIGH_WATER_BYTES = 64 * 1024;

type HeaderValue = string | string[] | undefined;

/** What undici 7+ hands the new-style callbacks: enough to pause, resume and abort. */
interface DispatchController {
  abort(reason: Error): void;
  pause(): void;
  resume(): void;
}

/** Response headers by lower-case name, as undici parses them. */
class HeaderView {
  readonly #record: Record<string, HeaderValue>;

  constructor(record: Record<string, HeaderValue>) {
    this.#record = record;
  }

  get(name: string): string | null {
    const value = this.#record[name.toLowerCase()];
    if (value === undefined) return null;
    return typeof value === 'string' ? value : value.join(', ');
  }
}

/** The headers of a response that has none yet. */
const NO_HEADERS = new HeaderView({});

/** undici 6's raw headers: `[name, value, name, value, ...]` as Buffers (or strings). */
function parseRawHeaders(raw: readonly (Buffer | string)[]): Record<string, HeaderValue> {
  const record: Record<string, HeaderValue> = Object.create(null) as Record<string, HeaderValue>;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    const seen = record[name];
    record[name] = seen === undefined ? value : typeof seen === 'string' ? [seen, value] : [...seen, value];
  }
  return record;
}

/** UTF-8 text without a leading byte order mark, as TextDecoder and fetch's text() decode it. */
function utf8Of(chunks: readonly Buffer[], total: number): string {
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function cancelled(): Error {
  return new Error('The response body was cancelled before its end');
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** A request in flight and, once its headers came, its response. */
export class UndiciExchange implements HttpResponse, AsyncIterable<Uint8Array>, AsyncIterator<Uint8Array> {
  status = 0;
  headers: HttpResponse['headers'] = NO_HEADERS;
  readonly body: AsyncIterable<Uint8Array> = this;
  readonly #source: AbortSourceLike | undefined;
  readonly #started: Waiter<HttpResponse>;
  #abortFn: ((reason: Error) => void) | undefined = undefined;
  #controller: DispatchController | undefined = undefined;
  #resumeFn: (() => void) | undefined = undefined;
  #headersSeen = false;
  #chunks: Buffer[] = [];
  #queued = 0;
  #paused = false;
  #ended = false;
  #failed = false;
  #error: unknown = undefined;
  #reader: Waiter<IteratorResult<Uint8Array>> | undefined = undefined;
  #textLimit = -1;
  #text: Waiter<string | undefined> | undefined = undefined;

  constructor(source: AbortSourceLike | undefined, started: Waiter<HttpResponse>) {
    this.#source = source;
    this.#started = started;
    if (source !== undefined) {
      if (source.aborted) this.#fail(source.reason);
      else source.addEventListener('abort', this.#onAbort);
    }
  }

  // --- HttpResponse

  cancel(): void {
    if (!this.#ended && !this.#failed) this.#abort(cancelled());
    // Nobody reads what was queued: let it go now rather than with the response.
    this.#chunks = [];
    this.#queued = 0;
  }

  text(limit: number): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      this.#textLimit = limit;
      this.#text = { resolve, reject };
      if (this.#queued > limit) this.#overLimit();
      else if (this.#ended) this.#settleText();
      else if (this.#failed) this.#rejectText();
      else this.#setPaused(false);
    });
  }

  // --- AsyncIterable (SSE bodies)

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return this;
  }

  next(): Promise<IteratorResult<Uint8Array>> {
    const chunk = this.#chunks.shift();
    if (chunk !== undefined) {
      this.#queued -= chunk.length;
      if (this.#queued < HIGH_WATER_BYTES / 2) this.#setPaused(false);
      return Promise.resolve({ done: false, value: chunk });
    }
    // What arrived before a failure was read first, as a socket reader sees it.
    if (this.#failed) return Promise.reject(this.#error);
    if (this.#ended) return Promise.resolve({ done: true, value: undefined });
    this.#setPaused(false);
    return new Promise((resolve, reject) => {
      this.#reader = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<Uint8Array>> {
    // A reader that stops early (a limit, an answer found) does not want the rest.
    this.cancel();
    return Promise.resolve({ done: true, value: undefined });
  }

  // --- undici 6 handler

  onConnect(abort: (reason: Error) => void): void {
    if (this.#failed) abort(this.#error as Error);
    else this.#abortFn = abort;
  }

  onHeaders(status: number, rawHeaders: (Buffer | string)[], resume: () => void): boolean {
    if (status < 200) return true;
    this.#resumeFn = resume;
    this.#start(status, parseRawHeaders(rawHeaders));
    return !this.#paused;
  }

  onData(chunk: Buffer): boolean {
    return this.#data(chunk);
  }

  onComplete(): void {
    this.#end();
  }

  onError(error: Error): void {
    this.#fail(error);
  }

  // --- undici 7+ handler

  onRequestStart(controller: DispatchController): void {
    if (this.#failed) controller.abort(this.#error as Error);
    else this.#controller = controller;
  }

  onResponseStart(
    controller: DispatchController,
    status: number,
    headers: Record<string, HeaderValue>,
  ): void {
    if (status < 200) return;
    this.#controller = controller;
    this.#start(status, headers);
    if (this.#paused) controller.pause();
  }

  onResponseData(controller: DispatchController, chunk: Buffer): void {
    if (!this.#data(chunk)) controller.pause();
  }

  onResponseEnd(): void {
    this.#end();
  }

  onResponseError(_controller: unknown, error: Error): void {
    this.#fail(error);
  }

  // --- internals

  readonly #onAbort = (): void => {
    const reason = this.#source!.reason as Error;
    this.#abort(reason);
  };

  #abort(reason: Error): void {
    if (this.#controller !== undefined) this.#controller.abort(reason);
    else this.#abortFn?.(reason);
    // Not connected yet: undici aborts it at onConnect; the caller learns now.
    this.#fail(reason);
  }

  #start(status: number, headers: Record<string, HeaderValue>): void {
    if (this.#failed) return;
    this.#headersSeen = true;
    this.status = status;
    this.headers = new HeaderView(headers);
    this.#started.resolve(this);
  }

  /** Queues a chunk; false asks undici to pause. */
  #data(chunk: Buffer): boolean {
    if (this.#failed) return false;
    const reader = this.#reader;
    if (reader !== undefined && this.#chunks.length === 0) {
      this.#reader = undefined;
      reader.resolve({ done: false, value: chunk });
      return true;
    }
    this.#chunks.push(chunk);
    this.#queued += chunk.length;
    if (this.#text !== undefined) {
      if (this.#queued > this.#textLimit) {
        this.#overLimit();
        return false;
      }
      return true;
    }
    if (this.#queued >= HIGH_WATER_BYTES) this.#paused = true;
    return !this.#paused;
  }

  #end(): void {
    if (this.#failed || this.#ended) return;
    this.#ended = true;
    this.#detach();
    if (this.#text !== undefined) this.#settleText();
    const reader = this.#reader;
    this.#reader = undefined;
    reader?.resolve({ done: true, value: undefined });
  }

  #fail(error: unknown): void {
    if (this.#failed || this.#ended) return;
    this.#failed = true;
    this.#error = error;
    this.#detach();
    if (!this.#headersSeen) {
      this.#started.reject(error);
      return;
    }
    if (this.#text !== undefined) this.#rejectText();
    const reader = this.#reader;
    this.#reader = undefined;
    reader?.reject(error);
  }

  #detach(): void {
    this.#source?.removeEventListener('abort', this.#onAbort);
  }

  /** More than the text limit arrived: undefined to the reader, the rest never read. */
  #overLimit(): void {
    const text = this.#text!;
    this.#text = undefined;
    this.#chunks = [];
    this.#queued = 0;
    this.cancel();
    text.resolve(undefined);
  }

  #settleText(): void {
    const text = this.#text!;
    this.#text = undefined;
    const chunks = this.#chunks;
    this.#chunks = [];
    const total = this.#queued;
    this.#queued = 0;
    text.resolve(total === 0 ? '' : utf8Of(chunks, total));
  }

  #rejectText(): void {
    const text = this.#text!;
    this.#text = undefined;
    text.reject(this.#error);
  }

  #setPaused(paused: boolean): void {
    if (this.#paused === paused) return;
    this.#paused = paused;
    if (paused) return;
    if (this.#controller !== undefined) this.#controller.resume();
    else this.#resumeFn?.();
  }
}
