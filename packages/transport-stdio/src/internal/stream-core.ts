import type { Readable, Writable } from 'node:stream';
import {
  type JSONRPCMessage,
  type Transport,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import { InboundBuffer } from '@mcpwire/protocol-core/transport-kit';
import { LineChannel } from './line-channel.js';

/** The default line limit of every stdio transport: 4 MiB. */
export const DEFAULT_MAX_MESSAGE_BYTES: number = 4 * 1024 * 1024;

/** Checks a user-supplied byte limit once, at construction, so a typo fails loudly instead of silently. */
export function checkMaxMessageBytes(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_MESSAGE_BYTES;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`maxMessageBytes must be a positive integer, got ${value}`);
  }
  return value;
}

/** Options of {@link StreamCore}. */
export interface StreamCoreOptions {
  readable: Readable;
  writable: Writable;
  maxMessageBytes: number;
  /** End the writable on close, so the peer sees EOF. Off for process.stdout, which is not ours to end. */
  endWritableOnClose: boolean;
  names: { readable: string; writable: string };
}

/**
 * The state machine shared by the stream and server transports: new → open → closed. The public
 * classes delegate to it and pass themselves as the owner whose callbacks the inbound buffer calls.
 */
export class StreamCore {
  readonly inbound: InboundBuffer;
  readonly channel: LineChannel;
  readonly #options: StreamCoreOptions;
  #state: 'new' | 'open' | 'closed' = 'new';

  constructor(owner: Transport, options: StreamCoreOptions) {
    this.#options = options;
    this.inbound = new InboundBuffer(owner);
    this.channel = new LineChannel({
      readable: options.readable,
      writable: options.writable,
      inbound: this.inbound,
      maxMessageBytes: options.maxMessageBytes,
      names: options.names,
      events: {
        end: () => this.#shutdown(),
        readFailed: (error) => this.#fail(error),
        writeFailed: (error) => {
          // A writable that closed quietly is not an error worth reporting, only a reason to close.
          if (error.code === TransportErrorCode.Closed) this.#shutdown();
          else this.#fail(error);
        },
      },
    });
  }

  start(): Promise<void> {
    if (this.#state === 'closed' && this.inbound.started) {
      return Promise.reject(new TransportError(TransportErrorCode.Closed, 'Transport is closed'));
    }
    try {
      // Flushes what arrived (or failed) before start, and a close that happened meanwhile.
      this.inbound.start();
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#state === 'new') {
      this.#state = 'open';
      this.channel.startReading();
    }
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.#state === 'open') return this.channel.send(message);
    return Promise.reject(
      this.#state === 'new'
        ? new TransportError(TransportErrorCode.NotStarted, 'Transport not started; call start() first')
        : new TransportError(TransportErrorCode.Closed, 'Transport is closed'),
    );
  }

  close(): Promise<void> {
    this.#shutdown();
    // Nobody calls start() after a local close, so a pending onclose fires now.
    this.inbound.flushClose();
    return Promise.resolve();
  }

  #fail(error: TransportError): void {
    if (this.#state === 'closed') return;
    this.inbound.fail(error);
    this.#shutdown();
  }

  #shutdown(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.channel.stopReading();
    this.channel.dropBatches();
    this.channel.writer.fail(new TransportError(TransportErrorCode.Closed, 'Transport is closed'));
    const { writable } = this.#options;
    if (this.#options.endWritableOnClose && !writable.destroyed && !writable.writableEnded) writable.end();
    this.inbound.closed();
  }
}
