import type { Readable, Writable } from 'node:stream';
import type {
  JSONRPCMessage,
  MessageExtraInfo,
  Transport,
  TransportSendOptions,
} from '@mcpwire/protocol-core';
import { StreamCore, checkMaxMessageBytes } from './internal/stream-core.js';

/** Options of {@link createStdioServerTransport}. */
export interface StdioServerTransportOptions {
  /**
   * Where requests come from.
   * @default process.stdin
   */
  stdin?: Readable | undefined;
  /**
   * Where responses go. Never ended by the transport: a server may still log after closing.
   * @default process.stdout
   */
  stdout?: Writable | undefined;
  /**
   * The longest line accepted, in bytes; see {@link StdioStreamTransportOptions.maxMessageBytes}.
   * @default 4194304 (4 MiB)
   */
  maxMessageBytes?: number | undefined;
}

/**
 * The server side of stdio: reads requests from stdin, writes to stdout. It closes when stdin ends
 * (the client went away) and then stops reading, so the process can exit on its own; a broken stdout
 * (EPIPE) is reported through `onerror` and closes it, never crashes the process.
 *
 * Anything else the server prints must go to stderr: a stray line on stdout reaches the client as
 * garbage (which it reports and answers with -32700).
 */
export class StdioServerTransport implements Transport {
  /** Called once when the transport closed, whoever closed it. */
  onclose?: (() => void) | undefined;
  /** Called for malformed lines, over-long lines and stream failures. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called for each valid message received. */
  onmessage?: ((message: JSONRPCMessage, extra?: MessageExtraInfo) => void) | undefined;
  readonly #core: StreamCore;

  /** Reads `options.stdin` (default `process.stdin`), writes `options.stdout` (default `process.stdout`). */
  constructor(options?: StdioServerTransportOptions);
  /** The official SDK's shape: `new StdioServerTransport(stdin?, stdout?)`. */
  constructor(stdin?: Readable, stdout?: Writable);
  constructor(first?: StdioServerTransportOptions | Readable, stdout?: Writable) {
    // A stream first is the SDK's positional form; an options object has no `on`.
    const options: StdioServerTransportOptions | undefined =
      first !== undefined && typeof (first as Readable).on === 'function'
        ? { stdin: first as Readable, stdout }
        : (first as StdioServerTransportOptions | undefined);
    this.#core = new StreamCore(this, {
      readable: options?.stdin ?? process.stdin,
      writable: options?.stdout ?? process.stdout,
      maxMessageBytes: checkMaxMessageBytes(options?.maxMessageBytes),
      endWritableOnClose: false,
      names: { readable: 'stdin', writable: 'stdout' },
    });
  }

  /** Starts reading stdin. Rejects with `MCPWIRE_ERR_ALREADY_STARTED` on a second call. */
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

  /** Writes the message to stdout as one line; see {@link StdioStreamTransport.send}. */
  send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    return this.#core.send(message);
  }

  /** Stops reading stdin (without destroying it); idempotent. */
  close(): Promise<void> {
    return this.#core.close();
  }
}

/**
 * Creates the server side of a stdio connection.
 * @example
 * const transport = createStdioServerTransport();
 * await server.connect(transport);
 */
export function createStdioServerTransport(options?: StdioServerTransportOptions): StdioServerTransport {
  return new StdioServerTransport(options);
}
