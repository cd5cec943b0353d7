/** Turns the envelope errors of one frame (a POST body, an SSE event) into typed transport errors. */
import {
  type EnvelopeError,
  ErrorCode,
  excerptOf,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';

/** A -32700 is `MCPWIRE_ERR_PARSE`, anything else `MCPWIRE_ERR_INVALID_MESSAGE`; the excerpt is bounded. */
export function frameError(error: EnvelopeError, raw: string, where: string): TransportError {
  const code =
    error.code === ErrorCode.ParseError ? TransportErrorCode.Parse : TransportErrorCode.InvalidMessage;
  return new TransportError(code, `${where}: ${error.message}`, {
    excerpt: excerptOf(raw),
    ...(error.id === null ? {} : { requestId: error.id }),
  });
}
