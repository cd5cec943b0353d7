/**
 * The response shapes of the server: headers every response carries, and JSON-RPC error bodies for
 * refusals made at the HTTP level (before or instead of the protocol engine).
 */
import type { JSONRPCErrorObject, RequestId } from '@mcpwire/protocol-core';
import type { HttpExchange, ResponseHeaders } from './exchange.js';

/** A JSON body. Responses are never cached: each answers one request. */
export const JSON_HEADERS: ResponseHeaders = Object.freeze({
  'content-type': 'application/json',
  'cache-control': 'no-cache',
}) as ResponseHeaders;

/** An SSE stream: `X-Accel-Buffering: no` keeps nginx-style proxies from holding events back. */
export const SSE_HEADERS: ResponseHeaders = Object.freeze({
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
}) as ResponseHeaders;

/** No body (202 Accepted, 204 No Content). */
export const EMPTY_HEADERS: ResponseHeaders = Object.freeze({
  'cache-control': 'no-cache',
}) as ResponseHeaders;

/** Extras of {@link sendError}. */
export interface ErrorOptions {
  /** The request's id when it was read; omitted otherwise (the transport spec's "error response that has no id"). */
  id?: RequestId | null | undefined;
  data?: unknown;
  /** Headers added to the JSON ones (Allow, Retry-After, WWW-Authenticate, Connection). */
  headers?: ResponseHeaders | undefined;
}

/** The JSON text of a JSON-RPC error response. */
export function errorJson(code: number, message: string, options?: ErrorOptions): string {
  const body: { jsonrpc: '2.0'; id?: RequestId | null; error: JSONRPCErrorObject } = {
    jsonrpc: '2.0',
    error: options?.data === undefined ? { code, message } : { code, message, data: options.data },
  };
  if (options?.id !== undefined) body.id = options.id;
  return JSON.stringify(body);
}

/** Answers with `status` and a JSON-RPC error body. */
export function sendError(
  exchange: HttpExchange,
  status: number,
  code: number,
  message: string,
  options?: ErrorOptions,
): void {
  const headers = options?.headers === undefined ? JSON_HEADERS : { ...JSON_HEADERS, ...options.headers };
  exchange.respond(status, headers, errorJson(code, message, options));
}
