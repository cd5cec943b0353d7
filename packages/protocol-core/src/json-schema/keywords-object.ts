/**
 * Object keywords: `properties`, `patternProperties`, `additionalProperties`, `required`,
 * `propertyNames`, `minProperties` / `maxProperties`, `dependentRequired`, `dependentSchemas` and the
 * draft-07 `dependencies`. Internal to the validator.
 */
import { type Check, descend, fail, isJsonObject, shouldStop, speculate } from './context.js';
import {
  type SchemaObject,
  type SubCompiler,
  childAt,
  isSchemaLike,
  readCount,
  readPattern,
  readSchemaMap,
  readStringArray,
} from './schema-reader.js';
import { JsonSchemaError } from './types.js';

/** A value that JSON would omit: a property holding `undefined` counts as absent. */
function has(object: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(object, key) && object[key] !== undefined;
}

/**
 * `properties`, `patternProperties` and `additionalProperties` in one pass over the instance's keys.
 * A Map (not an object) holds the property schemas, so a key such as `constructor` or `__proto__`
 * cannot hit the prototype.
 */
function compileMembers(schema: SchemaObject, at: string, compiler: SubCompiler): Check | undefined {
  const properties = new Map(
    (readSchemaMap(schema, 'properties', at) ?? []).map(([name, sub]) => [
      name,
      compiler.sub(sub, childAt(at, 'properties', name)),
    ]),
  );
  const patterns = (readSchemaMap(schema, 'patternProperties', at) ?? []).map(([source, sub]) => ({
    regex: readPattern(source, childAt(at, 'patternProperties', source)),
    check: compiler.sub(sub, childAt(at, 'patternProperties', source)),
  }));
  const rawAdditional = schema['additionalProperties'];
  if (rawAdditional !== undefined && !isSchemaLike(rawAdditional)) {
    throw new JsonSchemaError(childAt(at, 'additionalProperties'), 'must be a schema');
  }
  const additional =
    rawAdditional === undefined || rawAdditional === true
      ? undefined
      : rawAdditional === false
        ? false
        : compiler.sub(rawAdditional, childAt(at, 'additionalProperties'));
  if (properties.size === 0 && patterns.length === 0 && additional === undefined) return undefined;

  return (value, path, ctx) => {
    if (!isJsonObject(value)) return true;
    let ok = true;
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (member === undefined) continue;
      let matched = false;
      let passed = true;
      const propertyCheck = properties.get(key);
      if (propertyCheck !== undefined) {
        matched = true;
        passed = propertyCheck(member, descend(ctx, path, key), ctx);
      }
      // Every matching pattern applies, in addition to `properties` (the keywords are independent).
      for (const pattern of patterns) {
        if ((passed || !shouldStop(ctx)) && pattern.regex.test(key)) {
          matched = true;
          passed = pattern.check(member, descend(ctx, path, key), ctx) && passed;
        }
      }
      // additionalProperties sees only the keys neither `properties` nor a pattern claimed.
      if (!matched && additional !== undefined) {
        passed =
          additional === false
            ? fail(ctx, descend(ctx, path, key), 'is not allowed (additional property)')
            : additional(member, descend(ctx, path, key), ctx);
      }
      if (!passed) {
        ok = false;
        if (shouldStop(ctx)) return false;
      }
    }
    return ok;
  };
}

function compileRequired(schema: SchemaObject, at: string): Check | undefined {
  if (schema['required'] === undefined) return undefined;
  const required = readStringArray(schema['required'], childAt(at, 'required'));
  if (required.length === 0) return undefined;
  return (value, path, ctx) => {
    if (!isJsonObject(value)) return true;
    let ok = true;
    for (const name of required) {
      if (!has(value, name)) {
        // Reported at the missing member's own path: what a form or an error message wants to point at.
        ok = fail(ctx, descend(ctx, path, name), 'is required');
        if (shouldStop(ctx)) return false;
      }
    }
    return ok;
  };
}

function compilePropertyNames(schema: SchemaObject, at: string, compiler: SubCompiler): Check | undefined {
  if (schema['propertyNames'] === undefined) return undefined;
  if (!isSchemaLike(schema['propertyNames']))
    throw new JsonSchemaError(childAt(at, 'propertyNames'), 'must be a schema');
  const check = compiler.sub(schema['propertyNames'], childAt(at, 'propertyNames'));
  return (value, path, ctx) => {
    if (!isJsonObject(value)) return true;
    let ok = true;
    for (const key of Object.keys(value)) {
      const keyPath = descend(ctx, path, key);
      // The name is probed, then reported once: the inner issue would point at the value, not the name.
      if (!speculate(ctx, check, key, keyPath)) {
        ok = fail(ctx, keyPath, 'has an invalid property name');
        if (shouldStop(ctx)) return false;
      }
    }
    return ok;
  };
}

/**
 * `dependentRequired` (names that must come with a name), `dependentSchemas` (a schema that applies
 * when a name is present) and draft-07 `dependencies`, which holds either kind.
 */
function compileDependencies(schema: SchemaObject, at: string, compiler: SubCompiler): Check | undefined {
  const requiredBy: [string, string[]][] = [];
  const schemasBy: [string, Check][] = [];
  for (const keyword of ['dependentRequired', 'dependentSchemas', 'dependencies']) {
    const map = schema[keyword];
    if (map === undefined) continue;
    if (!isJsonObject(map)) throw new JsonSchemaError(childAt(at, keyword), 'must be an object');
    for (const [name, dependency] of Object.entries(map)) {
      const where = childAt(at, keyword, name);
      if (keyword !== 'dependentSchemas' && Array.isArray(dependency)) {
        requiredBy.push([name, readStringArray(dependency, where)]);
      } else if (keyword !== 'dependentRequired' && isSchemaLike(dependency)) {
        schemasBy.push([name, compiler.sub(dependency, where)]);
      } else {
        throw new JsonSchemaError(
          where,
          keyword === 'dependentRequired' ? 'must be an array of strings' : 'must be a schema',
        );
      }
    }
  }
  if (requiredBy.length === 0 && schemasBy.length === 0) return undefined;
  return (value, path, ctx) => {
    if (!isJsonObject(value)) return true;
    let ok = true;
    for (const [name, names] of requiredBy) {
      if (!has(value, name)) continue;
      for (const needed of names) {
        if (has(value, needed)) continue;
        ok = fail(ctx, descend(ctx, path, needed), `is required when "${name}" is present`);
        if (shouldStop(ctx)) return false;
      }
    }
    // A dependent schema applies to the whole object, at the object's own path.
    for (const [name, check] of schemasBy) {
      if (has(value, name) && !check(value, path, ctx)) {
        ok = false;
        if (shouldStop(ctx)) return false;
      }
    }
    return ok;
  };
}

/** Appends the checks of the object keywords present in `schema`. */
export function compileObjectKeywords(
  schema: SchemaObject,
  at: string,
  compiler: SubCompiler,
  checks: Check[],
): void {
  const minProperties = readCount(schema, 'minProperties', at);
  const maxProperties = readCount(schema, 'maxProperties', at);
  // Members holding undefined are not counted: JSON.stringify would drop them.
  const countOf = (value: Record<string, unknown>): number =>
    Object.keys(value).filter((key) => value[key] !== undefined).length;
  if (minProperties !== undefined) {
    const message = `must have at least ${minProperties} propert${minProperties === 1 ? 'y' : 'ies'}`;
    checks.push(
      (value, path, ctx) =>
        !isJsonObject(value) || countOf(value) >= minProperties || fail(ctx, path, message),
    );
  }
  if (maxProperties !== undefined) {
    const message = `must have at most ${maxProperties} propert${maxProperties === 1 ? 'y' : 'ies'}`;
    checks.push(
      (value, path, ctx) =>
        !isJsonObject(value) || countOf(value) <= maxProperties || fail(ctx, path, message),
    );
  }
  const compiled = [
    compileRequired(schema, at),
    compileMembers(schema, at, compiler),
    compilePropertyNames(schema, at, compiler),
    compileDependencies(schema, at, compiler),
  ];
  for (const check of compiled) {
    if (check !== undefined) checks.push(check);
  }
}
