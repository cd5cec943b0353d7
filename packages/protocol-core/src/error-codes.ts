/**
 * Numeric error codes that cross the wire: JSON-RPC 2.0's, and MCP's own range.
 * Codes from the spec's schema (2025-11-25, 2026-07-28); -32000/-32001 are the values the
 * official SDK uses for a closed connection and a timeout, kept so callers can branch alike.
 */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  ConnectionClosed: -32000,
  RequestTimeout: -32001,
  /** Legacy era: resource not found (2026-07-28 uses InvalidParams instead). */
  ResourceNotFound: -32002,
  /** 2026-07-28: HTTP headers disagree with the body. */
  HeaderMismatch: -32020,
  /** 2026-07-28: the request needs a client capability the client did not declare. */
  MissingRequiredClientCapability: -32021,
  /** 2026-07-28: the requested protocol version is not supported. */
  UnsupportedProtocolVersion: -32022,
  /** 2025-11-25: the server needs a URL-mode elicitation first. */
  UrlElicitationRequired: -32042,
} as const;

/** One of the known codes, or any other integer a peer sent. */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];
