/**
 * JSON-RPC 2.0 envelope types as MCP uses them (spec `basic/index`): ids are strings or integers,
 * params and results are objects.
 */

/** The only JSON-RPC version MCP speaks. */
export const JSONRPC_VERSION = '2.0' as const;

/** A request id: a string or an integer. `"1"` and `1` are different ids. */
export type RequestId = string | number;

/** A progress token: a string or an integer, unique across the sender's active requests. */
export type ProgressToken = string | number;

/** Params or result object; `_meta` is reserved by MCP. */
export type JSONRPCParams = { [key: string]: unknown };

/** A request that expects a response. */
export interface JSONRPCRequest {
  jsonrpc: typeof JSONRPC_VERSION;
  id: RequestId;
  method: string;
  params?: JSONRPCParams | undefined;
}

/** A one-way message. */
export interface JSONRPCNotification {
  jsonrpc: typeof JSONRPC_VERSION;
  method: string;
  params?: JSONRPCParams | undefined;
}

/** A successful response. */
export interface JSONRPCResultResponse {
  jsonrpc: typeof JSONRPC_VERSION;
  id: RequestId;
  result: JSONRPCParams;
}

/** The `error` member of an error response. */
export interface JSONRPCErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/**
 * An error response. `id` is `null` when the request's id could not be read (JSON-RPC 2.0 §5);
 * MCP's schema lets it be omitted instead, and we accept both.
 */
export interface JSONRPCErrorResponse {
  jsonrpc: typeof JSONRPC_VERSION;
  id?: RequestId | null | undefined;
  error: JSONRPCErrorObject;
}

/** Either kind of response. */
export type JSONRPCResponse = JSONRPCResultResponse | JSONRPCErrorResponse;

/** Any message that travels on a transport. */
export type JSONRPCMessage =
  | JSONRPCRequest
  | JSONRPCNotification
  | JSONRPCResultResponse
  | JSONRPCErrorResponse;

/** True for a request (has `method` and `id`). */
export function isJSONRPCRequest(message: JSONRPCMessage): message is JSONRPCRequest {
  return 'method' in message && 'id' in message;
}

/** True for a notification (has `method`, no `id`). */
export function isJSONRPCNotification(message: JSONRPCMessage): message is JSONRPCNotification {
  return 'method' in message && !('id' in message);
}

/** True for a successful response. */
export function isJSONRPCResultResponse(message: JSONRPCMessage): message is JSONRPCResultResponse {
  return 'result' in message;
}

/** True for an error response. */
export function isJSONRPCErrorResponse(message: JSONRPCMessage): message is JSONRPCErrorResponse {
  return 'error' in message;
}

/** True for either kind of response. */
export function isJSONRPCResponse(message: JSONRPCMessage): message is JSONRPCResponse {
  return 'result' in message || 'error' in message;
}
