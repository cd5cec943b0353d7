/**
 * What the connection core needs of a WebSocket, whichever implementation it is (`ws` in Node, the
 * native one in browsers), and what a socket reports back to the core.
 */

/** Events a socket hands to the connection core. */
export interface PortSink {
  /** A text frame. */
  text(data: string): void;
  /** A binary frame (refused: MCP travels in text frames). */
  binary(): void;
  /** A pong: proof that the peer is alive. */
  pong(): void;
  /** A socket-level failure; the socket closes after it by itself. */
  error(cause: unknown): void;
  /** The socket closed, with the code and reason received (1006 when none). */
  closed(code: number, reason: string): void;
}

/** One open WebSocket, as the connection core drives it. */
export interface SocketPort {
  /** Bytes queued by the socket and not yet handed to the OS. */
  readonly bufferedAmount: number;
  /** True when `send`'s callback runs once the frame was written (Node); false means poll `bufferedAmount`. */
  readonly flushEvents: boolean;
  /** True when the socket itself refuses frames over the size limit (`ws` maxPayload). */
  readonly enforcesMaxPayload: boolean;
  /** True when the runtime can send pings (not browsers). */
  readonly canPing: boolean;
  /** Sends one text frame; throws when the socket is no longer open. `flushed` runs once it was written. */
  send(text: string, flushed: (() => void) | undefined): void;
  ping(): void;
  /** Stops reading frames (Node; browsers cannot). */
  pause(): void;
  resume(): void;
  /** Starts the closing handshake. */
  close(code: number, reason: string): void;
  /** Drops the connection without waiting for the peer (browsers: a plain close). */
  terminate(): void;
  /** Starts handing events to `sink`; events that came earlier are handed over first. */
  listen(sink: PortSink): void;
}

/**
 * Holds a port's events until its sink exists: a socket may deliver a frame between `open` and the
 * moment the transport is built around it, and a frame is never dropped.
 */
export class EarlyEvents {
  #queue: ((sink: PortSink) => void)[] | undefined = [];
  #sink: PortSink | undefined;

  /** Runs `event` on the sink now, or once there is one. */
  emit(event: (sink: PortSink) => void): void {
    const sink = this.#sink;
    if (sink !== undefined) event(sink);
    else this.#queue?.push(event);
  }

  /** Sets the sink and replays what waited, in order. */
  listen(sink: PortSink): void {
    const queue = this.#queue ?? [];
    this.#queue = undefined;
    this.#sink = sink;
    for (const event of queue) event(sink);
  }
}

/** Bytes of `text` in UTF-8, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** True when `text` is longer than `limit` bytes in UTF-8; counts only when the length cannot tell. */
export function exceedsBytes(text: string, limit: number): boolean {
  // A UTF-16 unit is 1 to 3 bytes, a surrogate pair 4: the length bounds the byte count both ways.
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8Length(text) > limit;
}
