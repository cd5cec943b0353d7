/**
 * What a failed validation reports (instance paths, bounded issue lists), the guards against deep
 * and cyclic instances and `$ref` cycles, and the compile-time errors for bad schemas.
 */
import { describe, expect, it } from 'vitest';
import { JsonSchemaError, compileJsonSchema } from '../src/schemas.js';

/** An array nested `levels` deep: [[[...[]...]]]. */
function nestedArrays(levels: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe('compileJsonSchema: issues', () => {
  it('reports the JSON Pointer of the instance, escaping ~ and /', () => {
    const validate = compileJsonSchema({
      properties: {
        items: { type: 'array', items: { properties: { name: { type: 'string' } }, required: ['id'] } },
        'a/b': { properties: { 'c~d': { type: 'number' } } },
      },
    });
    expect(validate({ items: [{ id: 1 }, { name: 1 }], 'a/b': { 'c~d': 'x' } })).toEqual({
      valid: false,
      issues: [
        { path: '/items/1/id', message: 'is required' },
        { path: '/items/1/name', message: 'must be string' },
        { path: '/a~1b/c~0d', message: 'must be number' },
      ],
    });
  });

  it('reports the value itself at the empty path', () => {
    expect(compileJsonSchema({ type: 'object' })('x')).toEqual({
      valid: false,
      issues: [{ path: '', message: 'must be object' }],
    });
  });

  it('names additional properties, failed anyOf and dependent requirements at their paths', () => {
    const validate = compileJsonSchema({
      properties: { kind: { anyOf: [{ const: 'a' }, { const: 'b' }] } },
      additionalProperties: false,
      dependentRequired: { kind: ['size'] },
    });
    expect(validate({ kind: 'c', extra: 1 })).toEqual({
      valid: false,
      issues: [
        { path: '/kind', message: 'must match at least one schema in anyOf' },
        { path: '/extra', message: 'is not allowed (additional property)' },
        { path: '/size', message: 'is required when "kind" is present' },
      ],
    });
  });

  it('keeps the issues of anyOf branches out of the report when one branch passes', () => {
    const validate = compileJsonSchema({
      anyOf: [
        { type: 'string', minLength: 5 },
        { type: 'string', maxLength: 2 },
      ],
    });
    expect(validate('ab')).toEqual({ valid: true });
    expect(validate('abc')).toEqual({
      valid: false,
      issues: [{ path: '', message: 'must match at least one schema in anyOf' }],
    });
  });

  it('stops collecting at maxIssues (20 by default) but still reports invalid', () => {
    const schema = { items: { type: 'string' } };
    const many = Array.from({ length: 50 }, (_, index) => index);
    const byDefault = compileJsonSchema(schema)(many);
    expect(byDefault.valid).toBe(false);
    if (!byDefault.valid) expect(byDefault.issues).toHaveLength(20);
    const three = compileJsonSchema(schema, { maxIssues: 3 })(many);
    expect(three).toEqual({
      valid: false,
      issues: [0, 1, 2].map((index) => ({ path: `/${index}`, message: 'must be string' })),
    });
  });

  it('never quotes the instance in a message', () => {
    const secret = 'sk-live-1234567890';
    const result = compileJsonSchema({ properties: { key: { type: 'number', enum: [1] } } })({ key: secret });
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('can be called again and again with fresh results', () => {
    const validate = compileJsonSchema({ type: 'integer' });
    expect(validate('x').valid).toBe(false);
    expect(validate(1)).toEqual({ valid: true });
    expect(validate('y').valid).toBe(false);
  });
});

describe('compileJsonSchema: depth guards', () => {
  const tree = { $defs: { tree: { type: 'array', items: { $ref: '#/$defs/tree' } } }, $ref: '#/$defs/tree' };

  it('validates a cyclic instance against a self-referencing schema without overflowing the stack', () => {
    const node: Record<string, unknown> = { name: 'root' };
    node['child'] = node;
    const validate = compileJsonSchema({
      type: 'object',
      properties: { name: { type: 'string' }, child: { $ref: '#' } },
    });
    const result = validate(node);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.issues.at(-1)?.message).toMatch(/deeper than the limit of 64/);
  });

  it('rejects an instance nested deeper than maxDepth, and accepts it under a higher limit', () => {
    const deep = nestedArrays(100);
    const result = compileJsonSchema(tree)(deep);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.issues[0]?.path.split('/')).toHaveLength(65);
    expect(compileJsonSchema(tree, { maxDepth: 200 })(deep)).toEqual({ valid: true });
    expect(compileJsonSchema(tree)(nestedArrays(60))).toEqual({ valid: true });
  });

  it('does not let `not` turn "too deep" into "valid"', () => {
    const validate = compileJsonSchema({ $defs: tree.$defs, not: { $ref: '#/$defs/tree' } });
    const result = validate(nestedArrays(100));
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.issues[0]?.message).toMatch(/limit/);
  });

  it('stops a $ref cycle that never descends into the instance', () => {
    const loop = compileJsonSchema({ $defs: { a: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' });
    expect(loop(1)).toEqual({
      valid: false,
      issues: [{ path: '', message: 'schema recursion is deeper than the limit of 1024' }],
    });
    // Two branches per level would be 2^1024 evaluations if the guard only returned false.
    const branching = compileJsonSchema({
      $defs: { a: { anyOf: [{ $ref: '#/$defs/a' }, { $ref: '#/$defs/a' }] } },
      $ref: '#/$defs/a',
    });
    expect(branching(1).valid).toBe(false);
  });

  /** `d0` is a string schema; each `d<i>` is a $ref to `d<i-1>`. */
  function refChain(length: number): Record<string, unknown> {
    const $defs: Record<string, unknown> = { d0: { type: 'string' } };
    for (let i = 1; i < length; i++) $defs[`d${i}`] = { $ref: `#/$defs/d${i - 1}` };
    return { $defs, $ref: `#/$defs/d${length - 1}` };
  }

  it('compiles a long chain of $refs without recursion, and bounds it when validating', () => {
    expect(compileJsonSchema(refChain(500))('x')).toEqual({ valid: true });
    expect(compileJsonSchema(refChain(500))(1).valid).toBe(false);
    const long = compileJsonSchema(refChain(5000));
    expect(long('x')).toEqual({
      valid: false,
      issues: [{ path: '', message: 'schema recursion is deeper than the limit of 1024' }],
    });
  });

  // A 100,000-link chain: under a second here, several on a loaded CI machine.
  it('reports a stack overflow allowed by a huge maxDepth as an issue instead of throwing', () => {
    const validate = compileJsonSchema(refChain(100_000), { maxDepth: 100_000 });
    expect(validate('x')).toEqual({
      valid: false,
      issues: [{ path: '', message: 'validation exhausted the call stack (schema recursion too deep)' }],
    });
  }, 60_000);
});

describe('compileJsonSchema: compile-time errors', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a schema that is not an object or boolean', 5, /at #: a schema must be an object or a boolean/],
    [
      'an unknown type',
      { properties: { a: { type: 'strng' } } },
      /at #\/properties\/a\/type: unknown type "strng"/,
    ],
    ['a negative minLength', { minLength: -1 }, /#\/minLength: must be a non-negative integer/],
    ['an invalid pattern', { pattern: '(' }, /#\/pattern: is not a valid regular expression/],
    [
      'a pattern invalid under the u flag',
      { pattern: '\\-' },
      /#\/pattern: is not a valid regular expression/,
    ],
    ['a remote $ref', { $ref: 'https://example.com/other.json' }, /only local references/],
    ['a dangling $ref', { $ref: '#/$defs/missing' }, /cannot resolve "#\/\$defs\/missing"/],
    [
      'a $ref to a non-schema',
      { $defs: { n: 1 }, $ref: '#/$defs/n' },
      /#\/\$ref: "#\/\$defs\/n" does not point to a schema/,
    ],
    ['required that is not an array', { required: 'a' }, /#\/required: must be an array of strings/],
    ['a property that is not a schema', { properties: { a: 5 } }, /#\/properties\/a: must be a schema/],
    ['an empty anyOf', { anyOf: [] }, /#\/anyOf: must be a non-empty array of schemas/],
    ['multipleOf 0', { multipleOf: 0 }, /#\/multipleOf: must be greater than 0/],
    ['$dynamicRef', { $dynamicRef: '#meta' }, /#\/\$dynamicRef: is not supported/],
    [
      'a broken unused definition',
      { $defs: { bad: { type: 1 } } },
      /#\/\$defs\/bad\/type: must be an array of strings/,
    ],
  ];

  it.each(cases)('throws a JsonSchemaError for %s', (_name, schema, message) => {
    expect(() => compileJsonSchema(schema)).toThrow(message);
    expect(() => compileJsonSchema(schema)).toThrow(JsonSchemaError);
  });

  it('gives the schema location on the error', () => {
    try {
      compileJsonSchema({ items: { maxItems: 'x' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSchemaError);
      expect((error as JsonSchemaError).schemaPath).toBe('#/items/maxItems');
    }
  });

  it('rejects schema nesting deeper than maxDepth, and bad options', () => {
    let schema: unknown = { type: 'string' };
    for (let i = 0; i < 70; i++) schema = { items: schema };
    expect(() => compileJsonSchema(schema)).toThrow(/schema nesting is deeper than the limit of 64/);
    expect(() => compileJsonSchema(schema, { maxDepth: 100 })).not.toThrow();
    expect(() => compileJsonSchema({}, { maxIssues: 0 })).toThrow(/maxIssues must be a positive integer/);
    expect(() => compileJsonSchema({}, { maxDepth: 1.5 })).toThrow(/maxDepth must be a positive integer/);
  });
});
