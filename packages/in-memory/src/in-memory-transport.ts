import {
  type JSONRPCMessage,
  type MessageExtraInfo,
  type Transport,
  TransportError,
  TransportErrorCode,
  type TransportErrorDetails,
} from '@mcpwire/protocol-core';
import { excerptOf, InboundBuffer, frameError, parseFrame } from '@mcpwire/protocol-core/transport-kit';
import { CLOSE, CUT, type Channel, type WireItem } from './internal/channel.js';
import { Link } from './internal/link.js';
import { resolveOptions } from './internal/resolve-options.js';
import { exceedsUtf8Bytes, utf8ByteLength } from '@mcpwire/protocol-core/transport-kit';
import type { InMemorySendOptions, InMemoryTransportOptions } from './options.js';

// One settled promise serves every successful send: a hot path that allocates nothing per call.
const RESOLVED: Promise<void> = Promise.resolve();

/** Which message an error is about, read defensively: `message` may be anything a caller cast. */
function detailsOf(message: unknown): TransportErrorDetails {
  if (typeof message !== 'object' || message === null) return {};
  const record = message as Record<string, unknown>;
  const details: TransportErrorDetails = {};
  if (typeof record['method'] === 'string') details.method = record['method'];
  const id = record['id'];
  if (typeof id === 'string' || typeof id === 'number') details.requestId = id;
  return details;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One end of an in-memory wire, made in linked pairs by {@link createInMemoryTransportPair} or
 * {@link InMemoryTransport.createLinkedPair}. It behaves like a real connection: delivery is
 * asynchronous and ordered, every message is copied through its JSON text (so neither side can see the
 * other's later mutations) and validated on arrival, size limits apply, and `onclose` fires once per end.
 * @example
 * const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
 * await Promise.all([client.connect(clientSide), server.connect(serverSide)]);
 */
export class InMemoryTransport implements Transport {
  /** Called once when this end closed, whoever closed it. */
  onclose?: (() => void) | undefined;
  /** Called for refused frames (invalid, too large) and for errors thrown by this end's callbacks. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called for each valid message received; `extra.authInfo` is set when the sender passed one. */
  onmessage?: ((message: JSONRPCMessage, extra?: MessageExtraInfo) => void) | undefined;
  /** The session id given in the options, if any. */
  sessionId?: string | undefined;

  readonly #link: Link;
  readonly #out: Channel;
  readonly #buffer: InboundBuffer;
  #closedLocally = false;
  #protocolVersion: string | undefined;

  private constructor(link: Link, inbound: Channel, outbound: Channel) {
    this.#link = link;
    this.#out = outbound;
    this.#buffer = new InboundBuffer(this, { maxQueued: link.options.maxQueued });
    this.sessionId = link.options.sessionId;
    const buffer = this.#buffer;
    link.attach({
      get closed() {
        return buffer.isClosed;
      },
      severed: () => buffer.closed(),
    });
    inbound.connect({
      receive: (item) => this.#receive(item),
      callbackFailed: (error) => this.#callbackFailed(error),
    });
  }

  /**
   * Makes two linked ends, as the official SDK's `InMemoryTransport.createLinkedPair()` does; pass one to
   * a client and the other to a server.
   */
  static createLinkedPair(options?: InMemoryTransportOptions): [InMemoryTransport, InMemoryTransport] {
    const link = new Link(resolveOptions(options));
    const [toFirst, toSecond] = link.channels;
    // `this`, not the class's own name: a class body that names its class makes esbuild emit
    // `var InMemoryTransport = class _InMemoryTransport`, and `constructor.name` would read `_InMemoryTransport`.
    return [new InMemoryTransport(link, toFirst, toSecond), new InMemoryTransport(link, toSecond, toFirst)];
  }

  /** The version given to {@link setProtocolVersion}, if any. */
  get protocolVersion(): string | undefined {
    return this.#protocolVersion;
  }

  /**
   * Starts delivering: messages that arrived earlier are handed to `onmessage` now, in order.
   * Rejects with `MCPWIRE_ERR_ALREADY_STARTED` the second time, `MCPWIRE_ERR_CLOSED` after `close()`.
   */
  start(): Promise<void> {
    if (this.#closedLocally) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.Closed,
          'Cannot start: close() was already called on this transport',
        ),
      );
    }
    try {
      this.#buffer.start();
    } catch (error) {
      return Promise.reject(error);
    }
    return RESOLVED;
  }

  /**
   * Sends one message to the peer. Resolves once it is on the wire (it arrives in a later microtask, or
   * after `latencyMs`). Rejects with `MCPWIRE_ERR_CLOSED` once this end closed or the peer's close
   * arrived (a message sent while the close is still in flight is lost, as on a wire), and with
   * `MCPWIRE_ERR_SEND_VALIDATION` when the message cannot be serialized to JSON.
   */
  send(message: JSONRPCMessage, options?: InMemorySendOptions): Promise<void> {
    if (this.#buffer.isClosed) return Promise.reject(this.#closedError(message));
    let text: string | undefined;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      return Promise.reject(
        new TransportError(
          TransportErrorCode.SendValidation,
          `Cannot send: the message is not serializable to JSON (${reasonOf(error)})`,
          detailsOf(message),
          error,
        ),
      );
    }
    // JSON.stringify returns undefined, not a string, for undefined, functions and symbols.
    if (typeof text !== 'string') {
      return Promise.reject(
        new TransportError(TransportErrorCode.SendValidation, 'Cannot send: the message is not a JSON value'),
      );
    }
    const authInfo = options?.authInfo;
    this.#transmit(text, message, authInfo === undefined ? undefined : { authInfo });
    return RESOLVED;
  }

  /**
   * Puts raw text on the wire as one frame, exactly as the peer will parse it: a fault-injection hook for
   * testing how layers above handle malformed input (bad JSON, invalid envelopes). The same limits,
   * drop rate and message count apply as to `send`.
   */
  sendRaw(frame: string): Promise<void> {
    if (this.#buffer.isClosed) return Promise.reject(this.#closedError(undefined));
    this.#transmit(frame, undefined, undefined);
    return RESOLVED;
  }

  /**
   * Closes this end: its `onclose` fires now, the peer's once everything sent before has arrived.
   * Idempotent; later calls resolve and fire nothing.
   */
  close(): Promise<void> {
    if (this.#closedLocally) return RESOLVED;
    this.#closedLocally = true;
    // The close travels behind the messages already sent, as a stream's end would.
    if (!this.#buffer.isClosed) this.#out.push(CLOSE);
    try {
      this.#buffer.flushClose();
    } catch (error) {
      return Promise.reject(error);
    } finally {
      this.#link.releaseIfBothClosed();
    }
    return RESOLVED;
  }

  /**
   * Simulates a cut wire, for testing reconnection: messages in flight either way are lost, both ends'
   * `onclose` fires once (an end not yet started gets it at `start()`), and later sends reject with
   * `MCPWIRE_ERR_CLOSED`. Idempotent.
   */
  disconnect(): void {
    this.#link.cut();
  }

  /** Records the negotiated protocol version; read it back from {@link protocolVersion}. */
  setProtocolVersion(version: string): void {
    this.#protocolVersion = version;
  }

  #transmit(text: string, message: unknown, extra: MessageExtraInfo | undefined): void {
    const link = this.#link;
    const { dropRate, maxMessageBytes } = link.options;
    const last = link.countIsLast();
    if (dropRate === 0 || link.options.random() >= dropRate) {
      if (exceedsUtf8Bytes(text, maxMessageBytes)) {
        // Refused by the receiver, as a real wire would: the sender's write succeeded.
        const bytes = utf8ByteLength(text);
        const error = new TransportError(
          TransportErrorCode.MessageTooLarge,
          `Message refused: ${bytes} bytes is over the limit of ${maxMessageBytes} (maxMessageBytes)`,
          {
            ...detailsOf(message),
            limit: { name: 'maxMessageBytes', value: maxMessageBytes },
            excerpt: excerptOf(text),
          },
        );
        this.#out.push({ kind: 'fault', error });
      } else {
        this.#out.push(extra === undefined ? text : { kind: 'frame', text, extra });
      }
    }
    if (last) this.#out.push(CUT);
  }

  #receive(item: WireItem): boolean {
    const buffer = this.#buffer;
    if (typeof item === 'string') {
      if (buffer.isClosed) return false;
      this.#receiveFrame(item, undefined);
      return true;
    }
    // The cut happens even if this end is closed already: it ends the other end too.
    if (item.kind === 'cut') {
      this.#link.cut();
      return false;
    }
    if (buffer.isClosed) return false;
    switch (item.kind) {
      case 'frame':
        this.#receiveFrame(item.text, item.extra);
        return true;
      case 'fault':
        buffer.fail(item.error);
        return true;
      case 'close':
        try {
          buffer.closed();
        } finally {
          this.#link.releaseIfBothClosed();
        }
        return false;
    }
  }

  #receiveFrame(text: string, extra: MessageExtraInfo | undefined): void {
    // The kit's parser, as every wire transport's: the same errors, excerpts and nesting bound.
    const frame = parseFrame(text);
    for (const message of frame.messages) this.#buffer.deliver(message, extra);
    for (const error of frame.errors) this.#buffer.fail(frameError(error, text));
  }

  #callbackFailed(error: unknown): void {
    // Surfaced, never swallowed: to onerror if there is one, else as an uncaught error, like an
    // event emitter's throwing listener. Either way the messages behind it are still delivered.
    const onerror = this.onerror;
    let uncaught = error;
    if (onerror !== undefined) {
      try {
        onerror(error instanceof Error ? error : new Error(String(error)));
        return;
      } catch (thrown) {
        uncaught = thrown;
      }
    }
    queueMicrotask(() => {
      throw uncaught;
    });
  }

  #closedError(message: unknown): TransportError {
    return new TransportError(
      TransportErrorCode.Closed,
      'Cannot send: the in-memory transport is closed',
      detailsOf(message),
    );
  }
}

/**
 * Makes two linked in-memory transports that behave like a wire: pass one to a client, the other to a
 * server. See {@link InMemoryTransportOptions} for latency, loss, size limit and wire cuts.
 * @example
 * const [a, b] = createInMemoryTransportPair({ latencyMs: 5 });
 * b.onmessage = (message) => console.log(message);
 * await Promise.all([a.start(), b.start()]);
 * await a.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
 */
export function createInMemoryTransportPair(
  options?: InMemoryTransportOptions,
): [InMemoryTransport, InMemoryTransport] {
  return InMemoryTransport.createLinkedPair(options);
}
