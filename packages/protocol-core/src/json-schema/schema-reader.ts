/**
 * Compile-time readers of keyword values: each returns the value in the shape the compiler needs,
 * or throws a `JsonSchemaError` naming the schema location. Internal to the validator.
 */
import { type Check, escapePointerToken, isJsonObject } from './context.js';
import { JsonSchemaError } from './types.js';

/** A schema object (as opposed to a boolean schema). */
export type SchemaObject = Record<string, unknown>;

/** The schema location of a child keyword, e.g. `#/properties` + `a/b` gives `#/properties/a~1b`. */
export function childAt(at: string, ...tokens: (string | number)[]): string {
  return tokens.reduce<string>((path, token) => `${path}/${escapePointerToken(String(token))}`, at);
}

/** True for what may stand where a schema is expected: an object or a boolean. */
export function isSchemaLike(value: unknown): boolean {
  return typeof value === 'boolean' || isJsonObject(value);
}

/** A private copy of a constant (`const`, `enum`), so that later changes to the schema do not leak in. */
export function readConstant(value: unknown, at: string): unknown {
  try {
    return structuredClone(value);
  } catch {
    throw new JsonSchemaError(at, 'must be a JSON value');
  }
}

/** A non-negative integer keyword such as `minLength`. */
export function readCount(schema: SchemaObject, keyword: string, at: string): number | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new JsonSchemaError(childAt(at, keyword), 'must be a non-negative integer');
  }
  return value;
}

/** A finite number keyword such as `minimum`. */
export function readNumber(schema: SchemaObject, keyword: string, at: string): number | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new JsonSchemaError(childAt(at, keyword), 'must be a finite number');
  }
  return value;
}

/** A boolean keyword such as `uniqueItems`. */
export function readBoolean(schema: SchemaObject, keyword: string, at: string): boolean | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new JsonSchemaError(childAt(at, keyword), 'must be a boolean');
  return value;
}

/** A non-empty array of schemas, such as `anyOf`. */
export function readSchemaArray(schema: SchemaObject, keyword: string, at: string): unknown[] | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every(isSchemaLike)) {
    throw new JsonSchemaError(childAt(at, keyword), 'must be a non-empty array of schemas');
  }
  return value;
}

/** An object whose values are schemas, such as `properties`. */
export function readSchemaMap(
  schema: SchemaObject,
  keyword: string,
  at: string,
): [string, unknown][] | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) throw new JsonSchemaError(childAt(at, keyword), 'must be an object of schemas');
  const entries = Object.entries(value);
  for (const [name, sub] of entries) {
    if (!isSchemaLike(sub)) throw new JsonSchemaError(childAt(at, keyword, name), 'must be a schema');
  }
  return entries;
}

/** An array of strings, such as `required`. */
export function readStringArray(value: unknown, at: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new JsonSchemaError(at, 'must be an array of strings');
  }
  // A copy: validators must not change if the caller later mutates the schema.
  return [...value];
}

/**
 * Compiles a `pattern` once, with the `u` flag as JSON Schema asks (ECMA-262 with Unicode).
 * The schema author chooses the pattern; the instance that is tested against it is untrusted, so a
 * pattern prone to catastrophic backtracking (`(a+)+$`) is a denial-of-service risk that only the
 * schema author can avoid.
 */
export function readPattern(value: unknown, at: string): RegExp {
  if (typeof value !== 'string') throw new JsonSchemaError(at, 'must be a string (a regular expression)');
  try {
    return new RegExp(value, 'u');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new JsonSchemaError(at, `is not a valid regular expression with the u flag: ${reason}`);
  }
}

/** What a keyword compiler gets from the schema compiler. */
export interface SubCompiler {
  /** Compiles a subschema found at `at` (one nesting level deeper). */
  sub(schema: unknown, at: string): Check;
  /** Whether `format` is asserted. */
  readonly assertFormats: boolean;
}
