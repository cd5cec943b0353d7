import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Authenticate,
  defaultPrincipalOf,
  HttpAuthError,
  LOOPBACK_HOSTS,
  LOOPBACK_ORIGINS,
  OriginGuard,
} from '../src/index.js';

describe('OriginGuard', () => {
  const guard = new OriginGuard(LOOPBACK_HOSTS, LOOPBACK_ORIGINS);

  it('lets loopback hosts and origins in, any port', () => {
    expect(guard.refusal('127.0.0.1:8080', undefined)).toBeUndefined();
    expect(guard.refusal('LOCALHOST:1', 'http://localhost:1')).toBeUndefined();
    expect(guard.refusal('[::1]:9', 'https://[::1]:9')).toBeUndefined();
  });

  it('fails closed on a missing or malformed Host', () => {
    expect(guard.refusal(undefined, undefined)).toMatch(/missing or malformed Host/);
    expect(guard.refusal('localhost:http', undefined)).toMatch(/missing or malformed Host/);
    expect(guard.refusal('[::1', undefined)).toMatch(/missing or malformed Host/);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign or malformed Origin', () => {
    expect(guard.refusal('evil.example:80', undefined)).toBe('Forbidden: Host "evil.example" is not allowed');
    expect(guard.refusal('localhost', 'http://evil.example')).toBe('Forbidden: Origin is not allowed');
    expect(guard.refusal('localhost', 'not a url')).toBe('Forbidden: Origin is not allowed');
    // The cached verdict is per (Host, Origin) pair, not per Host.
    expect(guard.refusal('localhost', undefined)).toBeUndefined();
  });

  it('pins a port when the rule names one, and an undefined list turns its check off', () => {
    const pinned = new OriginGuard(['example.com:443'], ['https://example.com']);
    expect(pinned.refusal('example.com:443', 'https://example.com')).toBeUndefined();
    expect(pinned.refusal('example.com:444', undefined)).toMatch(/not allowed/);
    expect(pinned.refusal('example.com:443', 'http://example.com')).toMatch(/Origin/);
    const open = new OriginGuard(undefined, undefined);
    expect(open.refusal(undefined, 'http://anything.example')).toBeUndefined();
  });

  it('rejects a malformed rule when built', () => {
    expect(() => new OriginGuard(['bad host:x'], undefined)).toThrow(RangeError);
    expect(() => new OriginGuard(undefined, ['nope'])).toThrow(RangeError);
  });
});

describe('HttpAuthError and defaultPrincipalOf', () => {
  it('defaults to 401 and carries WWW-Authenticate', () => {
    const error = new HttpAuthError('no token', { wwwAuthenticate: 'Bearer realm="mcp"' });
    expect(error.status).toBe(401);
    expect(error.wwwAuthenticate).toBe('Bearer realm="mcp"');
    expect(new HttpAuthError('nope', { status: 403 }).status).toBe(403);
  });

  it('derives a principal from the usual fields, else anonymous', () => {
    expect(defaultPrincipalOf({ sub: 'u1' })).toBe('sub:u1');
    expect(defaultPrincipalOf({ clientId: 'c', token: 't' })).toBe('clientId:c');
    expect(defaultPrincipalOf({ token: 't' })).toBe('token:t');
    expect(defaultPrincipalOf({ sub: '' })).toBeUndefined();
    expect(defaultPrincipalOf('user')).toBeUndefined();
    expectTypeOf<Authenticate>().parameter(0).toHaveProperty('header');
  });
});
