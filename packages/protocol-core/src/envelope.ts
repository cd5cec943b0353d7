import { ErrorCode } from './error-codes.js';
import { excerptOf } from './errors.js';
import type { JSONRPCErrorObject, JSONRPCErrorResponse, JSONRPCMessage, RequestId } from './jsonrpc.js';

/** Why one value on the wire is not a JSON-RPC message, and how to answer it. */
export interface EnvelopeError {
  /** -32700 for bad JSON, -32600 for a bad shape. */
  code: number;
  /** What was wrong, in one line. */
  message: string;
  /** The request's id where it could be read, else null. */
  id: RequestId | null;
  /**
   * True when the value looked like a response (no `method`): the peer must not be answered,
   * since answering a response can start an error loop between two peers.
   */
  responseLike: boolean;
}

/** The outcome of checking one value: a message, or why not. */
export type EnvelopeResult = { ok: true; message: JSONRPCMessage } | { ok: false; error: EnvelopeError };

/** Options for {@link parseFrame}. */
export interface ParseFrameOptions {
  /** Accept a JSON array of messages (JSON-RPC batching; MCP 2024-11-05 and 2025-03-26). @default false */
  allowBatch?: boolean | undefined;
  /**
   * Arrays and objects nested deeper than this in one message (the message itself is level 1) make it
   * invalid (-32600). @default {@link DEFAULT_MAX_DEPTH}
   */
  maxDepth?: number | undefined;
}

/**
 * How deep one message may nest, by default: far above any real message (a tool's JSON Schema rarely
 * passes 10), far below what makes recursive code anywhere downstream overflow its stack.
 */
export const DEFAULT_MAX_DEPTH = 128;

/**
 * True when `value` holds arrays or objects nested below level `limit` (`value` is level `depth`).
 * Called after JSON.parse, which V8 runs without recursion; this walk recurses at most `limit` deep
 * and returns at the first level past it, and visits only containers, so a typical message costs a
 * few dozen steps.
 */
function deeperThan(value: object, limit: number, depth: number): boolean {
  if (depth > limit) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null && deeperThan(item, limit, depth + 1)) return true;
    }
    return false;
  }
  for (const key in value) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null && deeperThan(item, limit, depth + 1)) return true;
  }
  return false;
}

/** `validateEnvelope`, then the depth bound: the id and kind are known by then, for the answer. */
function checkMessage(value: unknown, maxDepth: number): EnvelopeResult {
  const result = validateEnvelope(value);
  if (!result.ok || maxDepth === Number.POSITIVE_INFINITY || !deeperThan(result.message, maxDepth, 1)) {
    return result;
  }
  const message = result.message as { id?: unknown; method?: unknown };
  const request = 'method' in message;
  return {
    ok: false,
    error: {
      code: ErrorCode.InvalidRequest,
      message: `Invalid Request: nested deeper than ${maxDepth} levels`,
      id: isRequestId(message.id) ? message.id : null,
      responseLike: !request,
    },
  };
}

/** The outcome of parsing one frame: the valid messages in order, and one error per invalid part. */
export interface ParsedFrame {
  messages: JSONRPCMessage[];
  errors: EnvelopeError[];
  /** True when the frame was a non-empty JSON array accepted as a batch (`allowBatch`). */
  batch?: true | undefined;
}

function isRequestId(id: unknown): id is RequestId {
  return typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string, id: RequestId | null, responseLike: boolean): EnvelopeResult {
  return { ok: false, error: { code: ErrorCode.InvalidRequest, message, id, responseLike } };
}

function describeId(id: unknown): string {
  if (id === null) return 'null';
  if (Array.isArray(id)) return 'an array';
  if (typeof id === 'number')
    return Number.isFinite(id) ? `a non-integer number (${id})` : 'a non-finite number';
  return `a ${typeof id}`;
}

/**
 * Checks that a parsed JSON value is a JSON-RPC 2.0 message as MCP uses it, with hand-written
 * checks (no schema library on the hot path). The value is returned as is, not copied.
 */
export function validateEnvelope(value: unknown): EnvelopeResult {
  if (!isPlainObject(value)) {
    const what = Array.isArray(value)
      ? 'an array (batching is not allowed here)'
      : `a ${value === null ? 'null' : typeof value}`;
    return invalid(`Invalid Request: expected a JSON-RPC object, got ${what}`, null, false);
  }
  const hasMethod = 'method' in value;
  const rawId = value['id'];
  const readableId = isRequestId(rawId) ? rawId : null;
  const responseLike = !hasMethod && ('result' in value || 'error' in value);
  if (value['jsonrpc'] !== '2.0') {
    return invalid('Invalid Request: "jsonrpc" must be "2.0"', readableId, responseLike);
  }
  if (hasMethod) {
    if (typeof value['method'] !== 'string') {
      return invalid('Invalid Request: "method" must be a string', readableId, false);
    }
    if ('id' in value && !isRequestId(rawId)) {
      return invalid(
        `Invalid Request: "id" must be a string or an integer, got ${describeId(rawId)}`,
        null,
        false,
      );
    }
    const params = value['params'];
    if (params !== undefined && !isPlainObject(params)) {
      return invalid('Invalid Request: "params" must be an object', readableId, false);
    }
    return { ok: true, message: value as unknown as JSONRPCMessage };
  }
  if ('result' in value) {
    if ('error' in value) return invalid('Invalid Response: both "result" and "error"', readableId, true);
    if (!isRequestId(rawId)) {
      return invalid(
        `Invalid Response: "id" must be a string or an integer, got ${describeId(rawId)}`,
        null,
        true,
      );
    }
    if (!isPlainObject(value['result']))
      return invalid('Invalid Response: "result" must be an object', rawId, true);
    return { ok: true, message: value as unknown as JSONRPCMessage };
  }
  if ('error' in value) {
    if (rawId !== undefined && rawId !== null && !isRequestId(rawId)) {
      return invalid(
        `Invalid Response: "id" must be a string, an integer or null, got ${describeId(rawId)}`,
        null,
        true,
      );
    }
    const error = value['error'];
    if (
      !isPlainObject(error) ||
      !Number.isSafeInteger(error['code']) ||
      typeof error['message'] !== 'string'
    ) {
      return invalid(
        'Invalid Response: "error" must have an integer "code" and a string "message"',
        readableId,
        true,
      );
    }
    return { ok: true, message: value as unknown as JSONRPCMessage };
  }
  return invalid('Invalid Request: no "method", "result" or "error"', readableId, false);
}

/**
 * Parses one frame of text (a line, an HTTP body, a WebSocket text frame) into messages.
 * Bad JSON gives one -32700 error; each invalid message gives a -32600 error and is not dispatched.
 */
export function parseFrame(text: string, options?: ParseFrameOptions): ParsedFrame {
  // Nesting past level d takes d opening and d closing brackets: a frame of at most 2 * maxDepth
  // characters cannot, so most frames (pings, small calls) skip the walk entirely.
  const bound = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxDepth = text.length > 2 * bound ? bound : Number.POSITIVE_INFINITY;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      messages: [],
      errors: [
        {
          code: ErrorCode.ParseError,
          message: `Parse error: ${reason} in "${excerptOf(text)}"`,
          id: null,
          responseLike: false,
        },
      ],
    };
  }
  if (Array.isArray(value) && options?.allowBatch === true) {
    if (value.length === 0) {
      return {
        messages: [],
        errors: [
          {
            code: ErrorCode.InvalidRequest,
            message: 'Invalid Request: empty batch',
            id: null,
            responseLike: false,
          },
        ],
      };
    }
    const frame: ParsedFrame = { messages: [], errors: [], batch: true };
    for (const item of value) {
      const result = checkMessage(item, maxDepth);
      if (result.ok) frame.messages.push(result.message);
      else frame.errors.push(result.error);
    }
    return frame;
  }
  const result = checkMessage(value, maxDepth);
  return result.ok ? { messages: [result.message], errors: [] } : { messages: [], errors: [result.error] };
}

/** The error response that answers an invalid frame. */
export function envelopeErrorResponse(error: EnvelopeError): JSONRPCErrorResponse {
  const body: JSONRPCErrorObject = { code: error.code, message: error.message };
  return { jsonrpc: '2.0', id: error.id, error: body };
}
