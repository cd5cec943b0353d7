import { describe, expect, it } from 'vitest';
import { parseParams, parseResult } from '../src/schemas.js';

// tools/call params and results take a hand-written fast path when they have the common shape: the
// value comes back as is (no zod copy). Anything else goes through zod, with zod's own error message.
const meta = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
};

describe('tools/call fast paths', () => {
  it('return common params and results themselves, in both eras', () => {
    const legacyParams = { name: 'echo', arguments: { text: 'hi' } };
    const modernParams = { ...legacyParams, _meta: meta };
    const legacyResult = {
      content: [{ type: 'text', text: 'hi' }],
      isError: false,
      structuredContent: { a: 1 },
    };
    const modernResult = {
      content: [{ type: 'text', text: 'hi' }],
      resultType: 'complete',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 's', version: '1' } },
    };
    const outcomes = [
      [parseParams('tools/call', legacyParams, '2025-11-25'), legacyParams],
      [parseParams('tools/call', modernParams, '2026-07-28'), modernParams],
      [parseResult('tools/call', legacyResult, '2025-06-18'), legacyResult],
      [parseResult('tools/call', modernResult, '2026-07-28'), modernResult],
    ] as const;
    for (const [outcome, input] of outcomes) {
      expect(outcome.ok).toBe(true);
      expect(outcome.ok && outcome.value).toBe(input);
    }
  });

  it('leave other shapes to zod, which copies them and keeps extension members', () => {
    const withAnnotations = { content: [{ type: 'text', text: 'hi', annotations: { priority: 1 } }] };
    const parsed = parseResult('tools/call', withAnnotations, '2025-11-25');
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value).not.toBe(withAnnotations);
    expect(parsed.ok && parsed.value).toEqual(withAnnotations);
  });

  it.each([
    ['a numeric name', { name: 1, arguments: {} }, 'name'],
    ['array arguments', { name: 'echo', arguments: [1] }, 'arguments'],
  ])('reject params with %s with the zod message', (_what, params, member) => {
    const outcome = parseParams('tools/call', params, '2025-11-25');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(new RegExp(`Invalid params for tools/call: .*${member}`));
  });

  it('reject a modern request without _meta, and bad results, with the zod message', () => {
    const noMeta = parseParams('tools/call', { name: 'echo', arguments: {} }, '2026-07-28');
    expect(!noMeta.ok && noMeta.error).toContain('_meta');
    const badText = parseResult('tools/call', { content: [{ type: 'text', text: 5 }] }, '2025-11-25');
    expect(!badText.ok && badText.error).toContain('Invalid result for tools/call');
    const noType = parseResult('tools/call', { content: [{ type: 'text', text: 'x' }] }, '2026-07-28');
    expect(!noType.ok && noType.error).toContain('resultType');
  });
});
