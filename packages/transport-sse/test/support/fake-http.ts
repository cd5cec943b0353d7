/**
 * A fake node:http request/response pair for the unit tests: the response records what is written and
 * models a socket that takes `socketBytes` and then nothing, so backpressure and the buffer cap can be
 * driven by hand (`drain()`, `leave()`) without real sockets or timing.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** A ServerResponse whose socket stops taking data after `socketBytes`. */
export class FakeResponse extends EventEmitter {
  statusCode = 0;
  headers: string[] = [];
  headersSent = false;
  writableFinished = false;
  destroyed = false;
  writableLength = 0;
  writableNeedDrain = false;
  written = '';
  readonly #socketBytes: number;
  readonly #highWaterMark: number;
  #taken = 0;

  constructor(socketBytes: number = Number.POSITIVE_INFINITY, highWaterMark: number = 16_384) {
    super();
    this.#socketBytes = socketBytes;
    this.#highWaterMark = highWaterMark;
  }

  writeHead(status: number, headers: string[]): this {
    this.statusCode = status;
    this.headers = headers;
    this.headersSent = true;
    return this;
  }

  write(chunk: string): boolean {
    const size = Buffer.byteLength(chunk);
    const room = Math.max(0, this.#socketBytes - this.#taken);
    const taken = Math.min(room, size);
    this.#taken += taken;
    this.writableLength += size - taken;
    this.written += chunk;
    this.writableNeedDrain = this.writableLength > this.#highWaterMark;
    return !this.writableNeedDrain;
  }

  end(chunk?: string): this {
    if (chunk !== undefined) this.written += chunk;
    this.headersSent = true;
    this.writableFinished = true;
    this.emit('finish');
    this.emit('close');
    return this;
  }

  destroy(): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.emit('close');
    return this;
  }

  /** The socket took everything buffered. */
  drain(): void {
    this.writableLength = 0;
    this.writableNeedDrain = false;
    this.emit('drain');
  }

  /** The client went away. */
  leave(): void {
    this.destroy();
  }

  /** The SSE events written so far (comments excluded), as `event`/`data` pairs. */
  events(): { event: string; data: string }[] {
    return this.written
      .split('\n\n')
      .filter((block) => block.startsWith('event:'))
      .map((block) => {
        const [event, data] = block.split('\n');
        return { event: event!.slice('event: '.length), data: data!.slice('data: '.length) };
      });
  }
}

/** A request with a body (or none), as node:http gives it. */
export function fakeRequest(
  method: string,
  url: string,
  body?: string,
  headers: Record<string, string> = {},
): IncomingMessage {
  const req = Readable.from(body === undefined ? [] : [Buffer.from(body)]) as unknown as IncomingMessage;
  Object.assign(req, {
    method,
    url,
    headers: {
      host: 'localhost',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
  });
  return req;
}

/** The fake as the handler's parameter type. */
export function asResponse(res: FakeResponse): ServerResponse {
  return res as unknown as ServerResponse;
}
