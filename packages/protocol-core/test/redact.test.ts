// Credentials in malformed input must not reach errors and logs through excerpts.
import { describe, expect, it } from 'vitest';
import { excerptOf, MAX_EXCERPT_CHARS } from '../src/errors.js';
import { REDACTED, redactSecrets } from '../src/redact.js';

describe('redactSecrets', () => {
  it.each([
    ['a JSON key that names a secret', '{"apiKey": "abc123def", "x": 1}', '{"apiKey": "[redacted]", "x": 1}'],
    ['a nested password', '{"user":{"password":"hunter2"}}', '{"user":{"password":"[redacted]"}}'],
    ['a token with escaped quotes', '{"access_token":"a\\"b"}', '{"access_token":"[redacted]"}'],
    [
      'a query parameter',
      'GET /cb?code=1&client_secret=s3cr3t&x=2',
      'GET /cb?code=1&client_secret=[redacted]&x=2',
    ],
    ['a cookie', 'cookie: sid=abc; theme=dark', 'cookie: [redacted]; theme=dark'],
    ['a bearer header', 'Authorization: Bearer abc.def-ghi', 'Authorization: [redacted]'],
    ['a bearer token alone', 'sent Bearer eyJhbGciOi', `sent Bearer ${REDACTED}`],
    ['a requestState', '{"requestState":"eyJ2IjoxfQ.sig"}', '{"requestState":"[redacted]"}'],
  ])('redacts %s', (_what, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each([
    ['sk-live-4eC39HqLyjWDarjtT1zdp7dc'],
    ['sk-proj-abcdefghijklmnop'],
    ['pk_test_TYooMQauvdEDq54NiTphI7jx'],
    ['ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['github_pat_11ABCDEFG0123456789_abcdefghij'],
    ['xoxb-123456789012-abcdefghij'],
    ['AKIAIOSFODNN7EXAMPLE'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk'],
  ])('redacts the token shape %s wherever it stands', (token) => {
    const text = `{"jsonrpc":"2.0","params":{"note":"use ${token} please"`;
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(token);
    expect(redacted).toContain(REDACTED);
    expect(redacted.startsWith('{"jsonrpc":"2.0","params":{"note":"use ')).toBe(true);
  });

  it('leaves ordinary input alone', () => {
    const text =
      '{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"text":"sk"}}}';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('excerptOf', () => {
  it('redacts a key sent in a malformed body, keeping the rest of the excerpt', () => {
    const excerpt = excerptOf('{"jsonrpc":"2.0","method":"x","params":{"key":"sk-live-0123456789abcdef"}');
    expect(excerpt).not.toContain('sk-live-0123456789abcdef');
    expect(excerpt).toContain('"method":"x"');
  });

  it('stays within its bound after redaction lengthened short values', () => {
    const raw = 'token=a&'.repeat(60);
    const excerpt = excerptOf(raw);
    expect(excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT_CHARS + 1);
    expect(excerpt).not.toMatch(/token=a&/);
  });

  it('is fast on hostile input at its bound (every pattern is linear)', () => {
    // Not a timing assertion: a quadratic pattern on 200 characters would still pass; this pins that
    // the scan never sees more than the bound, whatever the input size.
    const raw = `${'a'.repeat(5_000_000)}`;
    expect(excerptOf(raw)).toBe(`${'a'.repeat(MAX_EXCERPT_CHARS)}…`);
  });
});
