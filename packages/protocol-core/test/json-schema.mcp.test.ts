/**
 * The official MCP JSON schemas, which lean on `$ref` / `$defs`, compile; the spec's example messages
 * validate against their definitions; and mutated copies (a member deleted, a value of the wrong type)
 * get the same verdict from us as from ajv, the reference implementation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvCore, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { type ProtocolVersion, SUPPORTED_PROTOCOL_VERSIONS } from '../src/index.js';
import { type JsonSchemaValidator, compileJsonSchema } from '../src/schemas.js';
import { fixturesFor } from './support/mcp-fixtures.js';
import { SCHEMA_ROOT } from './support/schema-validator.js';

const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as { Ajv: typeof AjvCore };
const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof AjvCore };
const addFormats = require('ajv-formats') as FormatsPlugin;

interface Document {
  $schema: string;
  $defs?: Record<string, unknown>;
  definitions?: Record<string, unknown>;
}

/** Our validator and ajv's for each definition of one revision, built on demand. */
class Revision {
  readonly document: Document;
  readonly defsKey: '$defs' | 'definitions';
  private readonly ajv: AjvCore;
  private readonly ours = new Map<string, JsonSchemaValidator>();
  private readonly theirs = new Map<string, ValidateFunction>();

  constructor(readonly revision: string) {
    this.document = JSON.parse(readFileSync(join(SCHEMA_ROOT, revision, 'schema.json'), 'utf8')) as Document;
    this.defsKey = this.document.$defs === undefined ? 'definitions' : '$defs';
    const AjvClass = this.defsKey === '$defs' ? Ajv2020 : Ajv;
    // The formats we assert are asserted by ajv too; the others are annotations on both sides.
    this.ajv = new AjvClass({
      strict: false,
      allowUnionTypes: true,
      formats: { byte: true, 'uri-template': true },
    });
    addFormats(this.ajv, ['email', 'uri', 'date', 'date-time', 'uuid']);
    this.ajv.addSchema(this.document as object, revision);
  }

  get names(): string[] {
    return Object.keys(this.document[this.defsKey] ?? {});
  }

  /** The wrapper the other engineers use: `{ $ref: '#/$defs/X', $defs }`. */
  ours_(name: string): JsonSchemaValidator {
    let validator = this.ours.get(name);
    if (validator === undefined) {
      const wrapper = {
        $schema: this.document.$schema,
        $ref: `#/${this.defsKey}/${name}`,
        [this.defsKey]: this.document[this.defsKey],
      };
      validator = compileJsonSchema(wrapper);
      this.ours.set(name, validator);
    }
    return validator;
  }

  theirs_(name: string): ValidateFunction {
    let validator = this.theirs.get(name);
    if (validator === undefined) {
      validator = this.ajv.getSchema(`${this.revision}#/${this.defsKey}/${name}`);
      if (validator === undefined) throw new Error(`ajv cannot compile ${name}`);
      this.theirs.set(name, validator);
    }
    return validator;
  }
}

const revisions = new Map<string, Revision>();
function revisionOf(name: string): Revision {
  let revision = revisions.get(name);
  if (revision === undefined) {
    revision = new Revision(name);
    revisions.set(name, revision);
  }
  return revision;
}

/** Copies of `value` with one change each: every member deleted, every value swapped for another type. */
function mutations(value: unknown): { label: string; value: unknown }[] {
  const out: { label: string; value: unknown }[] = [{ label: 'root replaced by a number', value: 12345 }];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node !== 'object' || node === null) return;
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.entries(node);
    for (const [key, child] of entries) {
      const at = [...path, key];
      if (!Array.isArray(node))
        out.push({ label: `delete /${at.join('/')}`, value: edit(value, at, undefined) });
      const swapped =
        typeof child === 'string' ? 42 : typeof child === 'object' && child !== null ? 'swapped' : 'swapped';
      out.push({ label: `retype /${at.join('/')}`, value: edit(value, at, swapped) });
      walk(child, at);
    }
  };
  walk(value, []);
  return out;
}

/** A deep copy of `root` with the member at `path` replaced, or deleted when `replacement` is undefined. */
function edit(root: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

describe('compileJsonSchema: the official MCP schemas', () => {
  // Compiling every definition takes ~1 s of CPU here, and 6 s or more on a loaded CI machine.
  it.each(
    SUPPORTED_PROTOCOL_VERSIONS.map((revision) => [revision]),
  )('%s: the document and every definition compile', (name) => {
    const revision = revisionOf(name);
    expect(() => compileJsonSchema(revision.document)).not.toThrow();
    expect(revision.names.length).toBeGreaterThan(50);
    for (const definition of revision.names)
      expect(() => revision.ours_(definition), definition).not.toThrow();
  }, 60_000);

  it.each(
    SUPPORTED_PROTOCOL_VERSIONS.map((revision) => [revision]),
  )("%s: our fixtures and their mutations get ajv's verdict", (name) => {
    const revision = revisionOf(name);
    let rejected = 0;
    for (const fixture of fixturesFor(name as ProtocolVersion)) {
      expect(revision.ours_('JSONRPCMessage')(fixture.message), fixture.name).toEqual({ valid: true });
      for (const mutation of mutations(fixture.message)) {
        const ours = revision.ours_('JSONRPCMessage')(mutation.value).valid;
        expect(ours, `${fixture.name}: ${mutation.label}`).toBe(
          revision.theirs_('JSONRPCMessage')(mutation.value),
        );
        if (!ours) rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(50);
  });
});

describe('compileJsonSchema: the 2026-07-28 example messages', () => {
  const revision = revisionOf('2026-07-28');
  const root = join(SCHEMA_ROOT, '2026-07-28', 'examples');
  const examples = readdirSync(root).flatMap((type) =>
    readdirSync(join(root, type))
      .filter((file) => file.endsWith('.json'))
      .map((file) => [`${type}/${file}`, type, join(root, type, file)] as const),
  );

  it('finds the examples', () => {
    expect(existsSync(root)).toBe(true);
    expect(examples.length).toBeGreaterThan(100);
  });

  it.each(examples)("%s: valid, and every mutation gets ajv's verdict", (_label, type, file) => {
    const example: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const ours = revision.ours_(type);
    const theirs = revision.theirs_(type);
    expect(theirs(example)).toBe(true);
    expect(ours(example)).toEqual({ valid: true });
    let rejected = 0;
    for (const mutation of mutations(example)) {
      const verdict = ours(mutation.value);
      expect(verdict.valid, mutation.label).toBe(theirs(mutation.value));
      if (!verdict.valid) {
        rejected++;
        expect(verdict.issues.length).toBeGreaterThan(0);
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it('compiles every schema embedded in the examples (tool input/output, elicitation forms)', () => {
    const embedded: unknown[] = [];
    const collect = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (['inputSchema', 'outputSchema', 'requestedSchema'].includes(key)) embedded.push(value);
        else collect(value);
      }
    };
    for (const [, , file] of examples) collect(JSON.parse(readFileSync(file, 'utf8')));
    expect(embedded.length).toBeGreaterThan(3);
    for (const schema of embedded) {
      const validate = compileJsonSchema(schema);
      // Every embedded schema has an object root: a string is never a valid instance.
      expect(validate('not an object').valid, JSON.stringify(schema)).toBe(false);
    }
  });

  it('names the instance path of a missing required member and of a wrong type', () => {
    const validate = revision.ours_('CallToolRequest');
    const request = {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: {
        _meta: {
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
          'io.modelcontextprotocol/clientCapabilities': {},
        },
        name: 'get_weather',
      },
    };
    expect(validate(request)).toEqual({ valid: true });
    expect(validate(edit(request, ['params', 'name'], undefined))).toEqual({
      valid: false,
      issues: [{ path: '/params/name', message: 'is required' }],
    });
    const wrongType = validate(edit(request, ['params', 'name'], 7));
    expect(wrongType.valid).toBe(false);
    if (!wrongType.valid)
      expect(wrongType.issues).toContainEqual({ path: '/params/name', message: 'must be string' });
  });
});
