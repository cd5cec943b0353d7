/**
 * One row per keyword: a schema, instances it must accept and instances it must reject. Rows in
 * the 2020-12 vocabulary are cross-checked against ajv (same verdict); draft-07 / draft-04 spellings
 * and the rows where we deliberately differ from ajv are marked `ajv: false`.
 */
import { createRequire } from 'node:module';
import type { Ajv as AjvCore } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import {
  type JsonSchemaIssue,
  type JsonSchemaOptions,
  type JsonSchemaValidator,
  applyJsonSchemaDefaults,
  compileJsonSchema,
} from '../src/schemas.js';

const require = createRequire(import.meta.url);
const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof AjvCore };
const addFormats = require('ajv-formats') as FormatsPlugin;
const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
addFormats(ajv, ['email', 'uri', 'date', 'date-time', 'uuid']);

interface Row {
  name: string;
  schema: unknown;
  valid: unknown[];
  invalid: unknown[];
  /** False when ajv cannot judge the row (older dialect) or judges it differently on purpose. */
  ajv?: false;
}

const smile = '\u{1F600}'; // one code point, two UTF-16 units

const ROWS: Row[] = [
  { name: 'type string', schema: { type: 'string' }, valid: ['a', ''], invalid: [1, null, {}, [], true] },
  { name: 'type integer', schema: { type: 'integer' }, valid: [1, -3, 2.0, 1e3], invalid: [1.5, '1', null] },
  { name: 'type number', schema: { type: 'number' }, valid: [0, 1.5, -2], invalid: ['1', null, [1]] },
  {
    name: 'type non-finite',
    schema: { type: 'number' },
    valid: [],
    invalid: [Number.NaN, Number.POSITIVE_INFINITY],
    ajv: false,
  },
  { name: 'type boolean', schema: { type: 'boolean' }, valid: [true, false], invalid: [0, 'true'] },
  { name: 'type null', schema: { type: 'null' }, valid: [null], invalid: [0, '', false] },
  { name: 'type object', schema: { type: 'object' }, valid: [{}, { a: 1 }], invalid: [[], null, 'x'] },
  { name: 'type array', schema: { type: 'array' }, valid: [[], [1]], invalid: [{}, 'x', null] },
  { name: 'type union', schema: { type: ['string', 'null'] }, valid: ['a', null], invalid: [1, {}] },
  {
    name: 'enum',
    schema: { enum: ['a', 1, null, { x: 1 }, [1, 2]] },
    valid: ['a', 1, null, { x: 1 }, [1, 2]],
    invalid: ['b', 2, { x: 2 }, [2, 1], { x: 1, y: 2 }, true],
  },
  {
    name: 'const',
    schema: { const: { a: [1, { b: 2 }] } },
    valid: [{ a: [1, { b: 2 }] }],
    invalid: [{ a: [1, { b: 3 }] }, { a: [1] }, null],
  },
  { name: 'const null', schema: { const: null }, valid: [null], invalid: [0, false, ''] },
  {
    name: 'properties',
    schema: { properties: { a: { type: 'string' } } },
    valid: [{}, { a: 'x' }, { b: 1 }, 'not an object'],
    invalid: [{ a: 1 }],
  },
  {
    name: 'properties with prototype names',
    schema: { properties: { constructor: { type: 'string' }, toString: { type: 'string' } } },
    valid: [{}, { constructor: 'x' }],
    invalid: [{ constructor: 1 }, { toString: 2 }],
    // ajv reads `data.constructor` through the prototype and calls `{}` invalid.
    ajv: false,
  },
  {
    name: 'required',
    schema: { required: ['a', 'b'] },
    valid: [{ a: 1, b: 2 }, []],
    invalid: [{ a: 1 }, {}],
  },
  {
    name: 'additionalProperties false',
    schema: { properties: { a: {} }, additionalProperties: false },
    valid: [{ a: 1 }, {}],
    invalid: [{ b: 1 }, { a: 1, c: 2 }],
  },
  {
    name: 'additionalProperties schema',
    schema: { properties: { a: {} }, additionalProperties: { type: 'number' } },
    valid: [{ a: 'x', b: 1 }],
    invalid: [{ b: 'x' }],
  },
  {
    name: 'patternProperties',
    schema: { patternProperties: { '^x-': { type: 'string' } }, additionalProperties: false },
    valid: [{ 'x-a': '1' }, {}],
    invalid: [{ 'x-a': 1 }, { y: 1 }],
  },
  {
    name: 'propertyNames',
    schema: { propertyNames: { maxLength: 3 } },
    valid: [{ abc: 1 }, {}, 'x'],
    invalid: [{ abcd: 1 }],
  },
  {
    name: 'minProperties / maxProperties',
    schema: { minProperties: 1, maxProperties: 2 },
    valid: [{ a: 1 }, { a: 1, b: 2 }],
    invalid: [{}, { a: 1, b: 2, c: 3 }],
  },
  { name: 'items', schema: { items: { type: 'integer' } }, valid: [[], [1, 2]], invalid: [[1, 'a'], [1.5]] },
  {
    name: 'prefixItems, items false',
    schema: { prefixItems: [{ type: 'string' }, { type: 'number' }], items: false },
    valid: [['a', 1], ['a'], []],
    invalid: [
      ['a', 1, 2],
      [1, 'a'],
    ],
  },
  {
    name: 'prefixItems, items schema',
    schema: { prefixItems: [{ type: 'string' }], items: { type: 'boolean' } },
    valid: [['a', true, false], ['a']],
    invalid: [['a', 1], [1]],
  },
  {
    name: 'draft-07 items array + additionalItems',
    schema: { items: [{ type: 'string' }], additionalItems: { type: 'number' } },
    valid: [['a', 1, 2], []],
    invalid: [['a', 'b'], [1]],
    ajv: false,
  },
  {
    name: 'draft-07 items array, no additionalItems',
    schema: { items: [{ type: 'string' }] },
    valid: [['a', 1, {}]],
    invalid: [[1]],
    ajv: false,
  },
  {
    name: 'contains',
    schema: { contains: { const: 'x' } },
    valid: [['x'], ['a', 'x']],
    invalid: [[], ['a']],
  },
  {
    name: 'minContains / maxContains',
    schema: { contains: { type: 'integer' }, minContains: 2, maxContains: 3 },
    valid: [
      [1, 2],
      [1, 'a', 2, 3],
    ],
    invalid: [[1], [1, 2, 3, 4]],
  },
  {
    name: 'minContains 0',
    schema: { contains: { type: 'integer' }, minContains: 0 },
    valid: [[], ['a']],
    invalid: [],
  },
  {
    name: 'minItems / maxItems',
    schema: { minItems: 1, maxItems: 2 },
    valid: [[1], [1, 2]],
    invalid: [[], [1, 2, 3]],
  },
  {
    name: 'uniqueItems',
    schema: { uniqueItems: true },
    valid: [
      [1, 2],
      [
        { a: 1, b: 2 },
        { a: 1, b: 3 },
      ],
      [1, '1'],
      [[1], [2]],
      [0, false, null, ''],
    ],
    invalid: [
      [1, 1],
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [
        [1, 2],
        [1, 2],
      ],
      [null, null],
    ],
  },
  {
    name: 'minLength / maxLength count code points',
    schema: { minLength: 2, maxLength: 3 },
    valid: ['ab', 'abc', smile + smile, smile + smile + smile, 5],
    invalid: ['a', smile, 'abcd', smile.repeat(4)],
  },
  { name: 'pattern is unanchored', schema: { pattern: 'b' }, valid: ['abc', 1], invalid: ['ac'] },
  {
    name: 'pattern uses the u flag',
    schema: { pattern: '^\\p{Lu}' },
    valid: ['Éa', 'A'],
    invalid: ['éa', '1'],
  },
  {
    name: 'minimum / maximum',
    schema: { minimum: 1, maximum: 3 },
    valid: [1, 3, 2.5, 'x'],
    invalid: [0.99, 3.01],
  },
  {
    name: 'exclusiveMinimum / exclusiveMaximum',
    schema: { exclusiveMinimum: 1, exclusiveMaximum: 3 },
    valid: [1.01, 2],
    invalid: [1, 3],
  },
  {
    name: 'draft-04 boolean exclusiveMinimum / exclusiveMaximum',
    schema: { minimum: 1, exclusiveMinimum: true, maximum: 3, exclusiveMaximum: true },
    valid: [2, 1.5],
    invalid: [1, 3],
    ajv: false,
  },
  { name: 'multipleOf integer', schema: { multipleOf: 3 }, valid: [9, -3, 0, 'x'], invalid: [10, 1.5] },
  // ajv (without multipleOfPrecision) says 0.3 is not a multiple of 0.1; we say it is.
  {
    name: 'multipleOf is float-safe',
    schema: { multipleOf: 0.1 },
    valid: [0.3, 0.7, 1, 12.3, -0.2],
    invalid: [0.35, 0.0001],
    ajv: false,
  },
  {
    name: 'multipleOf 0.01',
    schema: { multipleOf: 0.01 },
    valid: [1.15, 19.99],
    invalid: [1.155],
    ajv: false,
  },
  {
    name: 'allOf',
    schema: { allOf: [{ type: 'string' }, { minLength: 2 }] },
    valid: ['ab'],
    invalid: ['a', 1],
  },
  {
    name: 'anyOf',
    schema: { anyOf: [{ type: 'string' }, { type: 'number', minimum: 0 }] },
    valid: ['x', 1],
    invalid: [-1, null],
  },
  {
    name: 'oneOf',
    schema: { oneOf: [{ type: 'integer' }, { minimum: 2 }] },
    valid: [1, 2.5],
    invalid: [3, 1.5],
  },
  { name: 'not', schema: { not: { type: 'string' } }, valid: [1, null], invalid: ['a'] },
  {
    name: 'if / then / else',
    schema: {
      if: { properties: { kind: { const: 'a' } }, required: ['kind'] },
      // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword.
      then: { required: ['a'] },
      else: { required: ['b'] },
    },
    valid: [{ kind: 'a', a: 1 }, { b: 1 }, { kind: 'z', b: 1 }],
    invalid: [{ kind: 'a' }, { kind: 'a', b: 1 }, {}],
  },
  // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword.
  { name: 'then without if is ignored', schema: { then: false }, valid: [1], invalid: [] },
  {
    name: 'dependentRequired',
    schema: { dependentRequired: { card: ['cvv'] } },
    valid: [{}, { card: 1, cvv: 2 }, { cvv: 2 }],
    invalid: [{ card: 1 }],
  },
  {
    name: 'dependentSchemas',
    schema: { dependentSchemas: { card: { required: ['cvv'] } } },
    valid: [{}, { card: 1, cvv: 2 }],
    invalid: [{ card: 1 }],
  },
  {
    name: 'draft-07 dependencies, both forms',
    schema: { dependencies: { card: ['cvv'], b: { properties: { c: { type: 'string' } } } } },
    valid: [{ card: 1, cvv: 1 }, { b: 1, c: 'x' }, { c: 1 }],
    invalid: [{ card: 1 }, { b: 1, c: 2 }],
    ajv: false,
  },
  {
    name: '$ref to $defs',
    schema: { $defs: { pos: { type: 'integer', minimum: 1 } }, properties: { n: { $ref: '#/$defs/pos' } } },
    valid: [{ n: 1 }, {}],
    invalid: [{ n: 0 }, { n: 'x' }],
  },
  {
    name: '$ref to draft-07 definitions',
    schema: { definitions: { s: { type: 'string' } }, items: { $ref: '#/definitions/s' } },
    valid: [['a']],
    invalid: [[1]],
    ajv: false,
  },
  {
    name: '$ref with escaped pointer tokens',
    schema: {
      $defs: { 'a/b': { type: 'string' }, 'c~d': { type: 'number' }, 'e f': { type: 'boolean' } },
      properties: { x: { $ref: '#/$defs/a~1b' }, y: { $ref: '#/$defs/c~0d' }, z: { $ref: '#/$defs/e%20f' } },
    },
    valid: [{ x: 's', y: 1, z: true }],
    invalid: [{ x: 1 }, { y: 's' }, { z: 1 }],
  },
  {
    name: '$ref # (recursive tree)',
    schema: {
      type: 'object',
      properties: { value: { type: 'number' }, children: { type: 'array', items: { $ref: '#' } } },
      required: ['value'],
    },
    valid: [{ value: 1, children: [{ value: 2, children: [] }] }],
    invalid: [
      { value: 1, children: [{}] },
      { value: 1, children: [{ value: 2, children: [{ value: 'x' }] }] },
    ],
  },
  {
    name: '$ref with sibling keywords (2020-12: both apply)',
    schema: { $defs: { s: { type: 'string' } }, $ref: '#/$defs/s', maxLength: 2 },
    valid: ['ab'],
    invalid: ['abc', 1],
  },
  {
    name: 'draft-07 $ref replaces its siblings',
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: { s: { type: 'string' } },
      $ref: '#/definitions/s',
      maxLength: 2,
    },
    valid: ['abc'],
    invalid: [1],
    ajv: false,
  },
  {
    name: '$ref to an $anchor',
    schema: { $defs: { s: { $anchor: 'str', type: 'string' } }, items: { $ref: '#str' } },
    valid: [['a']],
    invalid: [[1]],
  },
  {
    name: '$ref prefixed with the root $id',
    schema: {
      $id: 'https://example.com/s.json',
      $defs: { n: { type: 'number' } },
      $ref: 'https://example.com/s.json#/$defs/n',
    },
    valid: [1],
    invalid: ['x'],
  },
  { name: 'true schema', schema: true, valid: [1, 'a', null, {}], invalid: [] },
  { name: 'false schema', schema: false, valid: [], invalid: [1, 'a', null, {}] },
  { name: 'false subschema', schema: { properties: { a: false } }, valid: [{}], invalid: [{ a: 1 }] },
  {
    name: 'annotations and unknown keywords are ignored',
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://example.com/x',
      $comment: 'c',
      title: 't',
      description: 'd',
      default: 1,
      examples: [1],
      readOnly: true,
      deprecated: true,
      contentMediaType: 'text/plain',
      'x-vendor': { type: 'number' },
    },
    valid: ['string', 1, null],
    invalid: [],
  },
  {
    name: 'format email',
    schema: { format: 'email' },
    valid: ['a@b.co', 'first.last+tag@sub.example.com', 5],
    invalid: ['a@', '@b.co', 'a b@c.d', 'a@b..c', 'a..b@c.d'],
  },
  {
    name: 'format uri',
    schema: { format: 'uri' },
    valid: [
      'https://example.com/a?b=c#d',
      'urn:isbn:0451450523',
      'mailto:a@b.co',
      'file:///tmp/x',
      'https://x/%20',
    ],
    invalid: ['example.com/x', '/relative', 'http://exa mple.com', 'https://x/%zz', 'https://x/é'],
  },
  {
    name: 'format date',
    schema: { format: 'date' },
    valid: ['2024-02-29', '2023-12-31', '2000-02-29'],
    invalid: ['2023-02-29', '1900-02-29', '2024-13-01', '2024-1-01', '2024-04-31', '2024-00-10'],
  },
  {
    name: 'format date-time',
    schema: { format: 'date-time' },
    valid: ['2024-01-01T12:00:00Z', '2024-01-01T12:00:00.123+05:30', '2024-01-01t12:00:00z'],
    invalid: [
      '2024-01-01T25:00:00Z',
      '2024-01-01T12:00:00',
      '2024-01-01',
      '2024-02-30T00:00:00Z',
      '2024-01-01T12:60:00Z',
    ],
  },
  {
    name: 'format uuid',
    schema: { format: 'uuid' },
    valid: ['123e4567-e89b-12d3-a456-426614174000', 'urn:uuid:123e4567-e89b-12d3-a456-426614174000'],
    invalid: [
      '123e4567e89b12d3a456426614174000',
      'g23e4567-e89b-12d3-a456-426614174000',
      '123e4567-e89b-12d3-a456',
    ],
  },
  {
    name: 'unknown formats are annotations',
    schema: { format: 'x-custom' },
    valid: ['anything'],
    invalid: [],
    ajv: false,
  },
];

describe('compileJsonSchema: keywords', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const validate = compileJsonSchema(row.schema);
    for (const value of row.valid) expect(validate(value), JSON.stringify(value)).toEqual({ valid: true });
    for (const value of row.invalid) {
      const result = validate(value);
      expect(result.valid, JSON.stringify(value)).toBe(false);
      if (!result.valid) expect(result.issues.length).toBeGreaterThan(0);
    }
    if (row.ajv === false) return;
    const reference = ajv.compile(row.schema as object);
    for (const value of [...row.valid, ...row.invalid]) {
      expect(validate(value).valid, `ajv disagrees on ${JSON.stringify(value)}`).toBe(reference(value));
    }
  });

  it('annotates formats when asked to', () => {
    const validate = compileJsonSchema({ format: 'email' }, { formats: 'annotate' });
    expect(validate('not an email')).toEqual({ valid: true });
  });

  it('does not walk the schema again: changing it after compilation has no effect', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };
    const validate = compileJsonSchema(schema);
    schema.properties.n.type = 'string';
    schema.required.length = 0;
    const withEnum = { enum: [{ a: 1 }] };
    const validateEnum = compileJsonSchema(withEnum);
    withEnum.enum[0]!.a = 2;
    expect(validateEnum({ a: 1 })).toEqual({ valid: true });
    expect(validate({ n: 1 })).toEqual({ valid: true });
    expect(validate({}).valid).toBe(false);
  });

  it('ignores undefined members, as JSON would drop them', () => {
    const validate = compileJsonSchema({
      properties: { a: { type: 'string' } },
      required: ['a'],
      additionalProperties: false,
    });
    expect(validate({ a: 'x', b: undefined })).toEqual({ valid: true });
    expect(validate({ a: undefined })).toEqual({
      valid: false,
      issues: [{ path: '/a', message: 'is required' }],
    });
    expect(compileJsonSchema({ const: { a: 1 } })({ a: 1, b: undefined })).toEqual({ valid: true });
  });

  it('agrees with zod on the JSON Schema that zod generates', () => {
    // strictObject: a plain z.object strips unknown keys, though its JSON Schema forbids them.
    const Args = z.strictObject({
      email: z.email(),
      id: z.uuid(),
      day: z.iso.date(),
      count: z.number().int().min(0),
      tags: z.array(z.string()).max(2),
      kind: z.enum(['a', 'b']),
      note: z.string().nullable().optional(),
      pair: z.tuple([z.string(), z.number()]),
      scores: z.record(z.string(), z.number()),
    });
    const validate = compileJsonSchema(z.toJSONSchema(Args));
    const good = {
      email: 'a@b.co',
      id: '123e4567-e89b-12d3-a456-426614174000',
      day: '2024-02-29',
      count: 1,
      tags: ['x'],
      kind: 'a',
      pair: ['a', 1],
      scores: { x: 1 },
    };
    const bad: unknown[] = [
      { ...good, email: 'nope' },
      { ...good, count: -1 },
      { ...good, count: 1.5 },
      { ...good, tags: ['a', 'b', 'c'] },
      { ...good, kind: 'c' },
      { ...good, pair: ['a', 1, 2] },
      { ...good, scores: { x: 'y' } },
      { ...good, extra: true },
      { ...good, day: '2023-02-29' },
    ];
    for (const value of [good, { ...good, note: null }, ...bad]) {
      expect(validate(value).valid, JSON.stringify(value)).toBe(Args.safeParse(value).success);
    }
  });
});

describe('public surface', () => {
  it('keeps the signatures the client and server code against', () => {
    expectTypeOf(compileJsonSchema).toEqualTypeOf<
      (schema: unknown, options?: JsonSchemaOptions) => JsonSchemaValidator
    >();
    expectTypeOf<ReturnType<JsonSchemaValidator>>().toEqualTypeOf<
      { valid: true } | { valid: false; issues: JsonSchemaIssue[] }
    >();
    expectTypeOf<JsonSchemaIssue>().toEqualTypeOf<{ path: string; message: string }>();
    expectTypeOf(applyJsonSchemaDefaults).toEqualTypeOf<(schema: unknown, value: unknown) => unknown>();
    expectTypeOf<JsonSchemaOptions['formats']>().toEqualTypeOf<'assert' | 'annotate' | undefined>();
  });
});
