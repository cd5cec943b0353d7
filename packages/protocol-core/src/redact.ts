/**
 * Redaction of values that look like credentials, for text that reaches errors and logs: excerpts of
 * malformed input keep their shape (the context a developer needs) with the secret values replaced.
 * Meant for short texts (excerpts are at most a few hundred characters): every pattern is linear and
 * bounded, but the scan is not free on megabytes.
 */

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';

/** Key names whose values are secrets, wherever they appear as `key: value` or `key=value`. */
const SECRET_KEY =
  /pass(?:word|wd)?|pwd|secret|token|api[-_]?key|auth|cookie|credential|private[-_]?key|session[-_]?id|access[-_]?key|signature|requeststate/i;

/**
 * `key: value`, `"key": "value"`, `key=value`: the key (optionally quoted), the separator, and a
 * quoted string or a bare value (with its `Authorization` scheme, if any). Each part has one way to match, so a failing match is linear.
 */
const KEY_VALUE =
  /(["']?)([\w.-]{1,64})\1(\s*[:=]\s*)("(?:[^"\\]|\\.){0,512}"?|(?:(?:Bearer|Basic|Digest|Token) +)?[^\s&;,"'{}[\]]{1,512})/gi;

/** `Authorization` schemes followed by their credentials. */
const SCHEME = /\b(Bearer|Basic|Digest|Token)(\s+)[\w.~+/=-]{4,}/gi;

/** Token shapes that are secrets wherever they stand, whatever key (if any) they follow. */
const TOKEN_SHAPES: readonly RegExp[] = [
  // API keys of many vendors: sk-…, sk-live-…, sk-proj-…, pk_test_…, rk_live_…
  /\b[spr]k[-_](?:live|test|proj|ant|svcacct)?[-_]?[\w-]{8,}/g,
  // GitHub tokens.
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_\w{20,}/g,
  // Slack tokens.
  /\bxox[abeprs]-[\w-]{10,}/g,
  // AWS access key ids.
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  // JSON Web Tokens (header.payload.signature, base64url).
  /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g,
];

/** `text` with credential-looking values replaced by {@link REDACTED}. */
export function redactSecrets(text: string): string {
  let out = text.replace(KEY_VALUE, (match, quote: string, key: string, separator: string, value: string) =>
    SECRET_KEY.test(key) && value !== ''
      ? `${quote}${key}${quote}${separator}${value.startsWith('"') ? `"${REDACTED}"` : REDACTED}`
      : match,
  );
  out = out.replace(SCHEME, `$1$2${REDACTED}`);
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, REDACTED);
  return out;
}
