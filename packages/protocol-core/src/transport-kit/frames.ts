/**
 * One frame in, one message out: what every transport does with the text it receives (parse, deliver,
 * report what is malformed, answer it) and with a message it sends (serialize, or fail typed).
 */
import {
  type EnvelopeError,
  envelopeErrorResponse,
  type ParseFrameOptions,
  parseFrame,
} from '../envelope.js';
import { ErrorCode } from '../error-codes.js';
import { excerptOf, TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCErrorResponse, JSONRPCMessage } from '../jsonrpc.js';

/**
 * The typed error of a malformed part of a frame: a -32700 is `MCPWIRE_ERR_PARSE`, anything else
 * `MCPWIRE_ERR_INVALID_MESSAGE`; it names the request id when one could be read, and carries a bounded
 * excerpt of `raw`. `where`, when given, prefixes the message (e.g. `Session 4f…`).
 */
export function frameError(error: EnvelopeError, raw: string, where?: string): TransportError {
  const code =
    error.code === ErrorCode.ParseError ? TransportErrorCode.Parse : TransportErrorCode.InvalidMessage;
  return new TransportError(code, where === undefined ? error.message : `${where}: ${error.message}`, {
    excerpt: excerptOf(raw),
    ...(error.id === null ? {} : { requestId: error.id }),
  });
}

/** Where {@link receiveFrame} sends what it found in a frame. */
export interface FrameSink {
  /** A valid message, in frame order. */
  deliver(message: JSONRPCMessage): void;
  /** A malformed part, as a typed error (see {@link frameError}). */
  report(error: TransportError): void;
  /** The error response owed to the peer for a malformed request (never for a response-shaped value). */
  answer(response: JSONRPCErrorResponse): void;
}

/**
 * Parses one received frame and hands its parts to `sink`: messages first, then one report per
 * malformed part, each followed by its answer unless the part looked like a response (answering a
 * response could start an error loop between two peers).
 * @example
 * receiveFrame(line, {
 *   deliver: (message) => inbound.deliver(message),
 *   report: (error) => inbound.fail(error),
 *   answer: (response) => void writer.write(response),
 * });
 */
export function receiveFrame(text: string, sink: FrameSink, options?: ParseFrameOptions): void {
  const frame = parseFrame(text, options);
  for (const message of frame.messages) sink.deliver(message);
  for (const error of frame.errors) {
    sink.report(frameError(error, text));
    if (!error.responseLike) sink.answer(envelopeErrorResponse(error));
  }
}

/**
 * A message as JSON text, or the `MCPWIRE_ERR_SEND_VALIDATION` error to reject the send with (a cycle, a
 * BigInt, or a value that serializes to nothing). Returned rather than thrown, so a `send` can
 * `return Promise.reject(text)` without a try block.
 * @example
 * const text = serializeMessage(message);
 * if (text instanceof TransportError) return Promise.reject(text);
 */
export function serializeMessage(message: JSONRPCMessage): string | TransportError {
  let text: string | undefined;
  try {
    text = JSON.stringify(message);
  } catch (cause) {
    return new TransportError(
      TransportErrorCode.SendValidation,
      'Message cannot be serialized as JSON',
      {},
      cause,
    );
  }
  if (typeof text !== 'string') {
    return new TransportError(
      TransportErrorCode.SendValidation,
      'Message serialized to nothing (not an object)',
    );
  }
  return text;
}
