/**
 * The WebSocket close codes (RFC 6455 §7.4.1) these transports send or interpret. Local failures
 * reach `onerror` as a `TransportError`; the close code is what the peer sees.
 */
export const WebSocketCloseCode = {
  /** `close()` on either side. */
  Normal: 1000,
  /** The server is shutting down (`close()` of the server or listener). */
  GoingAway: 1001,
  /** A frame broke the WebSocket protocol (detected by `ws` or the browser). */
  ProtocolError: 1002,
  /** A binary frame: MCP over WebSocket carries text frames only. */
  UnsupportedData: 1003,
  /** No status code in the close frame (received only). */
  NoStatus: 1005,
  /** The connection dropped without a close frame (received only): reset, heartbeat timeout. */
  Abnormal: 1006,
  /** A text frame that is not valid UTF-8. */
  InvalidPayload: 1007,
  /** The peer did not read: more than `maxBufferedBytes` waited to be sent to it. */
  PolicyViolation: 1008,
  /** A message larger than `maxMessageBytes`. */
  MessageTooBig: 1009,
  /** The server could not serve the connection (its `connect` failed). */
  InternalError: 1011,
} as const;

/** One of the {@link WebSocketCloseCode} values. */
export type WebSocketCloseCodeValue = (typeof WebSocketCloseCode)[keyof typeof WebSocketCloseCode];
