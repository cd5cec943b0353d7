/**
 * One HTTP+SSE connection as a `Transport`: what the server sends goes out as `event: message` on the
 * connection's stream; what the client POSTs to the session's endpoint arrives through `onmessage`.
 * Created by the handler for each GET, never by users; the stream ending closes it, and closing it
 * ends the stream.
 */
import {
  type JSONRPCMessage,
  type MessageCallback,
  type MessageExtraInfo,
  type RequestId,
  type Transport,
  type TransportSendOptions,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import {
  type BatchFrameSink,
  BatchResponder,
  InboundBuffer,
  sessionTag,
} from '@mcpwire/protocol-core/transport-kit';
import type { SseEventStream, StreamEnd } from './event-stream.js';
import type { ResolvedSseServerOptions } from './options.js';

/** The server side of one HTTP+SSE connection, as handed to `server.connect` or the connect factory. */
export interface SseServerTransport extends Transport {
  /** The session id the `endpoint` event carries as `?sessionId=`. */
  readonly sessionId: string;
  /** The revision negotiated on this connection (set by the server through `setProtocolVersion`). */
  readonly protocolVersion: string | undefined;
  /** True once the connection is closed, whoever closed it. */
  readonly closed: boolean;
  /** Records the negotiated revision; from it, POSTs may carry batches (2024-11-05, 2025-03-26). */
  setProtocolVersion(version: string): void;
}

/** What a session needs from the handler that owns it. */
export interface SessionHost {
  readonly options: ResolvedSseServerOptions;
  /** Called once when the session closed, whatever closed it. */
  sessionClosed(session: SseSession, reason: StreamEnd): void;
}

const RESOLVED: Promise<void> = Promise.resolve();

/** The handler's implementation of {@link SseServerTransport}. */
export class SseSession implements SseServerTransport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: MessageCallback | undefined;
  readonly sessionId: string;
  /** The principal of the GET that opened the stream: every POST must come from it. */
  readonly principal: string | undefined;
  readonly #host: SessionHost;
  readonly #stream: SseEventStream;
  readonly #inbound: InboundBuffer;
  #protocolVersion: string | undefined = undefined;
  /** POSTed batches (2024-11-05, 2025-03-26) whose answers are held until all are sent, as one event. */
  readonly #batches = new BatchResponder();
  #closed = false;
  /** Ids of the client's requests not answered yet: while any is, the session is busy. */
  #unanswered: Set<RequestId> | undefined = undefined;

  constructor(host: SessionHost, sessionId: string, principal: string | undefined, stream: SseEventStream) {
    this.#host = host;
    this.sessionId = sessionId;
    this.principal = principal;
    this.#stream = stream;
    this.#inbound = new InboundBuffer(this, { maxQueued: host.options.maxQueued });
    stream.onclose = (reason) => this.#streamStopped(reason);
  }

  get protocolVersion(): string | undefined {
    return this.#protocolVersion;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** A client request awaits its answer: not idle, so never evicted to make room for another session. */
  get busy(): boolean {
    return (this.#unanswered?.size ?? 0) > 0;
  }

  /** True when a POST may carry a JSON-RPC batch (see `BATCH_PROTOCOL_VERSIONS`). */
  get acceptsBatch(): boolean {
    return this.#batches.allowed;
  }

  async start(): Promise<void> {
    this.#inbound.start();
  }

  setProtocolVersion(version: string): void {
    this.#protocolVersion = version;
    this.#batches.setProtocolVersion(version);
  }

  /**
   * Hands POSTed messages to the server, in order (queued until `start`). The answers to a `batch`'s
   * requests go out as one `message` event holding an array, once all are sent.
   */
  deliver(messages: readonly JSONRPCMessage[], extra: MessageExtraInfo, batch = false): void {
    const sink: BatchFrameSink = {
      deliver: (message) => {
        this.#track(message);
        // A throwing onmessage must not lose the messages behind it in a batch.
        try {
          this.#inbound.deliver(message, extra);
        } catch (error) {
          this.#inbound.fail(error instanceof Error ? error : new Error(String(error)));
        }
      },
      report: (error) => this.#inbound.fail(error),
      answer: (response) => void this.#write(JSON.stringify(response)),
      answerBatch: (answers) => void this.#write(JSON.stringify(answers)),
    };
    if (batch) this.#batches.deliverBatch(messages, [], sink);
    else for (const message of messages) this.#batches.deliver(message, sink);
  }

  /** Reports a refused POST (malformed, too large) to the server's `onerror`. */
  fail(error: Error): void {
    this.#inbound.fail(error);
  }

  send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    if (this.#closed) return Promise.reject(this.#closedError());
    // An answer (result or error) to a client request: that request no longer keeps the session busy.
    if (this.#unanswered !== undefined && !('method' in message)) {
      const id = message.id;
      if (typeof id === 'string' || typeof id === 'number') this.#unanswered.delete(id);
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(message);
      if (typeof json !== 'string') throw new TypeError(`JSON.stringify gave ${typeof json}`);
    } catch (error) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.SendValidation,
          `Session ${sessionTag(this.sessionId)}: the message is not serializable to JSON`,
          {},
          error,
        ),
      );
    }
    const hold = this.#batches.hold(message);
    // An answer to a batched request waits for the others: the batch goes out as one event.
    if (hold.kind === 'held') return RESOLVED;
    return this.#write(hold.kind === 'complete' ? JSON.stringify(hold.answers) : json);
  }

  /** Sends one `message` event. */
  #write(json: string): Promise<void> {
    if (this.#closed) return Promise.reject(this.#closedError());
    // JSON text never holds a raw CR or LF, so one `data:` line carries the whole message.
    const state = this.#stream.write(`event: message\ndata: ${json}\n\n`);
    if (state === 'ok') return RESOLVED;
    if (state === 'full') return this.#stream.drained().then((drained) => this.#afterDrain(drained));
    if (state === 'overflow') return Promise.reject(this.#overflowError());
    return Promise.reject(this.#closedError());
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    // The stream's onclose sees the session closed already: a local close is not reported as an error.
    this.#closed = true;
    this.#batches.clear();
    this.#stream.end();
    this.#host.sessionClosed(this, 'ended');
    this.#inbound.flushClose();
  }

  /** Counts the client's requests in, and out when cancelled (the server then never answers them). */
  #track(message: JSONRPCMessage): void {
    if (!('method' in message)) return;
    if ('id' in message && message.id !== undefined) {
      this.#unanswered ??= new Set();
      this.#unanswered.add(message.id);
    } else if (message.method === 'notifications/cancelled') {
      const requestId = (message.params as { requestId?: RequestId } | undefined)?.requestId;
      if (requestId !== undefined) this.#unanswered?.delete(requestId);
    }
  }

  #afterDrain(drained: boolean): void {
    if (!drained) throw this.#closedError();
  }

  #streamStopped(reason: StreamEnd): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#batches.clear();
    this.#host.sessionClosed(this, reason);
    // Called from the response's 'close' event: a callback that throws here would be uncaught.
    try {
      if (reason === 'overflow') this.#inbound.fail(this.#overflowError());
    } catch (error) {
      this.#host.options.report(error);
    }
    try {
      this.#inbound.closed();
    } catch (error) {
      this.#host.options.report(error);
    }
  }

  #overflowError(): TransportError {
    const limit = this.#host.options.maxStreamBufferBytes;
    return new TransportError(
      TransportErrorCode.LimitExceeded,
      `Session ${sessionTag(this.sessionId)} closed: the client did not read its event stream (more than ${limit} bytes buffered)`,
      { limit: { name: 'maxStreamBufferBytes', value: limit } },
    );
  }

  #closedError(): TransportError {
    return new TransportError(TransportErrorCode.Closed, `Session ${sessionTag(this.sessionId)} is closed`);
  }
}
