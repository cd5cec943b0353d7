import type { JSONRPCParams } from '../jsonrpc.js';

/** True for a promise or any object with a callable `then` (what `await` would unwrap). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** The `_meta` object of params, or undefined when absent or not an object. */
export function metaOf(params: JSONRPCParams | undefined): JSONRPCParams | undefined {
  const meta = params?.['_meta'];
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta)
    ? (meta as JSONRPCParams)
    : undefined;
}

/** A short description of a value's kind for error messages, never its content. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return value === undefined ? 'undefined' : `a ${typeof value}`;
}

/** Normalizes anything thrown into an Error, for `onerror`. */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
