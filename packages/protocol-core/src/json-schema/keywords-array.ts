/**
 * Array keywords: `prefixItems` / `items` / `additionalItems` (2020-12 and draft-07 spellings),
 * `contains` with `minContains` / `maxContains`, `minItems`, `maxItems` and `uniqueItems`.
 * Internal to the validator.
 */
import { type Check, descend, fail, shouldStop, speculate } from './context.js';
import { canonicalKey } from './equality.js';
import {
  type SchemaObject,
  type SubCompiler,
  childAt,
  isSchemaLike,
  readBoolean,
  readCount,
  readSchemaArray,
} from './schema-reader.js';
import { JsonSchemaError } from './types.js';

/**
 * A compiled item schema, or `false` for "no item allowed here": kept apart from the generic false
 * schema so that the issue says why (a tuple with `items: false` is the common case).
 */
type ItemRule = Check | false;

function compileItemRule(compiler: SubCompiler, schema: unknown, at: string): ItemRule | undefined {
  if (schema === undefined) return undefined;
  if (!isSchemaLike(schema)) throw new JsonSchemaError(at, 'must be a schema');
  return schema === false ? false : compiler.sub(schema, at);
}

/**
 * The tuple part and the rest: 2020-12 has `prefixItems` + `items`; draft-07 has array-form `items`
 * + `additionalItems`; a lone schema-form `items` applies to every item.
 */
function compileItems(schema: SchemaObject, at: string, compiler: SubCompiler): Check | undefined {
  const items = schema['items'];
  const prefixSchemas = Array.isArray(items)
    ? (readSchemaArray(schema, 'items', at) ?? [])
    : (readSchemaArray(schema, 'prefixItems', at) ?? []);
  const prefixKey = Array.isArray(items) ? 'items' : 'prefixItems';
  const prefix = prefixSchemas.map((sub, index) =>
    compileItemRule(compiler, sub, childAt(at, prefixKey, index)),
  );
  const rest = Array.isArray(items)
    ? compileItemRule(compiler, schema['additionalItems'], childAt(at, 'additionalItems'))
    : compileItemRule(compiler, items, childAt(at, 'items'));
  if (prefix.length === 0 && rest === undefined) return undefined;
  return (value, path, ctx) => {
    if (!Array.isArray(value)) return true;
    let ok = true;
    for (let index = 0; index < value.length; index++) {
      const rule = index < prefix.length ? prefix[index] : rest;
      // Past the tuple with no rule for the rest: any further items are allowed.
      if (rule === undefined) break;
      const itemPath = descend(ctx, path, index);
      const passed =
        rule === false
          ? fail(ctx, itemPath, 'is not allowed (additional item)')
          : rule(value[index], itemPath, ctx);
      if (!passed) {
        ok = false;
        if (shouldStop(ctx)) return false;
      }
    }
    return ok;
  };
}

function compileContains(schema: SchemaObject, at: string, compiler: SubCompiler): Check | undefined {
  if (schema['contains'] === undefined) return undefined;
  if (!isSchemaLike(schema['contains']))
    throw new JsonSchemaError(childAt(at, 'contains'), 'must be a schema');
  const rule = compiler.sub(schema['contains'], childAt(at, 'contains'));
  const minContains = readCount(schema, 'minContains', at) ?? 1;
  const maxContains = readCount(schema, 'maxContains', at);
  return (value, path, ctx) => {
    if (!Array.isArray(value)) return true;
    let count = 0;
    for (let index = 0; index < value.length; index++) {
      // Each item is only probed: a non-matching item is not an issue in itself.
      if (!speculate(ctx, rule, value[index], descend(ctx, path, index))) continue;
      count++;
      // Without maxContains the first minContains matches settle it; no need to probe the rest.
      if (maxContains === undefined && count >= minContains) return true;
    }
    if (count < minContains) {
      return fail(
        ctx,
        path,
        `must contain at least ${minContains} matching item${minContains === 1 ? '' : 's'}`,
      );
    }
    if (maxContains !== undefined && count > maxContains) {
      return fail(ctx, path, `must contain at most ${maxContains} matching items`);
    }
    return true;
  };
}

function compileUniqueItems(schema: SchemaObject, at: string): Check | undefined {
  if (readBoolean(schema, 'uniqueItems', at) !== true) return undefined;
  // One canonical key per item and a Map: linear, where comparing every pair would be quadratic in an
  // untrusted array's length.
  return (value, path, ctx) => {
    if (!Array.isArray(value)) return true;
    const seen = new Map<string, number>();
    for (let index = 0; index < value.length; index++) {
      const key = canonicalKey(value[index], ctx, path);
      const first = seen.get(key);
      if (first !== undefined)
        return fail(ctx, path, `must not contain duplicates (items ${first} and ${index} are equal)`);
      seen.set(key, index);
    }
    return true;
  };
}

/** Appends the checks of the array keywords present in `schema`. */
export function compileArrayKeywords(
  schema: SchemaObject,
  at: string,
  compiler: SubCompiler,
  checks: Check[],
): void {
  const minItems = readCount(schema, 'minItems', at);
  const maxItems = readCount(schema, 'maxItems', at);
  // Size checks first: they are cheap and make a huge array fail before its items are walked.
  if (minItems !== undefined) {
    const message = `must have at least ${minItems} item${minItems === 1 ? '' : 's'}`;
    checks.push(
      (value, path, ctx) => !Array.isArray(value) || value.length >= minItems || fail(ctx, path, message),
    );
  }
  if (maxItems !== undefined) {
    const message = `must have at most ${maxItems} item${maxItems === 1 ? '' : 's'}`;
    checks.push(
      (value, path, ctx) => !Array.isArray(value) || value.length <= maxItems || fail(ctx, path, message),
    );
  }
  for (const check of [
    compileItems(schema, at, compiler),
    compileContains(schema, at, compiler),
    compileUniqueItems(schema, at),
  ]) {
    if (check !== undefined) checks.push(check);
  }
}
