/**
 * The state machine of one open WebSocket, whichever side opened it and whichever implementation
 * carries it: open → closing → closed. Frames in, envelope checks, error answers, heartbeat,
 * backpressure, and the one `onclose`.
 */
import {
  type JSONRPCMessage,
  type MessageExtraInfo,
  type Transport,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import {
  type BatchFrameSink,
  BatchResponder,
  exceedsUtf8Bytes,
  InboundBuffer,
  serializeMessage,
} from '@mcpwire/protocol-core/transport-kit';
import { WebSocketCloseCode } from '../close-codes.js';
import type { ConnectionSettings } from '../connection-options.js';
import { closeCodeOfSocketError, closedError, closeError, socketError } from './errors.js';
import { Heartbeat } from './heartbeat.js';
import type { PortSink, SocketPort } from './port.js';

const RESOLVED: Promise<void> = Promise.resolve();
/** How often a socket without write callbacks (browsers) is polled while a send waits for drain. */
const DRAIN_POLL_MS = 10;
/** The longest WebSocket frame header: 2 bytes, 8 of extended length, 4 of mask. */
const MAX_FRAME_HEADER_BYTES = 14;

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

/** Options of {@link Connection} beyond the settings. */
export interface ConnectionHooks {
  /** Handed with every message (server side: the upgrade request and the principal). */
  extra?: MessageExtraInfo | undefined;
  /** Runs once, when the connection is closed for whatever reason (the server's bookkeeping). */
  finished?: (() => void) | undefined;
  /**
   * Stop reading the peer's frames while more than `highWaterMarkBytes` wait to be sent to it: a client
   * that does not read its answers cannot make the server do more work. Server side only: with both
   * sides pausing, each could wait for the other to read.
   */
  pauseReadsWhenBuffered?: boolean | undefined;
}

/**
 * The core every WebSocket transport delegates to. It owns an `InboundBuffer` whose callbacks are the
 * public transport's, so nothing is lost before `start()` and `onclose` fires once.
 */
export class Connection implements PortSink {
  readonly inbound: InboundBuffer;
  readonly #port: SocketPort;
  readonly #settings: ConnectionSettings;
  readonly #hooks: ConnectionHooks;
  #state: 'open' | 'closing' | 'closed' = 'open';
  #started = false;
  /** Set once an error that explains the end was reported: the close code then adds nothing. */
  #failed = false;
  /** Set by a local close(): no error for the close, and `onclose` fires even if never started. */
  #closeRequested = false;
  #waiters: Waiter[] = [];
  /** Frames received while reads are paused, handled once the peer drained its answers; else undefined. */
  #held: string[] | undefined;
  readonly #heartbeat: Heartbeat;
  /** Received batches (2024-11-05, 2025-03-26) whose answers are held until all are sent. */
  readonly #batches = new BatchResponder();
  #closeTimer: unknown;
  #pollTimer: unknown;
  #closeCode: number | undefined;
  #closeReason: string | undefined;
  readonly #closedPromise: Promise<void>;
  #resolveClosed!: () => void;

  constructor(owner: Transport, port: SocketPort, settings: ConnectionSettings, hooks: ConnectionHooks = {}) {
    this.inbound = new InboundBuffer(owner);
    this.#port = port;
    this.#settings = settings;
    this.#hooks = hooks;
    this.#closedPromise = new Promise<void>((resolve) => {
      this.#resolveClosed = resolve;
    });
    this.#heartbeat = new Heartbeat(port, settings.heartbeatIntervalMs, settings.timers, this.#missedPong);
    // Last: the port may replay events at once (a frame, even a close that came before we existed).
    port.listen(this);
  }

  get bufferedAmount(): number {
    return this.#state === 'closed' ? 0 : this.#port.bufferedAmount;
  }

  get closeCode(): number | undefined {
    return this.#closeCode;
  }

  get closeReason(): string | undefined {
    return this.#closeReason;
  }

  /** Records the negotiated revision: from it, a frame may hold a batch, answered with one array. */
  setProtocolVersion(version: string): void {
    this.#batches.setProtocolVersion(version);
  }

  start(): Promise<void> {
    try {
      // Flushes what arrived before start, and a close that happened meanwhile.
      this.inbound.start();
    } catch (error) {
      return Promise.reject(error);
    }
    this.#started = true;
    return RESOLVED;
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.#state !== 'open') return Promise.reject(closedError());
    if (!this.#started) {
      return Promise.reject(
        new TransportError(TransportErrorCode.NotStarted, 'Transport not started; call start() first'),
      );
    }
    let text = serializeMessage(message);
    if (text instanceof TransportError) return Promise.reject(text);
    const hold = this.#batches.hold(message);
    // An answer to a batched request waits for the others: the batch goes out as one frame.
    if (hold.kind === 'held') return RESOLVED;
    if (hold.kind === 'complete') text = JSON.stringify(hold.answers);
    try {
      this.#write(text);
    } catch (error) {
      return Promise.reject(closedError(error));
    }
    const buffered = this.#port.bufferedAmount;
    if (buffered <= this.#settings.highWaterMarkBytes) return RESOLVED;
    if (this.#hooks.pauseReadsWhenBuffered === true && this.#held === undefined) {
      this.#held = [];
      this.#port.pause();
    }
    if (buffered > this.#settings.maxBufferedBytes) {
      const limit = this.#settings.maxBufferedBytes;
      const error = new TransportError(
        TransportErrorCode.LimitExceeded,
        `The peer is not reading: ${buffered} bytes wait to be sent, more than maxBufferedBytes (${limit}); connection dropped (1008)`,
        { limit: { name: 'maxBufferedBytes', value: limit } },
      );
      // The peer reads nothing, so a closing handshake would only wait: the socket is destroyed.
      this.#abort(error, WebSocketCloseCode.PolicyViolation, 'peer not reading', true);
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
      if (!this.#port.flushEvents) this.#armPoll();
    });
  }

  /**
   * Hands one frame to the socket. A write callback costs a little on every message, so it is asked for
   * only when this frame may lift the buffer over the mark (UTF-8 takes at most 3 bytes per UTF-16
   * unit, the frame header at most 14): then the callback of the last such frame finds the buffer drained.
   */
  #write(text: string): void {
    const port = this.#port;
    const mayCross =
      port.bufferedAmount + text.length * 3 + MAX_FRAME_HEADER_BYTES > this.#settings.highWaterMarkBytes;
    port.send(text, mayCross ? this.#onFlushed : undefined);
  }

  /** Starts the closing handshake and resolves once the socket closed (or `closeTimeoutMs` passed). */
  close(code: number = WebSocketCloseCode.Normal, reason = ''): Promise<void> {
    this.#closeRequested = true;
    if (this.#state === 'closed') {
      // Nobody calls start() after a local close, so a pending onclose fires now.
      this.inbound.flushClose();
      return RESOLVED;
    }
    if (this.#state === 'open') this.#beginClose(code, reason);
    return this.#closedPromise;
  }

  // PortSink: what the socket reports.

  text(data: string): void {
    if (this.#state !== 'open') return;
    this.#heartbeat.alive();
    if (this.#held !== undefined) this.#held.push(data);
    else this.#handle(data);
  }

  binary(): void {
    if (this.#state !== 'open') return;
    const error = new TransportError(
      TransportErrorCode.InvalidMessage,
      'Binary frame refused: MCP over WebSocket carries one JSON-RPC message per text frame; closed with 1003',
    );
    this.#abort(error, WebSocketCloseCode.UnsupportedData, 'text frames only', false);
  }

  pong(): void {
    this.#heartbeat.alive();
  }

  error(cause: unknown): void {
    if (this.#state === 'closed') return;
    // `ws` closes the socket itself after an error (1009, 1007, 1002, or a reset): only report it.
    this.#closeCode ??= closeCodeOfSocketError(cause);
    if (!this.#failed) this.#report(socketError(cause, this.#settings.maxMessageBytes));
    this.#failed = true;
    this.#state = 'closing';
    this.#rejectWaiters();
  }

  closed(code: number, reason: string): void {
    if (this.#state === 'closed') return;
    this.#closeCode ??= code;
    this.#closeReason ??= reason;
    if (!this.#failed && !this.#closeRequested) {
      const error = closeError(code, reason);
      if (error !== undefined) this.#report(error);
    }
    this.#finish();
  }

  // Internals.

  /** One text frame: size check where the socket does not, envelope checks, delivery or an error answer. */
  #handle(data: string): void {
    const max = this.#settings.maxMessageBytes;
    if (!this.#port.enforcesMaxPayload && exceedsUtf8Bytes(data, max)) {
      const error = new TransportError(
        TransportErrorCode.MessageTooLarge,
        `Message refused: larger than maxMessageBytes (${max} bytes); closed with 1009`,
        { limit: { name: 'maxMessageBytes', value: max } },
      );
      this.#abort(error, WebSocketCloseCode.MessageTooBig, 'message too big', false);
      return;
    }
    this.#batches.receive(data, this.#frameSink);
  }

  readonly #frameSink: BatchFrameSink = {
    deliver: (message) => this.#deliver(message),
    report: (error) => this.#report(error),
    answer: (response) => this.#answer(response),
    answerBatch: (answers) => this.#answer(answers),
  };

  #deliver(message: JSONRPCMessage): void {
    try {
      this.inbound.deliver(message, this.#hooks.extra);
    } catch (error) {
      // A throwing onmessage is a bug above us; report it and keep reading rather than losing the socket.
      this.#report(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #report(error: Error): void {
    try {
      this.inbound.fail(error);
    } catch {
      // onerror itself threw: there is nobody left to tell, and the socket must keep flowing.
    }
  }

  #answer(response: JSONRPCMessage | readonly JSONRPCMessage[]): void {
    try {
      this.#write(JSON.stringify(response));
    } catch {
      // The socket is closing: the answer has nowhere to go, and the close is reported on its own.
    }
  }

  /** Ends the connection because of `error`: reported first, then the close (or a drop when `hard`). */
  #abort(error: TransportError, code: number, reason: string, hard: boolean): void {
    if (this.#state !== 'open') return;
    this.#failed = true;
    this.#report(error);
    this.#beginClose(code, reason);
    if (hard) this.#port.terminate();
  }

  #beginClose(code: number, reason: string): void {
    this.#state = 'closing';
    // This side spoke first: its code is the connection's, whatever the peer echoes (or not).
    this.#closeCode ??= code;
    this.#closeReason ??= reason;
    this.#rejectWaiters();
    try {
      this.#port.close(code, reason);
    } catch {
      // An invalid code or reason from the caller: drop the socket instead of leaving it open.
      this.#port.terminate();
    }
    const { timers, closeTimeoutMs } = this.#settings;
    this.#closeTimer = timers.setTimeout(() => {
      this.#closeTimer = undefined;
      if (this.#state === 'closed') return;
      // The peer did not answer the close frame in time: drop the socket and close on our side.
      this.#port.terminate();
      this.closed(WebSocketCloseCode.Abnormal, '');
    }, closeTimeoutMs);
  }

  #finish(): void {
    this.#state = 'closed';
    const { timers } = this.#settings;
    this.#heartbeat.stop();
    for (const handle of [this.#closeTimer, this.#pollTimer]) {
      if (handle !== undefined) timers.clearTimeout(handle);
    }
    this.#closeTimer = this.#pollTimer = undefined;
    this.#held = undefined;
    this.#batches.clear();
    this.#rejectWaiters();
    this.inbound.closed();
    if (this.#closeRequested) this.inbound.flushClose();
    try {
      this.#hooks.finished?.();
    } finally {
      this.#resolveClosed();
    }
  }

  readonly #missedPong = (): void => {
    if (this.#state !== 'open') return;
    const interval = this.#settings.heartbeatIntervalMs;
    const error = new TransportError(
      TransportErrorCode.Network,
      `The peer answered no ping for ${interval} ms (heartbeatIntervalMs): connection presumed dead and dropped`,
      { limit: { name: 'heartbeatIntervalMs', value: interval } },
    );
    this.#abort(error, WebSocketCloseCode.PolicyViolation, 'heartbeat timeout', true);
  };

  readonly #onFlushed = (): void => {
    if (this.#waiters.length === 0 && this.#held === undefined) return;
    if (this.#port.bufferedAmount > this.#settings.highWaterMarkBytes) return;
    this.#releaseWaiters();
    this.#resumeReads();
  };

  /** Reads again, handling first what was held; stops where a frame's answer fills the buffer again. */
  #resumeReads(): void {
    const held = this.#held;
    if (held === undefined || this.#state !== 'open') return;
    this.#held = undefined;
    this.#port.resume();
    let next = 0;
    while (next < held.length && this.#held === undefined && this.#state === 'open') {
      this.#handle(held[next++] as string);
    }
    const paused: string[] | undefined = this.#held;
    if (paused !== undefined && next < held.length) this.#held = held.slice(next).concat(paused);
  }

  #armPoll(): void {
    if (this.#pollTimer !== undefined) return;
    this.#pollTimer = this.#settings.timers.setTimeout(() => {
      this.#pollTimer = undefined;
      if (this.#state !== 'open' || this.#waiters.length === 0) return;
      if (this.#port.bufferedAmount > this.#settings.highWaterMarkBytes) this.#armPoll();
      else {
        this.#releaseWaiters();
        this.#resumeReads();
      }
    }, DRAIN_POLL_MS);
  }

  #releaseWaiters(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  #rejectWaiters(): void {
    if (this.#waiters.length === 0) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    const error = closedError();
    for (const waiter of waiters) waiter.reject(error);
  }
}
