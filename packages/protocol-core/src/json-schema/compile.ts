/**
 * `compileJsonSchema`: turns a JSON Schema (2020-12, with draft-07 spellings) into a tree of
 * closures once, so that validating walks the instance only, never the schema.
 */
import {
  type Check,
  type EvalContext,
  ROOT_PATH,
  ValidationAbort,
  fail,
  isJsonObject,
  pointerOf,
  shouldStop,
} from './context.js';
import { compileApplicators } from './keywords-applicator.js';
import { compileArrayKeywords } from './keywords-array.js';
import { compileObjectKeywords } from './keywords-object.js';
import { compileScalarKeywords } from './keywords-scalar.js';
import { type RefResolver, createRefResolver } from './refs.js';
import { type SchemaObject, type SubCompiler, childAt, isSchemaLike } from './schema-reader.js';
import {
  JsonSchemaError,
  type JsonSchemaOptions,
  type JsonSchemaResult,
  type JsonSchemaValidator,
} from './types.js';

const DEFAULT_MAX_ISSUES = 20;
const DEFAULT_MAX_DEPTH = 64;
/** Nested subschema applications allowed per unit of maxDepth: room for several $refs per level. */
const NESTING_PER_DEPTH = 16;

const ALWAYS: Check = () => true;
const NEVER: Check = (_value, path, ctx) => fail(ctx, path, 'is not allowed by the schema (false)');
const VALID: { valid: true } = Object.freeze({ valid: true as const });

/** A `$ref` target compiled after the schema that refers to it, which is how cycles are closed. */
interface RefCell {
  check: Check | undefined;
}

function isDraft07OrOlder(root: unknown): boolean {
  const dialect = isJsonObject(root) ? root['$schema'] : undefined;
  return typeof dialect === 'string' && /draft-0[3-7]/.test(dialect);
}

/** Runs the keyword checks of one schema object, counting nesting so that $ref cycles stay bounded. */
function schemaNode(checks: Check[]): Check {
  if (checks.length === 0) return ALWAYS;
  const count = checks.length;
  return (value, path, ctx) => {
    if (++ctx.nesting > ctx.maxNesting) {
      throw new ValidationAbort(path, `schema recursion is deeper than the limit of ${ctx.maxNesting}`);
    }
    let ok = true;
    for (let index = 0; index < count; index++) {
      if (!checks[index]!(value, path, ctx)) {
        ok = false;
        if (shouldStop(ctx)) break;
      }
    }
    ctx.nesting--;
    return ok;
  };
}

class SchemaCompiler {
  private readonly compiled = new Map<object, Check>();
  private readonly cells = new Map<unknown, RefCell>();
  private readonly pending: { target: unknown; at: string; cell: RefCell }[] = [];
  private readonly resolve: RefResolver;
  /** Before 2019-09, `$ref` replaced its sibling keywords instead of adding to them. */
  private readonly refOverridesSiblings: boolean;

  constructor(
    private readonly root: unknown,
    private readonly maxDepth: number,
    private readonly assertFormats: boolean,
  ) {
    this.resolve = createRefResolver(root);
    this.refOverridesSiblings = isDraft07OrOlder(root);
  }

  compileRoot(): Check {
    const check = this.compileNode(this.root, '#', 0);
    // $ref targets are compiled from a work list, not recursively: a long chain of references
    // cannot exhaust the stack, and a cycle meets its own cell.
    for (let next = this.pending.pop(); next !== undefined; next = this.pending.pop()) {
      next.cell.check = this.compileNode(next.target, next.at, 0);
    }
    return check;
  }

  private compileNode(schema: unknown, at: string, level: number): Check {
    if (schema === true) return ALWAYS;
    if (schema === false) return NEVER;
    if (!isJsonObject(schema)) throw new JsonSchemaError(at, 'a schema must be an object or a boolean');
    const cached = this.compiled.get(schema);
    if (cached !== undefined) return cached;
    if (level > this.maxDepth) {
      throw new JsonSchemaError(at, `schema nesting is deeper than the limit of ${this.maxDepth}`);
    }
    for (const keyword of ['$dynamicRef', '$recursiveRef']) {
      if (schema[keyword] !== undefined) throw new JsonSchemaError(childAt(at, keyword), 'is not supported');
    }
    const sub: SubCompiler = {
      sub: (child, childLocation) => this.compileNode(child, childLocation, level + 1),
      assertFormats: this.assertFormats,
    };
    const checks: Check[] = [];
    if (schema['$ref'] !== undefined) checks.push(this.compileRef(schema['$ref'], childAt(at, '$ref')));
    if (schema['$ref'] === undefined || !this.refOverridesSiblings)
      this.compileKeywords(schema, at, sub, checks);
    this.compileDefinitions(schema, at, sub);
    const node = schemaNode(checks);
    this.compiled.set(schema, node);
    return node;
  }

  private compileKeywords(schema: SchemaObject, at: string, sub: SubCompiler, checks: Check[]): void {
    compileScalarKeywords(schema, at, sub, checks);
    compileArrayKeywords(schema, at, sub, checks);
    compileObjectKeywords(schema, at, sub, checks);
    compileApplicators(schema, at, sub, checks);
  }

  /** Definitions are compiled even when unused, so that a broken one fails at compile time. */
  private compileDefinitions(schema: SchemaObject, at: string, sub: SubCompiler): void {
    for (const keyword of ['$defs', 'definitions']) {
      const definitions = schema[keyword];
      if (definitions === undefined) continue;
      if (!isJsonObject(definitions)) throw new JsonSchemaError(childAt(at, keyword), 'must be an object');
      for (const [name, definition] of Object.entries(definitions))
        sub.sub(definition, childAt(at, keyword, name));
    }
  }

  private compileRef(ref: unknown, at: string): Check {
    if (typeof ref !== 'string') throw new JsonSchemaError(at, 'must be a string');
    const target = this.resolve(ref);
    if (target === undefined) {
      throw new JsonSchemaError(
        at,
        `cannot resolve "${ref}": only local references (#, #/json/pointer, #anchor) are supported`,
      );
    }
    if (!isSchemaLike(target)) throw new JsonSchemaError(at, `"${ref}" does not point to a schema`);
    if (typeof target === 'boolean') return target ? ALWAYS : NEVER;
    let cell = this.cells.get(target);
    if (cell === undefined) {
      cell = { check: undefined };
      this.cells.set(target, cell);
      this.pending.push({ target, at: ref, cell });
    }
    const resolved = cell;
    // Filled in by compileRoot before any validation can run.
    return (value, path, ctx) => resolved.check!(value, path, ctx);
  }
}

function readLimit(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`compileJsonSchema: ${name} must be a positive integer`);
  return value;
}

/**
 * Compiles a JSON Schema into a validator. Supports the 2020-12 vocabulary for validation (and the
 * draft-07 spellings `definitions`, array-form `items` + `additionalItems`, `dependencies`, boolean
 * `exclusiveMinimum`), local `$ref`s, and the formats email, uri, date, date-time and uuid.
 * Annotations and unknown keywords are ignored; `unevaluatedProperties` / `unevaluatedItems` too.
 *
 * Patterns (`pattern`, `patternProperties`) run on untrusted instances: a pattern that backtracks
 * catastrophically is a denial-of-service risk that only the schema author can avoid.
 *
 * @throws JsonSchemaError for an invalid schema or an unsupported feature (remote `$ref`, `$dynamicRef`).
 * @example
 * const validate = compileJsonSchema({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] });
 * validate({ n: 'x' }); // { valid: false, issues: [{ path: '/n', message: 'must be integer' }] }
 */
export function compileJsonSchema(schema: unknown, options?: JsonSchemaOptions): JsonSchemaValidator {
  const maxIssues = readLimit(options?.maxIssues, 'maxIssues', DEFAULT_MAX_ISSUES);
  const maxDepth = readLimit(options?.maxDepth, 'maxDepth', DEFAULT_MAX_DEPTH);
  const formats = options?.formats ?? 'assert';
  if (formats !== 'assert' && formats !== 'annotate') {
    throw new RangeError(`compileJsonSchema: formats must be 'assert' or 'annotate'`);
  }
  if (!isSchemaLike(schema)) throw new JsonSchemaError('#', 'a schema must be an object or a boolean');
  const root = new SchemaCompiler(schema, maxDepth, formats === 'assert').compileRoot();
  const maxNesting = NESTING_PER_DEPTH * maxDepth;

  return (value: unknown): JsonSchemaResult => {
    const ctx: EvalContext = { issues: [], maxIssues, maxDepth, maxNesting, failFast: false, nesting: 0 };
    try {
      if (root(value, ROOT_PATH, ctx)) return VALID;
    } catch (error) {
      // A RangeError is a stack overflow: possible only when a large maxDepth lets the nesting cap
      // exceed what the engine's stack holds. It is an invalid value, not a crash of the caller.
      if (!(error instanceof ValidationAbort) && !(error instanceof RangeError)) throw error;
      // The abort is the most important issue: it replaces the last one when the list is full.
      const issue =
        error instanceof ValidationAbort
          ? { path: pointerOf(error.path), message: error.message }
          : { path: '', message: 'validation exhausted the call stack (schema recursion too deep)' };
      if (ctx.issues.length < maxIssues) ctx.issues.push(issue);
      else ctx.issues[maxIssues - 1] = issue;
    }
    if (ctx.issues.length === 0) ctx.issues.push({ path: '', message: 'is invalid' });
    return { valid: false, issues: ctx.issues };
  };
}
