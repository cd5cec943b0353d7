import { describe, expect, it } from 'vitest';
import { parseParams } from '../src/schemas.js';

// The modern `_meta` is checked by hand (it is on every request's hot path); these pin what it checks.
const meta = (extra: Record<string, unknown> = {}) => ({
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } },
  'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
  ...extra,
});
const call = (m: unknown) =>
  parseParams('tools/call', { name: 'echo', arguments: { a: 1 }, _meta: m }, '2026-07-28');

describe('modern request _meta', () => {
  it('accepts a complete _meta and keeps unknown keys', () => {
    const parsed = call(
      meta({ 'com.example/trace': 'x', progressToken: 'p', 'io.modelcontextprotocol/logLevel': 'info' }),
    );
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value._meta?.['com.example/trace']).toBe('x');
  });

  it.each([
    ['a missing version', { 'io.modelcontextprotocol/protocolVersion': undefined }, 'protocolVersion'],
    ['a numeric version', { 'io.modelcontextprotocol/protocolVersion': 20260728 }, 'protocolVersion'],
    [
      'missing capabilities',
      { 'io.modelcontextprotocol/clientCapabilities': undefined },
      'clientCapabilities',
    ],
    [
      'a capability that is not an object',
      { 'io.modelcontextprotocol/clientCapabilities': { sampling: true } },
      'clientCapabilities.sampling',
    ],
    ['client info without a version', { 'io.modelcontextprotocol/clientInfo': { name: 'c' } }, 'clientInfo'],
    ['an unknown log level', { 'io.modelcontextprotocol/logLevel': 'loud' }, 'logLevel'],
    ['a fractional progress token', { progressToken: 1.5 }, 'progressToken'],
  ])('rejects %s, naming the member', (_name, extra, member) => {
    const parsed = call(meta(extra));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(member);
  });

  it('rejects a _meta that is not an object, and tool arguments that are not an object', () => {
    expect(call([]).ok).toBe(false);
    const parsed = parseParams('tools/call', { name: 'echo', arguments: [1], _meta: meta() }, '2026-07-28');
    expect(!parsed.ok && parsed.error).toContain('arguments');
  });
});
