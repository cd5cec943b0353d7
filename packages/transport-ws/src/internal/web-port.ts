/**
 * The socket port over a WHATWG WebSocket (browsers, Deno, Bun, Node 22's global): no write callbacks
 * (the core polls `bufferedAmount`), no pings, and the size limit checked on each text received.
 */
import type { WebSocketLike } from '../web-socket-types.js';
import { EarlyEvents, type PortSink, type SocketPort } from './port.js';

const OPEN = 1;

/** Browsers accept only 1000 and 3000–4999 from script; other codes are sent as 1000 with the reason. */
function sendableCode(code: number): number {
  return code === 1000 || (code >= 3000 && code <= 4999) ? code : 1000;
}

export class WebPort implements SocketPort {
  readonly flushEvents = false;
  readonly enforcesMaxPayload = false;
  readonly canPing = false;
  readonly #socket: WebSocketLike;
  readonly #events = new EarlyEvents();

  constructor(socket: WebSocketLike) {
    this.#socket = socket;
    // Binary frames are refused anyway: an ArrayBuffer is cheaper to refuse than a Blob.
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('message', (event) => {
      const data = (event as { data: unknown }).data;
      if (typeof data === 'string') this.#events.emit((sink) => sink.text(data));
      else this.#events.emit((sink) => sink.binary());
    });
    socket.addEventListener('close', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      this.#events.emit((sink) => sink.closed(code, reason));
    });
    // A browser's 'error' event says nothing (the 'close' that follows carries the code), but an
    // EventEmitter-based WebSocket (`ws`) throws an 'error' nobody listens to.
    socket.addEventListener('error', () => {});
  }

  get bufferedAmount(): number {
    return this.#socket.bufferedAmount;
  }

  send(text: string): void {
    if (this.#socket.readyState !== OPEN) throw new Error('The WebSocket is closing');
    this.#socket.send(text);
  }

  ping(): void {}

  pause(): void {}

  resume(): void {}

  close(code: number, reason: string): void {
    this.#socket.close(sendableCode(code), reason);
  }

  terminate(): void {
    if (this.#socket.readyState <= OPEN) this.#socket.close(1000, 'dropped');
  }

  listen(sink: PortSink): void {
    this.#events.listen(sink);
  }
}
