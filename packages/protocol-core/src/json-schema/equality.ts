/**
 * JSON value equality for `const`, `enum` and `uniqueItems`: structural, key order ignored, and
 * bounded in depth because instances may be cyclic. Internal to the validator.
 */
import { type EvalContext, type PathNode, ValidationAbort, isJsonObject } from './context.js';

/** True when `a` and `b` are the same JSON value. `expected` comes from the schema, so it is finite. */
export function jsonEqual(a: unknown, expected: unknown): boolean {
  if (a === expected) return true;
  if (typeof a !== 'object' || typeof expected !== 'object' || a === null || expected === null) return false;
  if (Array.isArray(a) || Array.isArray(expected)) {
    if (!Array.isArray(a) || !Array.isArray(expected) || a.length !== expected.length) return false;
    // Recursion follows `expected`, which is finite JSON, so a cyclic `a` cannot loop.
    return expected.every((item, index) => jsonEqual(a[index], item));
  }
  const record = a as Record<string, unknown>;
  const expectedRecord = expected as Record<string, unknown>;
  const keys = Object.keys(expectedRecord);
  // Members holding undefined do not count, as everywhere else: JSON would drop them.
  const present = Object.keys(record).filter((key) => record[key] !== undefined);
  if (present.length !== keys.length) return false;
  return keys.every((key) => Object.hasOwn(record, key) && jsonEqual(record[key], expectedRecord[key]));
}

/**
 * A string that is equal for equal JSON values (object keys sorted), so that `uniqueItems` costs
 * one pass with a Map instead of comparing every pair of items.
 */
export function canonicalKey(value: unknown, ctx: EvalContext, path: PathNode, depth = 0): string {
  if (depth > ctx.maxDepth)
    throw new ValidationAbort(path, `nesting is deeper than the limit of ${ctx.maxDepth}`);
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalKey(item, ctx, path, depth + 1)).join(',')}]`;
  }
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    const members = keys
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalKey(value[key], ctx, path, depth + 1)}`);
    return `{${members.join(',')}}`;
  }
  // Primitives: JSON text distinguishes "1" from 1; undefined (not JSON) gets its own token.
  return value === undefined ? 'undefined' : JSON.stringify(value);
}
