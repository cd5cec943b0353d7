import { describe, expect, it } from 'vitest';
import { readParamValue, scanParamHeaders } from '../src/shared/param-headers.js';

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...extra,
});

describe('scanParamHeaders', () => {
  it('finds annotations on top-level and nested properties with their paths and types', () => {
    const scan = scanParamHeaders(
      object({
        region: { type: 'string', 'x-mcp-header': 'Region' },
        query: { type: 'string' },
        options: object({ limit: { type: 'integer', 'x-mcp-header': 'Limit' } }),
        dry: { type: ['boolean', 'null'], 'x-mcp-header': 'Dry-Run' },
      }),
    );
    expect(scan).toEqual({
      ok: true,
      headers: [
        { name: 'Region', path: ['region'], type: 'string' },
        { name: 'Limit', path: ['options', 'limit'], type: 'integer' },
        { name: 'Dry-Run', path: ['dry'], type: 'boolean' },
      ],
    });
  });

  it('accepts schemas without annotations and non-object schemas', () => {
    expect(scanParamHeaders(object({ a: { type: 'string' } }))).toEqual({ ok: true, headers: [] });
    expect(scanParamHeaders(undefined)).toEqual({ ok: true, headers: [] });
  });

  it.each([
    ['an empty name', object({ a: { type: 'string', 'x-mcp-header': '' } }), /non-empty/],
    ['a non-string name', object({ a: { type: 'string', 'x-mcp-header': 5 } }), /non-empty/],
    ['a name that is not a token', object({ a: { type: 'string', 'x-mcp-header': 'Bad Name' } }), /token/],
    ['a name with CR LF', object({ a: { type: 'string', 'x-mcp-header': 'A\r\nB' } }), /token/],
    [
      'a name used twice ignoring case',
      object({ a: { type: 'string', 'x-mcp-header': 'Dup' }, b: { type: 'string', 'x-mcp-header': 'dup' } }),
      /twice/,
    ],
    ['a number parameter', object({ a: { type: 'number', 'x-mcp-header': 'N' } }), /only string, integer/],
    ['an object parameter', object({ a: { type: 'object', 'x-mcp-header': 'O' } }), /only string, integer/],
    ['an untyped parameter', object({ a: { 'x-mcp-header': 'U' } }), /only string, integer/],
    [
      'an annotation under items',
      object({ list: { type: 'array', items: { type: 'string', 'x-mcp-header': 'I' } } }),
      /items/,
    ],
    [
      'an annotation under oneOf',
      object({}, { oneOf: [object({ a: { type: 'string', 'x-mcp-header': 'A' } })] }),
      /oneOf/,
    ],
    [
      'an annotation in $defs',
      object({}, { $defs: { x: { type: 'string', 'x-mcp-header': 'D' } } }),
      /\$defs/,
    ],
    ['an annotation on the root', { type: 'object', 'x-mcp-header': 'Root' }, /root/],
  ])('rejects %s', (_label, schema, reason) => {
    const scan = scanParamHeaders(schema);
    expect(scan.ok).toBe(false);
    if (!scan.ok) expect(scan.reason).toMatch(reason);
  });
});

describe('readParamValue', () => {
  it('reads values along the properties chain and treats null and absent alike', () => {
    const args = { region: 'eu', options: { limit: 3, none: null }, flag: false };
    expect(readParamValue(args, ['region'])).toBe('eu');
    expect(readParamValue(args, ['options', 'limit'])).toBe(3);
    expect(readParamValue(args, ['flag'])).toBe(false);
    expect(readParamValue(args, ['options', 'none'])).toBeUndefined();
    expect(readParamValue(args, ['options', 'missing'])).toBeUndefined();
    expect(readParamValue(args, ['region', 'deeper'])).toBeUndefined();
    expect(readParamValue(undefined, ['region'])).toBeUndefined();
  });

  it('does not read inherited properties', () => {
    expect(readParamValue({}, ['toString'])).toBeUndefined();
  });
});
