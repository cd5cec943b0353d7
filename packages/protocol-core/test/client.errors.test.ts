/**
 * The TransportError codes the client added (`MCPWIRE_ERR_UNSUPPORTED_VERSION`,
 * `MCPWIRE_ERR_LIMIT_EXCEEDED`), version selection and capability derivation.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { deriveCapabilities } from '../src/client/capabilities.js';
import { LEGACY_ROOTS_CAPABILITY } from '../src/client/legacy-driver.js';
import { MODERN_ROOTS_CAPABILITY } from '../src/client/modern-driver.js';
import { selectVersion, supportedVersionsOf } from '../src/client/versions.js';
import { TransportError, TransportErrorCode, type TransportErrorCodeValue } from '../src/errors.js';

describe('TransportErrorCode additions for the client', () => {
  it('has stable string codes for version mismatch and reached limits', () => {
    expect(TransportErrorCode.UnsupportedVersion).toBe('MCPWIRE_ERR_UNSUPPORTED_VERSION');
    expect(TransportErrorCode.LimitExceeded).toBe('MCPWIRE_ERR_LIMIT_EXCEEDED');
    expectTypeOf<'MCPWIRE_ERR_LIMIT_EXCEEDED'>().toExtend<TransportErrorCodeValue>();
    const error = new TransportError(TransportErrorCode.LimitExceeded, 'x', {
      limit: { name: 'maxPages', value: 3 },
    });
    expect(error.details.limit).toEqual({ name: 'maxPages', value: 3 });
    expect(new Set(Object.values(TransportErrorCode)).size).toBe(Object.values(TransportErrorCode).length);
  });
});

describe('selectVersion', () => {
  it('keeps the preferred version when offered, else takes our newest offered one of the era', () => {
    expect(selectVersion(['2026-07-28'], 'modern', '2026-07-28')).toBe('2026-07-28');
    expect(selectVersion(['2024-11-05', '2025-06-18'], 'legacy', '2025-11-25')).toBe('2025-06-18');
    expect(selectVersion(['2025-03-26', '2025-11-25'], 'legacy', '2025-03-26')).toBe('2025-03-26');
  });

  it('ignores versions of the other era, unknown ones and non-strings', () => {
    expect(selectVersion(['2025-11-25', '2099-01-01', 7, null], 'modern', '2026-07-28')).toBeUndefined();
    expect(selectVersion(['2026-07-28'], 'legacy', '2025-11-25')).toBeUndefined();
  });

  it('reads data.supported only in the spec shape', () => {
    expect(supportedVersionsOf({ supported: ['a'], requested: 'b' })).toEqual(['a']);
    expect(supportedVersionsOf({ supported: 'a' })).toBeUndefined();
    expect(supportedVersionsOf(undefined)).toBeUndefined();
  });
});

describe('deriveCapabilities', () => {
  it('declares what the handlers serve, per era, with extras merged deeply', () => {
    const handlers = { roots: () => ({ roots: [] }), elicitation: () => ({ action: 'cancel' as const }) };
    expect(deriveCapabilities(handlers, undefined, LEGACY_ROOTS_CAPABILITY)).toEqual({
      elicitation: { form: {} },
      roots: { listChanged: true },
    });
    expect(deriveCapabilities(handlers, { elicitation: { url: {} } }, MODERN_ROOTS_CAPABILITY)).toEqual({
      elicitation: { form: {}, url: {} },
      roots: {},
    });
    expect(deriveCapabilities({}, undefined, MODERN_ROOTS_CAPABILITY)).toEqual({});
  });
});
