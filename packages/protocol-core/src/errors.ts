import { redactSecrets } from './redact.js';
import { ErrorCode } from './error-codes.js';
import type { JSONRPCErrorObject, RequestId } from './jsonrpc.js';

/**
 * An error that crosses the wire: a JSON-RPC error with a numeric `code`, a `message` and optional `data`.
 * Handlers throw it to choose the error their peer sees; requests reject with it when the peer answered
 * with an error.
 */
export class ProtocolError extends Error {
  override readonly name: string = 'ProtocolError';
  /** The JSON-RPC error code. */
  readonly code: number;
  /** The error's `data` member, as sent or received. */
  readonly data: unknown;
  /** The id of the request this error answers, where known. */
  readonly requestId: RequestId | undefined;

  constructor(
    code: number,
    message: string,
    data?: unknown,
    options?: { requestId?: RequestId | undefined; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.data = data;
    this.requestId = options?.requestId;
  }

  /** The wire form of this error: `{ code, message, data? }`. */
  toJSON(): JSONRPCErrorObject {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }

  /** Builds a ProtocolError from a received error object. */
  static fromWire(error: JSONRPCErrorObject, requestId?: RequestId): ProtocolError {
    return protocolErrorFromWire(error, requestId);
  }
}

// Outside the class on purpose: a class body that names its own class makes esbuild emit
// `var ProtocolError = class _ProtocolError`, and `constructor.name` would read `_ProtocolError`.
function protocolErrorFromWire(error: JSONRPCErrorObject, requestId?: RequestId): ProtocolError {
  return new ProtocolError(error.code, error.message, error.data, { requestId });
}

/** Convenience: a -32602 Invalid params error. */
export function invalidParams(message: string, data?: unknown): ProtocolError {
  return new ProtocolError(ErrorCode.InvalidParams, message, data);
}

/** Stable string codes of local failures. Callers branch on these, never on messages. */
export const TransportErrorCode = {
  /** The transport or connection is closed; the operation cannot proceed. */
  Closed: 'MCPWIRE_ERR_CLOSED',
  /** `start()` was called twice. */
  AlreadyStarted: 'MCPWIRE_ERR_ALREADY_STARTED',
  /** The transport was used before `start()`. */
  NotStarted: 'MCPWIRE_ERR_NOT_STARTED',
  /** A message was larger than the configured limit. */
  MessageTooLarge: 'MCPWIRE_ERR_MESSAGE_TOO_LARGE',
  /** A frame was not valid JSON. */
  Parse: 'MCPWIRE_ERR_PARSE',
  /** A frame was JSON but not a valid JSON-RPC message. */
  InvalidMessage: 'MCPWIRE_ERR_INVALID_MESSAGE',
  /** A request got no response in time. */
  RequestTimeout: 'MCPWIRE_ERR_REQUEST_TIMEOUT',
  /** A request was cancelled by its caller. */
  Cancelled: 'MCPWIRE_ERR_CANCELLED',
  /** Too many requests pending (outgoing) or in flight (incoming). */
  TooManyPending: 'MCPWIRE_ERR_TOO_MANY_PENDING',
  /** The peer did not declare the capability a request needs. */
  CapabilityMissing: 'MCPWIRE_ERR_CAPABILITY_MISSING',
  /** An outgoing message failed validation before it was sent. */
  SendValidation: 'MCPWIRE_ERR_SEND_VALIDATION',
  /** A child process could not be spawned. */
  Spawn: 'MCPWIRE_ERR_SPAWN',
  /** A child process exited while the transport was open. */
  ProcessExited: 'MCPWIRE_ERR_PROCESS_EXITED',
  /** Writing to the underlying stream failed. */
  Write: 'MCPWIRE_ERR_WRITE',
  /** Client and server share no protocol version (era detection, `initialize`, or a -32022 error). */
  UnsupportedVersion: 'MCPWIRE_ERR_UNSUPPORTED_VERSION',
  /** A configured bound was reached (input rounds, list pages); `details.limit` names it. */
  LimitExceeded: 'MCPWIRE_ERR_LIMIT_EXCEEDED',
  /** An HTTP exchange failed below HTTP (refused, reset, DNS), or a stream broke and could not be resumed. */
  Network: 'MCPWIRE_ERR_NETWORK',
  /** The server answered an HTTP error status with no JSON-RPC error to deliver; `details.httpStatus` has it. */
  HttpStatus: 'MCPWIRE_ERR_HTTP_STATUS',
  /** The server ended the HTTP session (404) and starting a new one failed. */
  SessionExpired: 'MCPWIRE_ERR_SESSION_EXPIRED',
} as const;

/** One of the {@link TransportErrorCode} values. */
export type TransportErrorCodeValue = (typeof TransportErrorCode)[keyof typeof TransportErrorCode];

/** Context that says which message, request or limit an error is about. */
export interface TransportErrorDetails {
  /** The request concerned, where there is one. */
  requestId?: RequestId | undefined;
  /** The method concerned, where known. */
  method?: string | undefined;
  /** The limit that was hit, and its configured value. */
  limit?: { name: string; value: number } | undefined;
  /** A bounded excerpt of the raw input that failed. */
  excerpt?: string | undefined;
  /** A child's exit code or signal. */
  exitCode?: number | null | undefined;
  signal?: string | null | undefined;
  /** The HTTP status of a failed exchange. */
  httpStatus?: number | undefined;
}

/**
 * A local failure: never sent to the peer as is. Branch on `code`.
 * @example
 * try { await client.request(...) } catch (e) {
 *   if (e instanceof TransportError && e.code === TransportErrorCode.RequestTimeout) retry();
 * }
 */
export class TransportError extends Error {
  override readonly name: string = 'TransportError';
  /** A stable string code. */
  readonly code: TransportErrorCodeValue;
  /** Which request, method or limit this is about. */
  readonly details: TransportErrorDetails;

  constructor(
    code: TransportErrorCodeValue,
    message: string,
    details?: TransportErrorDetails,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.details = details ?? {};
  }
}

/** The longest excerpt of raw input an error carries. */
export const MAX_EXCERPT_CHARS = 200;

/**
 * A bounded, single-line excerpt of raw input, for error context, with credential-looking values
 * redacted ({@link redactSecrets}): excerpts reach logs, and malformed input can carry a live key.
 */
export function excerptOf(raw: string): string {
  const cut = raw.length > MAX_EXCERPT_CHARS ? raw.slice(0, MAX_EXCERPT_CHARS) : raw;
  const line = redactSecrets(cut.replace(/[\r\n]+/g, ' '));
  // Redaction can lengthen a short value (`k=ab` -> `k=[redacted]`): the bound holds after it too.
  return raw.length > MAX_EXCERPT_CHARS || line.length > MAX_EXCERPT_CHARS
    ? `${line.slice(0, MAX_EXCERPT_CHARS)}…`
    : line;
}
