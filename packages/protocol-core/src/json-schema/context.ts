/**
 * The runtime side of compiled schemas: the per-validation context, instance paths, issue
 * collection and the depth guards. Internal to the validator.
 */
import type { JsonSchemaIssue } from './types.js';

/** A location in the instance, as a linked list so that descending allocates one small node. */
export interface PathNode {
  readonly parent: PathNode | undefined;
  readonly key: string | number;
  /** How many steps below the root. */
  readonly depth: number;
}

/** The instance root. */
export const ROOT_PATH: PathNode = { parent: undefined, key: '', depth: 0 };

/** State of one validation run. */
export interface EvalContext {
  readonly issues: JsonSchemaIssue[];
  readonly maxIssues: number;
  readonly maxDepth: number;
  /** Cap on nested subschema applications, which bounds `$ref` recursion and so the stack. */
  readonly maxNesting: number;
  /** True inside anyOf / oneOf / not / if / contains: only the verdict matters, issues are not kept. */
  failFast: boolean;
  nesting: number;
}

/** A compiled schema or keyword: true when `value` passes; pushes issues unless fail-fast. */
export type Check = (value: unknown, path: PathNode, ctx: EvalContext) => boolean;

/**
 * Thrown through the whole evaluation when a depth guard trips. It is never caught by `not` or
 * `anyOf`, so a hostile instance cannot turn "too deep" into "valid".
 */
export class ValidationAbort {
  constructor(
    readonly path: PathNode,
    readonly message: string,
  ) {}
}

/** Escapes one JSON Pointer reference token. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The JSON Pointer of a path. */
export function pointerOf(path: PathNode): string {
  const tokens: string[] = [];
  for (
    let node: PathNode | undefined = path;
    node !== undefined && node.parent !== undefined;
    node = node.parent
  ) {
    tokens.push(escapePointerToken(String(node.key)));
  }
  return tokens.length === 0 ? '' : `/${tokens.reverse().join('/')}`;
}

/** Records an issue (unless fail-fast or full) and returns false, so callers can `return fail(...)`. */
export function fail(ctx: EvalContext, path: PathNode, message: string): false {
  if (!ctx.failFast && ctx.issues.length < ctx.maxIssues) ctx.issues.push({ path: pointerOf(path), message });
  return false;
}

/** True when a failing check may return at once: nobody wants more issues. */
export function shouldStop(ctx: EvalContext): boolean {
  return ctx.failFast || ctx.issues.length >= ctx.maxIssues;
}

/** The path of a child of `path`; aborts the validation past `maxDepth` (deep or cyclic instances). */
export function descend(ctx: EvalContext, path: PathNode, key: string | number): PathNode {
  const depth = path.depth + 1;
  if (depth > ctx.maxDepth)
    throw new ValidationAbort(path, `nesting is deeper than the limit of ${ctx.maxDepth}`);
  return { parent: path, key, depth };
}

/** Runs a check for its verdict only (fail-fast, no issues kept). */
export function speculate(ctx: EvalContext, check: Check, value: unknown, path: PathNode): boolean {
  const saved = ctx.failFast;
  ctx.failFast = true;
  const passed = check(value, path, ctx);
  // No finally needed: an abort discards the whole context.
  ctx.failFast = saved;
  return passed;
}

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Counts Unicode code points, as JSON Schema's length keywords do (a surrogate pair is one). */
export function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** A short, bounded rendering of a schema constant for issue messages. */
export function describeConstant(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
