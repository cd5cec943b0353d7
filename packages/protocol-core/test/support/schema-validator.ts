/**
 * Validates messages against the official MCP JSON schema of a revision
 * (`spec/mcp-schema/<revision>/schema.json` at the repo's root), for tests: every message our code emits should pass
 * the schema of the revision in use.
 *
 * Draft-07 schemas (2024-11-05 .. 2025-06-18) use `ajv`, 2020-12 ones (2025-11-25, 2026-07-28)
 * `ajv/dist/2020`, both with `ajv-formats`. Each schema document is loaded once; each definition
 * is compiled on first use and cached.
 *
 * @example
 * import { assertValidMessage, validateDefinition } from './support/schema-validator.js';
 * assertValidMessage('2025-11-25', { jsonrpc: '2.0', id: 1, method: 'ping' });
 * expect(validateDefinition('2026-07-28', 'CallToolResult', result).errors).toEqual([]);
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvCore, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';

// createRequire sidesteps the CommonJS/ESM default-export ambiguity of ajv and ajv-formats.
const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as { Ajv: typeof AjvCore };
const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof AjvCore };
const addFormats = require('ajv-formats') as FormatsPlugin;

/** A schema document as loaded: `$schema` and its definitions. */
export interface SchemaDocument {
  $schema: string;
  definitions?: Record<string, Record<string, unknown>>;
  $defs?: Record<string, Record<string, unknown>>;
}

/** The outcome of a validation: `errors` is empty when the value is valid. */
export interface SchemaValidation {
  valid: boolean;
  /** Up to {@link MAX_REPORTED_ERRORS} lines, `<instance path> <message>`. */
  errors: string[];
}

/** How many ajv errors a validation reports. */
export const MAX_REPORTED_ERRORS = 8;

// The schemas are test data kept in the repo (spec/mcp-schema, see its README); MCP_SCHEMA_DIR points
// elsewhere, for example at a newer copy being tried before it is committed.
function findSchemaRoot(): string {
  const override = process.env['MCP_SCHEMA_DIR'];
  if (override !== undefined && override !== '') return override;
  return fileURLToPath(new URL('../../../../spec/mcp-schema/', import.meta.url));
}

/** The directory that holds `<revision>/schema.json`. */
export const SCHEMA_ROOT: string = findSchemaRoot();

/** The revisions that have a schema, oldest first. */
export const SCHEMA_REVISIONS: readonly string[] = readdirSync(SCHEMA_ROOT)
  .filter((name) => existsSync(join(SCHEMA_ROOT, name, 'schema.json')))
  .sort();

interface Loaded {
  document: SchemaDocument;
  ajv: AjvCore;
  /** `definitions` (draft-07) or `$defs` (2020-12). */
  defsKey: 'definitions' | '$defs';
  validators: Map<string, ValidateFunction>;
}

const loaded = new Map<string, Loaded>();

function load(revision: string): Loaded {
  const cached = loaded.get(revision);
  if (cached !== undefined) return cached;
  const path = join(SCHEMA_ROOT, revision, 'schema.json');
  if (!existsSync(path)) throw new Error(`schema-validator: no schema for revision "${revision}" at ${path}`);
  const document = JSON.parse(readFileSync(path, 'utf8')) as SchemaDocument;
  const is2020 = document.$schema.includes('2020-12');
  const AjvClass = is2020 ? Ajv2020 : Ajv;
  // The spec schemas use `type: [..]` unions; everything else is kept strict.
  const ajv = new AjvClass({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document as object, revision);
  const entry: Loaded = { document, ajv, defsKey: is2020 ? '$defs' : 'definitions', validators: new Map() };
  loaded.set(revision, entry);
  return entry;
}

/** The raw schema document of a revision. */
export function loadSchema(revision: string): SchemaDocument {
  return load(revision).document;
}

/** The definitions of a revision's schema, by name. */
export function schemaDefinitions(revision: string): Record<string, Record<string, unknown>> {
  const { document, defsKey } = load(revision);
  return document[defsKey] ?? {};
}

/** The compiled validator of one definition, e.g. `CallToolResult`; compiled once, then cached. */
export function getValidator(revision: string, definition: string): ValidateFunction {
  const entry = load(revision);
  const cached = entry.validators.get(definition);
  if (cached !== undefined) return cached;
  if (!(definition in (entry.document[entry.defsKey] ?? {}))) {
    throw new Error(`schema-validator: revision ${revision} has no definition "${definition}"`);
  }
  const validator = entry.ajv.getSchema(`${revision}#/${entry.defsKey}/${definition}`);
  if (validator === undefined) throw new Error(`schema-validator: cannot compile ${revision}#${definition}`);
  entry.validators.set(definition, validator);
  return validator;
}

/** Validates `value` against one definition of a revision's schema. */
export function validateDefinition(revision: string, definition: string, value: unknown): SchemaValidation {
  const validator = getValidator(revision, definition);
  if (validator(value)) return { valid: true, errors: [] };
  const errors = (validator.errors ?? [])
    .slice(0, MAX_REPORTED_ERRORS)
    .map(
      (error) => `${error.instancePath === '' ? '/' : error.instancePath} ${error.message ?? 'is invalid'}`,
    );
  return { valid: false, errors };
}

/** Validates a whole JSON-RPC message against the revision's `JSONRPCMessage` definition. */
export function validateMessage(revision: string, message: unknown): SchemaValidation {
  return validateDefinition(revision, 'JSONRPCMessage', message);
}

/** Throws, listing the schema errors, unless `value` is valid against the definition. */
export function assertValidDefinition(revision: string, definition: string, value: unknown): void {
  const { valid, errors } = validateDefinition(revision, definition, value);
  if (!valid) {
    const excerpt = JSON.stringify(value).slice(0, 300);
    throw new Error(`not a valid ${definition} for ${revision}: ${errors.join('; ')}\n  in ${excerpt}`);
  }
}

/** Throws, listing the schema errors, unless `message` is a valid message of the revision. */
export function assertValidMessage(revision: string, message: unknown): void {
  assertValidDefinition(revision, 'JSONRPCMessage', message);
}
