/**
 * The TransportErrors of a WebSocket connection: socket failures reported by `ws`, and close codes
 * received from the peer, each mapped to a stable code.
 */
import { TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { WebSocketCloseCode } from '../close-codes.js';

/** The error of an operation on a closed transport. */
export function closedError(cause?: unknown): TransportError {
  return new TransportError(TransportErrorCode.Closed, 'WebSocket transport is closed', {}, cause);
}

/** Maps a `ws` 'error' (its `code` names the cause) to a TransportError. */
export function socketError(cause: unknown, maxMessageBytes: number): TransportError {
  const code = (cause as { code?: unknown } | null)?.code;
  const reason = cause instanceof Error ? cause.message : String(cause);
  if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
    return new TransportError(
      TransportErrorCode.MessageTooLarge,
      `Message refused: larger than maxMessageBytes (${maxMessageBytes} bytes); closed with 1009`,
      { limit: { name: 'maxMessageBytes', value: maxMessageBytes } },
      cause,
    );
  }
  if (code === 'WS_ERR_INVALID_UTF8') {
    return new TransportError(
      TransportErrorCode.InvalidMessage,
      'A text frame was not valid UTF-8; closed with 1007',
      {},
      cause,
    );
  }
  if (typeof code === 'string' && code.startsWith('WS_ERR_')) {
    return new TransportError(
      TransportErrorCode.InvalidMessage,
      `WebSocket protocol error: ${reason}; closed with 1002`,
      {},
      cause,
    );
  }
  return new TransportError(TransportErrorCode.Network, `WebSocket connection failed: ${reason}`, {}, cause);
}

/** The close code `ws` sends after an error of its own (1006: none, the socket failed). */
export function closeCodeOfSocketError(cause: unknown): number {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return WebSocketCloseCode.MessageTooBig;
  if (code === 'WS_ERR_INVALID_UTF8') return WebSocketCloseCode.InvalidPayload;
  if (typeof code === 'string' && code.startsWith('WS_ERR_')) return WebSocketCloseCode.ProtocolError;
  return WebSocketCloseCode.Abnormal;
}

/**
 * The error a close received from the peer stands for, or undefined for a normal close (1000, 1001,
 * 1005): too large (1009), invalid data (1002, 1003, 1007), dropped (1006), anything else Closed.
 */
export function closeError(code: number, reason: string): TransportError | undefined {
  if (
    code === WebSocketCloseCode.Normal ||
    code === WebSocketCloseCode.GoingAway ||
    code === WebSocketCloseCode.NoStatus
  ) {
    return undefined;
  }
  const said = reason === '' ? '' : `: ${reason}`;
  switch (code) {
    case WebSocketCloseCode.MessageTooBig:
      return new TransportError(
        TransportErrorCode.MessageTooLarge,
        `The peer closed the connection with 1009 (message too big)${said}`,
      );
    case WebSocketCloseCode.ProtocolError:
    case WebSocketCloseCode.UnsupportedData:
    case WebSocketCloseCode.InvalidPayload:
      return new TransportError(
        TransportErrorCode.InvalidMessage,
        `The peer closed the connection with ${code} (it refused what it received)${said}`,
      );
    case WebSocketCloseCode.Abnormal:
      return new TransportError(
        TransportErrorCode.Network,
        'The WebSocket connection dropped without a close frame (1006)',
      );
    default:
      return new TransportError(
        TransportErrorCode.Closed,
        `The peer closed the connection with ${code}${said}`,
      );
  }
}
