import type { Readable, Writable } from 'node:stream';
import { ErrorCode, type JSONRPCMessage, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import {
  type BatchFrameSink,
  BatchResponder,
  type InboundBuffer,
  serializeMessage,
} from '@mcpwire/protocol-core/transport-kit';
import { LineFramer } from './line-framer.js';
import { LineWriter, writeError } from './line-writer.js';

/** What a channel tells its owning transport; the owner decides whether the transport closes. */
export interface LineChannelEvents {
  /** The readable ended (EOF); every complete line, and a final unterminated one, was delivered. */
  end(): void;
  /** The readable failed or was destroyed before its end. */
  readFailed(error: TransportError): void;
  /** The writable failed (EPIPE, destroyed); later sends reject with `error`. */
  writeFailed(error: TransportError): void;
}

/** Options of {@link LineChannel}. */
export interface LineChannelOptions {
  readable: Readable;
  writable: Writable;
  inbound: InboundBuffer;
  maxMessageBytes: number;
  /** Names the streams in error messages ("the child's stdin"). */
  names: { readable: string; writable: string };
  events: LineChannelEvents;
}

/**
 * NDJSON over one readable and one writable: framing, envelope checks, error answers to the peer,
 * ordered writes. It never closes anything itself; it reports to its owner, which does.
 */
export class LineChannel {
  readonly framer: LineFramer;
  readonly writer: LineWriter;
  readonly #options: LineChannelOptions;
  /** True when one Duplex (a socket) serves both ways. */
  readonly #duplex: boolean;
  #reading = false;
  /** Set once the readable ended or failed: later stream events are noise. */
  #readDone = false;

  constructor(options: LineChannelOptions) {
    this.#options = options;
    const { readable, writable, maxMessageBytes } = options;
    this.framer = new LineFramer(maxMessageBytes, {
      line: (text) => this.#onLine(text),
      oversized: () => this.#onOversized(),
    });
    this.writer = new LineWriter(writable, options.names.writable);
    this.#duplex = (readable as unknown) === writable;
    // 'error' listeners go on at once and stay for good: an unhandled 'error' event would crash the
    // process, and streams keep emitting them after we stopped caring (EPIPE while flushing on close).
    readable.on('error', this.#onReadError);
    if (!this.#duplex) writable.on('error', this.#onWriteError);
    writable.on('close', this.#onWritableClose);
  }

  /** Starts reading: data flows, lines are delivered through the inbound buffer. */
  startReading(): void {
    if (this.#reading || this.#readDone) return;
    this.#reading = true;
    const { readable } = this.#options;
    readable.on('data', this.#onData);
    readable.on('end', this.#onEnd);
    readable.on('close', this.#onReadableClose);
    readable.resume();
  }

  /** Stops reading without destroying the readable, so a process can exit once nothing else holds it. */
  stopReading(): void {
    this.#readDone = true;
    if (!this.#reading) return;
    this.#reading = false;
    const { readable } = this.#options;
    readable.off('data', this.#onData);
    readable.off('end', this.#onEnd);
    readable.off('close', this.#onReadableClose);
    readable.pause();
  }

  /** Sends one message; see {@link LineWriter.write}. An answer to a batched request waits for its batch. */
  send(message: JSONRPCMessage): Promise<void> {
    if (this.#batches.pending === 0) return this.writer.write(message);
    const text = serializeMessage(message);
    if (text instanceof TransportError) return Promise.reject(text);
    const hold = this.#batches.hold(message);
    if (hold.kind === 'held') return Promise.resolve();
    return this.writer.writeText(hold.kind === 'complete' ? JSON.stringify(hold.answers) : text);
  }

  /** Records the negotiated revision: from it, a line may hold a batch, answered with one line. */
  setProtocolVersion(version: string): void {
    this.#batches.setProtocolVersion(version);
  }

  /** Drops the batches still waiting for answers (the transport closed). */
  dropBatches(): void {
    this.#batches.clear();
  }

  readonly #onData = (chunk: Buffer | string): void => {
    // A readable with an encoding set hands us strings; framing works on bytes.
    this.framer.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  };

  readonly #onEnd = (): void => {
    this.framer.end();
    this.#readDone = true;
    this.#options.events.end();
  };

  readonly #onReadableClose = (): void => {
    if (this.#readDone) return;
    this.#readDone = true;
    const name = this.#options.names.readable;
    this.#options.events.readFailed(
      new TransportError(TransportErrorCode.Closed, `${name} was closed before its end`),
    );
  };

  readonly #onReadError = (error: Error): void => {
    const { events, names } = this.#options;
    // One Duplex (a socket) may serve both ways: then its error counts as a write failure if it came from
    // a write, and as a read failure otherwise.
    if (this.#duplex && (error as NodeJS.ErrnoException).syscall === 'write') {
      this.#onWriteError(error);
      return;
    }
    if (this.#readDone) return;
    this.#readDone = true;
    events.readFailed(
      new TransportError(
        TransportErrorCode.Closed,
        `Reading ${names.readable} failed: ${error.message}`,
        {},
        error,
      ),
    );
  };

  readonly #onWriteError = (error: Error): void => {
    if (this.writer.failed) return;
    const failure = writeError(error, this.#options.names.writable);
    this.writer.fail(failure);
    this.#options.events.writeFailed(failure);
  };

  readonly #onWritableClose = (): void => {
    if (this.writer.failed) return;
    // Closed without an error (destroyed, or ended by us): nothing more can be written.
    const failure = new TransportError(
      TransportErrorCode.Closed,
      `${this.#options.names.writable} is closed`,
    );
    this.writer.fail(failure);
    this.#options.events.writeFailed(failure);
  };

  #onLine(text: string): void {
    const { inbound } = this.#options;
    if (inbound.isClosed) return;
    this.#batches.receive(text, this.#frameSink);
  }

  /** Received batches (2024-11-05, 2025-03-26) whose answers are held until all are sent. */
  readonly #batches = new BatchResponder();

  readonly #frameSink: BatchFrameSink = {
    deliver: (message) => this.#dispatch(message),
    report: (error) => this.#report(error),
    answer: (response) => this.#answer(response),
    answerBatch: (answers) => {
      if (!this.writer.failed) this.writer.writeText(JSON.stringify(answers)).catch(() => {});
    },
  };

  #onOversized(): void {
    const { inbound, maxMessageBytes } = this.#options;
    if (inbound.isClosed) return;
    const limit = { name: 'maxMessageBytes', value: maxMessageBytes };
    this.#report(
      new TransportError(
        TransportErrorCode.MessageTooLarge,
        `Message skipped: longer than maxMessageBytes (${maxMessageBytes} bytes); reading resumes at the next newline`,
        { limit },
      ),
    );
    // The id cannot be read without buffering the line, so the answer carries id null (JSON-RPC 2.0 §5.1).
    this.#answer({
      jsonrpc: '2.0',
      id: null,
      error: {
        code: ErrorCode.InvalidRequest,
        message: `Invalid Request: message longer than ${maxMessageBytes} bytes`,
        data: { maxMessageBytes },
      },
    });
  }

  #dispatch(message: JSONRPCMessage): void {
    try {
      this.#options.inbound.deliver(message);
    } catch (error) {
      // A throwing onmessage is a bug above us; report it and keep reading rather than losing the stream.
      this.#report(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #report(error: Error): void {
    try {
      this.#options.inbound.fail(error);
    } catch {
      // onerror itself threw: there is nobody left to tell, and the stream must keep flowing.
    }
  }

  #answer(response: JSONRPCMessage): void {
    if (this.writer.failed) return;
    // A failed answer is already reported through the writable's 'error' event.
    this.writer.write(response).catch(() => {});
  }
}
