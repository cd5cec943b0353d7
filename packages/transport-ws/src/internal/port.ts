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
