import { describe, expect, it } from 'vitest';
import { decodeHeaderValue, encodeHeaderValue, headerStringOf } from '../src/shared/header-values.js';
import { mcpNameSource } from '../src/shared/mcp-headers.js';

describe('encodeHeaderValue', () => {
  // The encoding examples of the 2026-07-28 Streamable HTTP page ("Value Encoding").
  it.each([
    ['us-west1', 'us-west1'],
    ['Hello, 世界', '=?base64?SGVsbG8sIOS4lueVjA==?='],
    [' padded ', '=?base64?IHBhZGRlZCA=?='],
    ['line1\nline2', '=?base64?bGluZTEKbGluZTI=?='],
    ['=?base64?literal?=', '=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?='],
  ])('encodes %j as %s', (value, encoded) => {
    expect(encodeHeaderValue(value)).toBe(encoded);
    expect(decodeHeaderValue(encoded)).toBe(value);
  });

  it('keeps inner spaces and tabs plain but encodes control characters and DEL', () => {
    expect(encodeHeaderValue('a b\tc')).toBe('a b\tc');
    expect(encodeHeaderValue('a\u0000b')).toMatch(/^=\?base64\?/);
    expect(encodeHeaderValue('a\u007fb')).toMatch(/^=\?base64\?/);
    expect(encodeHeaderValue('')).toBe('');
  });

  it('round-trips arbitrary Unicode through the sentinel', () => {
    for (const value of ['ünïcødé', '🙂 emoji', '\r\ninjected: header', 'tab\tend\t']) {
      expect(decodeHeaderValue(encodeHeaderValue(value))).toBe(value);
    }
  });
});

describe('decodeHeaderValue', () => {
  it('refuses values a header may not carry', () => {
    expect(decodeHeaderValue('caf\u00e9')).toBeUndefined();
    expect(decodeHeaderValue('a\nb')).toBeUndefined();
  });

  it('refuses sentinels with bad Base64 or bad UTF-8', () => {
    expect(decodeHeaderValue('=?base64?not base64!?=')).toBeUndefined();
    expect(decodeHeaderValue('=?base64?abc?=')).toBeUndefined();
    // 0xff alone is not UTF-8.
    expect(decodeHeaderValue('=?base64?/w==?=')).toBeUndefined();
  });

  it('treats the markers case-sensitively, as the spec requires', () => {
    expect(decodeHeaderValue('=?BASE64?YQ==?=')).toBe('=?BASE64?YQ==?=');
  });
});

describe('headerStringOf', () => {
  it('converts the three mirrored types and nothing else', () => {
    expect(headerStringOf('x')).toBe('x');
    expect(headerStringOf(42)).toBe('42');
    expect(headerStringOf(-7)).toBe('-7');
    expect(headerStringOf(true)).toBe('true');
    expect(headerStringOf(false)).toBe('false');
    expect(headerStringOf(1.5)).toBeUndefined();
    expect(headerStringOf(2 ** 53)).toBeUndefined();
    expect(headerStringOf(null)).toBeUndefined();
    expect(headerStringOf({})).toBeUndefined();
  });
});

describe('mcpNameSource', () => {
  it('names params.name for tools/call and prompts/get, params.uri for resources/read', () => {
    expect(mcpNameSource('tools/call', { name: 'echo' })).toEqual({ required: true, value: 'echo' });
    expect(mcpNameSource('prompts/get', { name: 'p' })).toEqual({ required: true, value: 'p' });
    expect(mcpNameSource('resources/read', { uri: 'file:///a' })).toEqual({
      required: true,
      value: 'file:///a',
    });
    expect(mcpNameSource('tools/list', {})).toEqual({ required: false, value: undefined });
    expect(mcpNameSource('tools/call', { name: 3 })).toEqual({ required: true, value: undefined });
    expect(mcpNameSource('tools/call', undefined)).toEqual({ required: true, value: undefined });
  });
});
