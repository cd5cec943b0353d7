/**
 * Tool schemas as given at registration, compiled once: a zod schema is advertised as JSON Schema
 * 2020-12 (zod's `toJSONSchema`) and validates with zod; a plain JSON Schema is advertised as given
 * and validates with `compileJsonSchema`, defaults filled in first.
 */
import * as z from 'zod';
import { boundedIssue, parseWithSchema, type SchemaIssue, summarize } from '../engine/schema.js';
import { compileJsonSchema } from '../json-schema/compile.js';
import { applyJsonSchemaDefaults } from '../json-schema/defaults.js';
import type { JsonSchemaObject, SchemaSource } from './types.js';

/** The outcome of a check: the value to use (zod output, or with defaults), or what was wrong. */
export type SchemaCheck =
  | { ok: true; value: unknown }
  | { ok: false; summary: string; issues: SchemaIssue[] };

/** A compiled schema: what to advertise, and how to check a value. */
export interface CompiledSchema {
  /** The JSON Schema sent in `tools/list`. */
  readonly json: JsonSchemaObject;
  /** Checks a value; never throws. */
  check(value: unknown): SchemaCheck;
}

/** The dialect zod emits, and the spec's default: saying it again only trips draft-07 validators in older clients. */
const DEFAULT_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** True for a zod (v4) schema rather than a plain JSON Schema object. */
export function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** True for the official SDK's "raw shape": a non-empty object whose every value is a zod schema. */
export function isZodRawShape(value: unknown): value is { [key: string]: z.ZodType } {
  if (typeof value !== 'object' || value === null || isZodSchema(value)) return false;
  const values = Object.values(value);
  return values.length > 0 && values.every(isZodSchema);
}

/** `/a/b~1c` → `['a', 'b/c']`. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function fromZod(schema: z.ZodType, io: 'input' | 'output'): CompiledSchema {
  // `io: 'input'` advertises what a caller may send (fields with defaults are optional).
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as JsonSchemaObject;
  if (json['$schema'] === DEFAULT_DIALECT) delete json['$schema'];
  return {
    json,
    check(value: unknown): SchemaCheck {
      const outcome = parseWithSchema(schema, value);
      return outcome.ok ? { ok: true, value: outcome.value } : outcome;
    },
  };
}

function fromJsonSchema(schema: JsonSchemaObject): CompiledSchema {
  const validate = compileJsonSchema(schema);
  // Filling defaults copies the value: only worth it when the schema has a default somewhere.
  const hasDefaults = JSON.stringify(schema).includes('"default"');
  return {
    json: schema,
    check(value: unknown): SchemaCheck {
      const filled = hasDefaults ? applyJsonSchemaDefaults(schema, value) : value;
      const result = validate(filled);
      if (result.valid) return { ok: true, value: filled };
      const issues = result.issues.map((issue) => boundedIssue(pointerToPath(issue.path), issue.message));
      return { ok: false, summary: summarize(issues), issues };
    },
  };
}

/**
 * Compiles a schema given for `what` (e.g. `tool "echo" inputSchema`). Throws at registration when
 * the schema cannot be compiled, or when `objectRoot` is set and its root is not `type: "object"`
 * (tool input schemas must be objects).
 */
export function compileSchemaSource(
  source: SchemaSource,
  io: 'input' | 'output',
  what: string,
  objectRoot: boolean,
): CompiledSchema {
  let compiled: CompiledSchema;
  try {
    compiled = isZodSchema(source)
      ? fromZod(source, io)
      : isZodRawShape(source)
        ? fromZod(z.object(source), io)
        : fromJsonSchema(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(`Cannot use the ${what}: ${reason}`, { cause: error });
  }
  if (objectRoot && compiled.json['type'] !== 'object') {
    throw new TypeError(`The ${what} must describe an object (type: "object" at its root)`);
  }
  return compiled;
}
