/**
 * In-place applicators: `allOf`, `anyOf`, `oneOf`, `not` and `if` / `then` / `else`. Branches whose
 * failure is not itself an issue (anyOf, oneOf, not, if) run fail-fast for their verdict only.
 * Internal to the validator.
 */
import { type Check, fail, shouldStop, speculate } from './context.js';
import {
  type SchemaObject,
  type SubCompiler,
  childAt,
  isSchemaLike,
  readSchemaArray,
} from './schema-reader.js';
import { JsonSchemaError } from './types.js';

function compileBranches(schema: SchemaObject, keyword: string, at: string, compiler: SubCompiler): Check[] {
  return (readSchemaArray(schema, keyword, at) ?? []).map((sub, index) =>
    compiler.sub(sub, childAt(at, keyword, index)),
  );
}

function compileOptional(
  schema: SchemaObject,
  keyword: string,
  at: string,
  compiler: SubCompiler,
): Check | undefined {
  const sub = schema[keyword];
  if (sub === undefined) return undefined;
  if (!isSchemaLike(sub)) throw new JsonSchemaError(childAt(at, keyword), 'must be a schema');
  return compiler.sub(sub, childAt(at, keyword));
}

/** Appends the checks of the applicators present in `schema`. */
export function compileApplicators(
  schema: SchemaObject,
  at: string,
  compiler: SubCompiler,
  checks: Check[],
): void {
  const allOf = compileBranches(schema, 'allOf', at, compiler);
  if (allOf.length > 0) {
    // Every branch's issues are real issues of the value, so allOf keeps the caller's mode.
    checks.push((value, path, ctx) => {
      let ok = true;
      for (const branch of allOf) {
        if (!branch(value, path, ctx)) {
          ok = false;
          if (shouldStop(ctx)) return false;
        }
      }
      return ok;
    });
  }

  // anyOf stops at the first passing branch; one summary issue, since the branches' own issues are
  // mostly noise (each branch fails for its own reasons).
  const anyOf = compileBranches(schema, 'anyOf', at, compiler);
  if (anyOf.length > 0) {
    checks.push(
      (value, path, ctx) =>
        anyOf.some((branch) => speculate(ctx, branch, value, path)) ||
        fail(ctx, path, 'must match at least one schema in anyOf'),
    );
  }

  const oneOf = compileBranches(schema, 'oneOf', at, compiler);
  if (oneOf.length > 0) {
    checks.push((value, path, ctx) => {
      let matches = 0;
      // Stop at the second match: the verdict is known.
      for (const branch of oneOf) {
        if (speculate(ctx, branch, value, path) && ++matches > 1) break;
      }
      if (matches === 1) return true;
      return fail(
        ctx,
        path,
        matches === 0
          ? 'must match one schema in oneOf (matched none)'
          : 'must match exactly one schema in oneOf (matched several)',
      );
    });
  }

  const not = compileOptional(schema, 'not', at, compiler);
  if (not !== undefined) {
    checks.push(
      (value, path, ctx) =>
        !speculate(ctx, not, value, path) || fail(ctx, path, 'must not match the schema in "not"'),
    );
  }

  const condition = compileOptional(schema, 'if', at, compiler);
  if (condition !== undefined) {
    // then / else without if are ignored, as the specification says.
    const then = compileOptional(schema, 'then', at, compiler);
    const otherwise = compileOptional(schema, 'else', at, compiler);
    if (then !== undefined || otherwise !== undefined) {
      checks.push((value, path, ctx) => {
        const branch = speculate(ctx, condition, value, path) ? then : otherwise;
        return branch === undefined || branch(value, path, ctx);
      });
    }
  }
}
