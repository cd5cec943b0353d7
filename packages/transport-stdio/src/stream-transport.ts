import type { Readable, Writable } from 'node:stream';
import type {
  JSONRPCMessage,
  MessageExtraInfo,
  Transport,
  TransportSendOptions,
} from '@mcpwire/protocol-core';
import { StreamCore, checkMaxMessageBytes } from './internal/stream-core.js';

/** Options of {@link createStdioStreamTransport}. */
export interface StdioStreamTransportOptions {
  /** Where messages come from: one JSON-RPC message per line. */
  readable: Readable;
  /** Where messages go. May be the same Duplex as `readable` (a TCP or Unix socket). */
  writable: Writable;
  /**
   * The longest line accepted, in bytes, without its newline. A longer line is skipped without being
   * buffered, reported through `onerror` (`MCPWIRE_ERR_MESSAGE_TOO_LARGE`) and answered with a -32600
   * error (id null); reading resumes at the next newline.
   * @default 4194304 (4 MiB)
   */
  maxMessageBytes?: number | undefined;
  /**
   * End the writable on close, so the peer reads EOF. The streams are never destroyed: they are yours.
   * @default true
   */
  endWritableOnClose?: boolean | undefined;
}

/**
 * Newline-delimited JSON over any pair of Node streams. Closes when the readable ends or fails, or when
 * the writable fails; `close()` stops reading and ends the writable.
 */
export class StdioStreamTransport implements Transport {
  /** Called once when the transport closed, whoever closed it. */
  onclose?: (() => void) | undefined;
  /** Called for malformed lines, over-long lines and stream failures. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called for each valid message received. */
  onmessage?: ((message: JSONRPCMessage, extra?: MessageExtraInfo) => void) | undefined;
  readonly #core: StreamCore;

  constructor(options: StdioStreamTransportOptions) {
    this.#core = new StreamCore(this, {
      readable: options.readable,
      writable: options.writable,
      maxMessageBytes: checkMaxMessageBytes(options.maxMessageBytes),
      endWritableOnClose: options.endWritableOnClose ?? true,
      names: { readable: 'the readable stream', writable: 'the writable stream' },
    });
  }

  /** Bytes of an unfinished incoming line held right now; never above `maxMessageBytes + 1`. */
  get bufferedBytes(): number {
    return this.#core.channel.framer.bufferedBytes;
  }

  /** Starts reading. Rejects with `MCPWIRE_ERR_ALREADY_STARTED` on a second call. */
  start(): Promise<void> {
    return this.#core.start();
  }

  /**
   * Records the revision `initialize` negotiated (called by the engine). Under 2024-11-05 and 2025-03-26
   * a line may hold a JSON-RPC batch, answered with one line holding an array of the responses; under
   * other revisions, and before this call, an array is refused -32600.
   */
  setProtocolVersion(version: string): void {
    this.#core.channel.setProtocolVersion(version);
  }

  /**
   * Writes the message as one line. Resolves once the stream accepted its bytes (a slow reader holds it
   * back); rejects with `MCPWIRE_ERR_NOT_STARTED` before start, `MCPWIRE_ERR_CLOSED` after close,
   * `MCPWIRE_ERR_WRITE` if the stream fails.
   */
  send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    return this.#core.send(message);
  }

  /** Stops reading and ends the writable; idempotent. */
  close(): Promise<void> {
    return this.#core.close();
  }
}

/**
 * Creates a transport over any readable/writable pair: a socket, a pair of PassThroughs, a child's pipes.
 * @example
 * const socket = net.connect('/tmp/mcp.sock');
 * const transport = createStdioStreamTransport({ readable: socket, writable: socket });
 */
export function createStdioStreamTransport(options: StdioStreamTransportOptions): StdioStreamTransport {
  return new StdioStreamTransport(options);
}
