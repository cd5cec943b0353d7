/** `applyJsonSchemaDefaults`: defaults of missing properties, filled into a copy, tolerant of odd schemas. */
import { describe, expect, it } from 'vitest';
import { applyJsonSchemaDefaults, compileJsonSchema } from '../src/schemas.js';

describe('applyJsonSchemaDefaults', () => {
  const form = {
    type: 'object',
    properties: {
      name: { type: 'string' },
      subscribe: { type: 'boolean', default: false },
      tier: { type: 'string', enum: ['free', 'pro'], default: 'free' },
    },
    required: ['name'],
  };

  it('fills the defaults of missing properties and keeps given values (an elicitation form)', () => {
    expect(applyJsonSchemaDefaults(form, { name: 'Ada' })).toEqual({
      name: 'Ada',
      subscribe: false,
      tier: 'free',
    });
    expect(applyJsonSchemaDefaults(form, { name: 'Ada', tier: 'pro' })).toEqual({
      name: 'Ada',
      subscribe: false,
      tier: 'pro',
    });
    // A property without a default stays missing, so validation still reports it.
    const filled = applyJsonSchemaDefaults(form, {});
    expect(filled).toEqual({ subscribe: false, tier: 'free' });
    expect(compileJsonSchema(form)(filled)).toEqual({
      valid: false,
      issues: [{ path: '/name', message: 'is required' }],
    });
  });

  it('treats an undefined member as missing', () => {
    expect(applyJsonSchemaDefaults(form, { name: 'A', tier: undefined })).toEqual({
      name: 'A',
      tier: 'free',
      subscribe: false,
    });
  });

  it('returns a copy and never mutates the value or the schema', () => {
    const schema = {
      properties: { tags: { type: 'array', default: ['a'] }, nested: { properties: { x: { default: 1 } } } },
    };
    const value = { nested: {}, other: { deep: [1] } };
    const result = applyJsonSchemaDefaults(schema, value) as Record<string, Record<string, unknown>>;
    expect(result).toEqual({ nested: { x: 1 }, other: { deep: [1] }, tags: ['a'] });
    expect(value).toEqual({ nested: {}, other: { deep: [1] } });
    expect(result['other']).not.toBe(value.other);
    (result['tags'] as unknown as string[]).push('b');
    expect(schema.properties.tags.default).toEqual(['a']);
  });

  it('recurses into present objects and into defaults, but does not invent objects', () => {
    const schema = {
      properties: {
        opts: { properties: { verbose: { default: true } } },
        withDefault: { default: {}, properties: { level: { default: 3 } } },
      },
    };
    expect(applyJsonSchemaDefaults(schema, { opts: {} })).toEqual({
      opts: { verbose: true },
      withDefault: { level: 3 },
    });
    expect(applyJsonSchemaDefaults(schema, {})).toEqual({ withDefault: { level: 3 } });
  });

  it('follows local $refs, allOf and array items', () => {
    const schema = {
      $defs: { count: { type: 'number', default: 5 }, item: { properties: { done: { default: false } } } },
      allOf: [{ properties: { fromAllOf: { default: 'yes' } } }],
      properties: { n: { $ref: '#/$defs/count' }, list: { items: { $ref: '#/$defs/item' } } },
    };
    expect(applyJsonSchemaDefaults(schema, { list: [{}, { done: true }] })).toEqual({
      fromAllOf: 'yes',
      n: 5,
      list: [{ done: false }, { done: true }],
    });
  });

  it('gives a missing root the root default, and leaves it undefined otherwise', () => {
    expect(
      applyJsonSchemaDefaults({ default: { a: 1 }, properties: { b: { default: 2 } } }, undefined),
    ).toEqual({
      a: 1,
      b: 2,
    });
    expect(applyJsonSchemaDefaults({ properties: { b: { default: 2 } } }, undefined)).toBeUndefined();
  });

  it('keeps a "__proto__" property an ordinary key', () => {
    const schema = JSON.parse('{"properties":{"__proto__":{"default":{"polluted":true}}}}') as unknown;
    const result = applyJsonSchemaDefaults(schema, {}) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect((result as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('is tolerant: odd schemas, dangling or cyclic $refs and cyclic values just fill less', () => {
    expect(applyJsonSchemaDefaults(5, { a: 1 })).toEqual({ a: 1 });
    expect(applyJsonSchemaDefaults({ properties: 5 }, { a: 1 })).toEqual({ a: 1 });
    expect(applyJsonSchemaDefaults({ $ref: '#/nowhere', properties: { a: { default: 1 } } }, {})).toEqual({
      a: 1,
    });
    const loop = {
      $defs: { a: { allOf: [{ $ref: '#/$defs/a' }, { $ref: '#/$defs/a' }] } },
      $ref: '#/$defs/a',
    };
    expect(applyJsonSchemaDefaults(loop, { x: 1 })).toEqual({ x: 1 });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const schema = { properties: { self: { $ref: '#' }, flag: { default: true } } };
    const result = applyJsonSchemaDefaults(schema, cyclic) as Record<string, Record<string, unknown>>;
    expect(result['flag']).toBe(true);
    expect(result['self']?.['flag']).toBe(true);
    expect(Object.hasOwn(cyclic, 'flag')).toBe(false);
  });
});
