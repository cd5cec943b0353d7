import { describe, expect, expectTypeOf, it } from 'vitest';
import { type CorsHeaders, CorsPolicy } from '../src/index.js';

const PAGE = 'http://127.0.0.1:5173';
const OTHER = 'https://app.example';

describe('CorsPolicy.headersFor', () => {
  it('allows the origin, exposes the listed headers and varies on Origin', () => {
    const cors = new CorsPolicy({ exposeHeaders: ['mcp-session-id', 'www-authenticate'] });
    expect(cors.headersFor(PAGE)).toEqual({
      'access-control-allow-origin': PAGE,
      'access-control-expose-headers': 'mcp-session-id, www-authenticate',
      vary: 'Origin',
    });
    expect(cors.headersFor(OTHER)?.['access-control-allow-origin']).toBe(OTHER);
  });

  it('omits Access-Control-Expose-Headers when nothing is exposed', () => {
    const headers = new CorsPolicy().headersFor(PAGE);
    expect(headers).toEqual({ 'access-control-allow-origin': PAGE, vary: 'Origin' });
  });

  it('returns the same frozen object for the same origin, a new one for another', () => {
    const cors = new CorsPolicy({ exposeHeaders: ['www-authenticate'] });
    const first = cors.headersFor(PAGE);
    expect(cors.headersFor(PAGE)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const other = cors.headersFor(OTHER);
    expect(other).not.toBe(first);
    expect(other?.['access-control-allow-origin']).toBe(OTHER);
    // Back to the first origin: its headers are right again (the cache holds one origin).
    expect(cors.headersFor(PAGE)?.['access-control-allow-origin']).toBe(PAGE);
  });

  it('is undefined without an Origin, and always when disabled', () => {
    expect(new CorsPolicy().headersFor(undefined)).toBeUndefined();
    const off = new CorsPolicy({ enabled: false, exposeHeaders: ['www-authenticate'] });
    expect(off.enabled).toBe(false);
    expect(off.headersFor(PAGE)).toBeUndefined();
    expect(off.preflight(PAGE, 'POST', 'content-type', 'POST')).toBeUndefined();
  });

  it('refuses a bad preflight max age', () => {
    expect(() => new CorsPolicy({ preflightMaxAgeSeconds: -1 })).toThrow(RangeError);
    expect(() => new CorsPolicy({ preflightMaxAgeSeconds: 1.5 })).toThrow(/preflightMaxAgeSeconds/);
  });
});

describe('CorsPolicy.preflight', () => {
  const cors = new CorsPolicy({ exposeHeaders: ['www-authenticate'] });

  it('allows the methods given and echoes the requested headers', () => {
    expect(
      cors.preflight(PAGE, 'POST', 'content-type, authorization, mcp-param-region', 'GET, POST'),
    ).toEqual({
      'access-control-allow-origin': PAGE,
      'access-control-expose-headers': 'www-authenticate',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type, authorization, mcp-param-region',
      'access-control-max-age': '7200',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    });
  });

  it('allows no headers when none (or only blanks) were requested', () => {
    for (const requested of [undefined, '', '  ']) {
      const headers = cors.preflight(PAGE, 'GET', requested, 'GET');
      expect(headers?.['access-control-allow-methods']).toBe('GET');
      expect(headers).not.toHaveProperty('access-control-allow-headers');
    }
  });

  it('uses the configured max age', () => {
    const short = new CorsPolicy({ preflightMaxAgeSeconds: 600 });
    expect(short.preflight(PAGE, 'POST', undefined, 'POST')?.['access-control-max-age']).toBe('600');
  });

  it('does not touch the cached per-origin headers', () => {
    const base = cors.headersFor(PAGE);
    cors.preflight(PAGE, 'POST', 'content-type', 'POST');
    expect(cors.headersFor(PAGE)).toBe(base);
    expect(base?.['vary']).toBe('Origin');
    expect(base).not.toHaveProperty('access-control-allow-methods');
  });

  it('is undefined for what is not a preflight: no Origin, or no Access-Control-Request-Method', () => {
    expect(cors.preflight(undefined, 'POST', 'content-type', 'POST')).toBeUndefined();
    expect(cors.preflight(PAGE, undefined, 'content-type', 'POST')).toBeUndefined();
  });

  it('types its records as read-only header maps', () => {
    expectTypeOf(cors.headersFor).returns.toEqualTypeOf<CorsHeaders | undefined>();
    expectTypeOf<CorsHeaders>().toEqualTypeOf<Readonly<Record<string, string>>>();
  });
});
