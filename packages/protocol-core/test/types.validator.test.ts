/** The official-schema validator that tests use to check emitted messages. */
import { describe, expect, it } from 'vitest';
import {
  MAX_REPORTED_ERRORS,
  SCHEMA_REVISIONS,
  assertValidDefinition,
  assertValidMessage,
  getValidator,
  loadSchema,
  validateDefinition,
  validateMessage,
} from './support/schema-validator.js';

describe('schema validator', () => {
  it('finds every revision under spec/mcp-schema, with the right draft', () => {
    expect(SCHEMA_REVISIONS).toEqual(['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28']);
    expect(loadSchema('2025-06-18').$schema).toContain('draft-07');
    expect(loadSchema('2026-07-28').$schema).toContain('2020-12');
  });

  it.each(
    SCHEMA_REVISIONS.map((revision) => [revision]),
  )('%s: accepts a valid message, rejects a broken one', (revision) => {
    expect(validateMessage(revision, { jsonrpc: '2.0', id: 'a', method: 'tools/list', params: {} })).toEqual({
      valid: true,
      errors: [],
    });
    const broken = validateMessage(revision, { jsonrpc: '1.0', id: 1, method: 'ping' });
    expect(broken.valid).toBe(false);
    expect(broken.errors.length).toBeGreaterThan(0);
    expect(broken.errors.length).toBeLessThanOrEqual(MAX_REPORTED_ERRORS);
  });

  it('knows that only 2025-03-26 allows JSON-RPC batches', () => {
    const batch = [{ jsonrpc: '2.0', id: 1, method: 'ping' }];
    expect(validateMessage('2025-03-26', batch).valid).toBe(true);
    expect(validateMessage('2025-06-18', batch).valid).toBe(false);
  });

  it('validates against a named definition, with formats', () => {
    const result = { content: [{ type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' }] };
    expect(validateDefinition('2025-06-18', 'CallToolResult', result).valid).toBe(true);
    const notBase64 = { content: [{ type: 'image', data: '@@@', mimeType: 'image/png' }] };
    expect(validateDefinition('2025-06-18', 'CallToolResult', notBase64).valid).toBe(false);
    expect(validateDefinition('2026-07-28', 'CallToolResult', result).errors).toContain(
      "/ must have required property 'resultType'",
    );
  });

  it('compiles each definition once', () => {
    expect(getValidator('2025-11-25', 'Tool')).toBe(getValidator('2025-11-25', 'Tool'));
  });

  it('throws, naming the problem, for unknown revisions and definitions', () => {
    expect(() => validateMessage('1999-01-01', {})).toThrow(/no schema for revision "1999-01-01"/);
    expect(() => validateDefinition('2026-07-28', 'InitializeRequest', {})).toThrow(
      /no definition "InitializeRequest"/,
    );
  });

  it('asserts with the schema errors and an excerpt of the value', () => {
    expect(() => assertValidMessage('2025-11-25', { jsonrpc: '2.0', id: 1, method: 'ping' })).not.toThrow();
    expect(() => assertValidDefinition('2025-11-25', 'Tool', { name: 'x' })).toThrow(
      /not a valid Tool for 2025-11-25: .*inputSchema[\s\S]*"name":"x"/,
    );
  });
});
