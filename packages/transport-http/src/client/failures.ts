/**
 * The client transport's typed errors, and reading a JSON-RPC error out of an HTTP error body.
 */
import {
  ErrorCode,
  type JSONRPCErrorResponse,
  type RequestId,
  TransportError,
  TransportErrorCode,
  type TransportErrorDetails,
} from '@mcpwire/protocol-core';
import { excerptOf, validateEnvelope } from '@mcpwire/protocol-core/transport-kit';

/** Which message an error is about. */
export type About = Pick<TransportErrorDetails, 'method' | 'requestId'>;

function what(about: About): string {
  const id = about.requestId === undefined ? '' : ` (id ${JSON.stringify(about.requestId)})`;
  return about.method === undefined ? 'the request' : `"${about.method}"${id}`;
}

/** No response arrived: refused, reset, DNS, TLS. */
export function networkError(about: About, cause: unknown): TransportError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new TransportError(
    TransportErrorCode.Network,
    excerptOf(`HTTP request for ${what(about)} failed: ${reason}`),
    about,
    cause,
  );
}

/** An HTTP error status with nothing to deliver in its body. */
export function httpStatusError(status: number, about: About, body: string | undefined): TransportError {
  const detail = body === undefined || body.length === 0 ? '' : `: ${body}`;
  return new TransportError(
    TransportErrorCode.HttpStatus,
    excerptOf(`HTTP ${status} for ${what(about)}${detail}`),
    { ...about, httpStatus: status },
  );
}

/**
 * `initialize` refused with 404 or 405 and no JSON-RPC answer worth delivering, and no `fallback`:
 * the endpoint takes no Streamable HTTP POSTs, and is likely an HTTP+SSE (2024-11-05) one.
 */
export function notStreamableHttpError(
  status: number,
  about: About,
  said: string | undefined,
): TransportError {
  const server = said === undefined || said.length === 0 ? '' : ` (the server said: ${excerptOf(said)})`;
  return new TransportError(
    TransportErrorCode.HttpStatus,
    `HTTP ${status} for ${what(about)}: this endpoint does not take Streamable HTTP POSTs. If it is an ` +
      'HTTP+SSE (2024-11-05) server, pass the `fallback` option ' +
      '(fallback: (url) => createSseClientTransport({ url })) or connect with @mcpwire/transport-sse' +
      server,
    { ...about, httpStatus: status },
  );
}

/** A stream ended (or kept breaking) before the response it owed. */
export function streamEnded(about: About, why: string, cause?: unknown): TransportError {
  return new TransportError(
    TransportErrorCode.Network,
    `The response stream of ${what(about)} ended before its response: ${why}`,
    about,
    cause,
  );
}

/** The session ended (404) and a new one could not be started. */
export function sessionExpired(about: About, why: string, status?: number): TransportError {
  return new TransportError(
    TransportErrorCode.SessionExpired,
    excerptOf(`The server ended the session while ${what(about)} was sent, and ${why}`),
    status === undefined ? about : { ...about, httpStatus: status },
  );
}

/** A response that is not what the exchange owed (no response, wrong id, not JSON-RPC). */
export function invalidResponse(about: About, why: string, status?: number): TransportError {
  return new TransportError(
    TransportErrorCode.InvalidMessage,
    excerptOf(`Invalid HTTP response to ${what(about)}: ${why}`),
    status === undefined ? about : { ...about, httpStatus: status },
  );
}

/** The transport is closed. */
export function closedError(about?: About): TransportError {
  return new TransportError(
    TransportErrorCode.Closed,
    'The Streamable HTTP transport is closed',
    about ?? {},
  );
}

/** The request was cancelled (its POST aborted). */
export function cancelledError(about: About, cause?: unknown): TransportError {
  return new TransportError(TransportErrorCode.Cancelled, `${what(about)} was cancelled`, about, cause);
}

/** The error to throw after `signal` aborted: its reason when it is ours, else a cancellation. */
export function abortError(signal: { readonly reason: unknown }, about: About): TransportError {
  return signal.reason instanceof TransportError ? signal.reason : cancelledError(about, signal.reason);
}

/** The JSON-RPC error response in a body, if that is what it holds. */
export function jsonRpcErrorOf(text: string | undefined): JSONRPCErrorResponse | undefined {
  if (text === undefined || text.length === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const checked = validateEnvelope(value);
  if (!checked.ok || !('error' in checked.message)) return undefined;
  return checked.message;
}

/** The same error, answering `id` (servers answer a rejected POST with `id: null` or none). */
export function withId(response: JSONRPCErrorResponse, id: RequestId): JSONRPCErrorResponse {
  return response.id === id ? response : { jsonrpc: '2.0', id, error: response.error };
}

/** Errors only a modern server sends (2026-07-28 Streamable HTTP "Backward Compatibility"). */
const MODERN_CODES: ReadonlySet<number> = new Set([
  ErrorCode.HeaderMismatch,
  ErrorCode.MissingRequiredClientCapability,
  ErrorCode.UnsupportedProtocolVersion,
]);

/** True for a recognized modern error: -32020..-32022, or -32601 with a 404 (unknown method). */
export function isModernError(response: JSONRPCErrorResponse, status: number): boolean {
  const code = response.error.code;
  return MODERN_CODES.has(code) || (status === 404 && code === ErrorCode.MethodNotFound);
}

/**
 * Statuses that say "no modern endpoint here" when they answer the first modern request without a
 * modern error. Authentication, rate limits and timeouts say nothing about the era.
 */
export function meansLegacyStatus(status: number): boolean {
  return status >= 400 && status < 500 && ![401, 403, 407, 408, 429].includes(status);
}

/**
 * The answer handed up for a modern request a legacy server refused: a -32600 error, which
 * McpClient's probe takes as "legacy" and answers with `initialize`.
 */
export function legacyAnswer(id: RequestId, httpStatus: number | undefined): JSONRPCErrorResponse {
  const because = httpStatus === undefined ? 'remembered from an earlier connection' : `HTTP ${httpStatus}`;
  return {
    jsonrpc: '2.0',
    id,
    error: {
      code: ErrorCode.InvalidRequest,
      message: `The server does not speak the 2026-07-28 protocol (${because}); use initialize`,
      data: httpStatus === undefined ? { cachedEra: 'legacy' } : { httpStatus },
    },
  };
}
