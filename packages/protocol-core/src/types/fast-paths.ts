/**
 * Hand-written accept-only checks for the hottest messages, `tools/call` params and results. Each one
 * either vouches that a value is valid (then the registry returns it without a zod parse, which copies
 * every object it checks) or says "not sure", and the full zod schema runs as before: so a fast path
 * never rejects anything and every error message stays the zod one. They accept only the common shape
 * (text content, plain arguments, the protocol's own `_meta`); anything else takes the slow path.
 * Measured: a zod parse of a small tools/call result or params costs 0.1-0.3 µs plus the garbage of its
 * copy, on both sides of every call.
 */
import { checkModernRequestMeta } from './modern.js';

type Obj = Record<string, unknown>;

function isPlainObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for `{ name, version }` with string values and nothing else (what servers usually send). */
function isSimpleImplementation(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    if ((key !== 'name' && key !== 'version') || typeof value[key] !== 'string') return false;
  }
  return typeof value['name'] === 'string' && typeof value['version'] === 'string';
}

/** True for a text block `{ type: 'text', text }` with no other member. */
function isPlainTextBlock(value: unknown): boolean {
  if (!isPlainObject(value) || value['type'] !== 'text' || typeof value['text'] !== 'string') return false;
  for (const key in value) if (key !== 'type' && key !== 'text') return false;
  return true;
}

/** `tools/call` params: a string name, plain-object arguments, and (modern) the protocol `_meta` only. */
export function fastCallToolParams(params: unknown, modern: boolean): boolean {
  if (!isPlainObject(params) || typeof params['name'] !== 'string') return false;
  for (const key in params) {
    const value = params[key];
    if (key === 'name') continue;
    if (key === 'arguments') {
      if (!isPlainObject(value)) return false;
    } else if (key === '_meta') {
      if (!modern || checkModernRequestMeta(value) !== undefined) return false;
    } else {
      return false;
    }
  }
  // A modern request must carry `_meta`; without it the full schema says what is missing.
  return !modern || params['_meta'] !== undefined;
}

/** `tools/call` result: text blocks, optional isError/structuredContent, `resultType: complete` (modern). */
export function fastCallToolResult(result: unknown, modern: boolean): boolean {
  if (!isPlainObject(result)) return false;
  const content = result['content'];
  if (!Array.isArray(content)) return false;
  for (const block of content) if (!isPlainTextBlock(block)) return false;
  for (const key in result) {
    const value = result[key];
    switch (key) {
      case 'content':
        break;
      case 'isError':
        if (typeof value !== 'boolean') return false;
        break;
      case 'structuredContent':
        if (!isPlainObject(value)) return false;
        break;
      case 'resultType':
        if (!modern || value !== 'complete') return false;
        break;
      case '_meta':
        if (!isPlainObject(value)) return false;
        for (const metaKey in value) {
          if (metaKey !== 'io.modelcontextprotocol/serverInfo' || !isSimpleImplementation(value[metaKey]))
            return false;
        }
        break;
      default:
        return false;
    }
  }
  return !modern || result['resultType'] === 'complete';
}
