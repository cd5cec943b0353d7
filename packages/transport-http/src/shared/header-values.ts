/**
 * Header value encoding of the 2026-07-28 Streamable HTTP transport ("Value Encoding"): values that are
 * not plain visible ASCII travel as `=?base64?<UTF-8 as Base64>?=`. Runtime-neutral (no `node:`).
 */

const SENTINEL_PREFIX = '=?base64?';
const SENTINEL_SUFFIX = '?=';

/** Visible ASCII, space and tab (RFC 9110 field values). */
function isFieldSafe(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x09) continue;
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

function isSentinel(value: string): boolean {
  return (
    value.length >= SENTINEL_PREFIX.length + SENTINEL_SUFFIX.length &&
    value.startsWith(SENTINEL_PREFIX) &&
    value.endsWith(SENTINEL_SUFFIX)
  );
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function fromBase64(encoded: string): string | undefined {
  if (!BASE64.test(encoded)) return undefined;
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Encodes a value for `Mcp-Name` or `Mcp-Param-*`: as-is when it is plain ASCII without leading or
 * trailing whitespace and does not look like the sentinel; Base64 sentinel otherwise.
 */
export function encodeHeaderValue(value: string): string {
  const plain = isFieldSafe(value) && value.trim() === value && !isSentinel(value);
  return plain ? value : `${SENTINEL_PREFIX}${toBase64(value)}${SENTINEL_SUFFIX}`;
}

/**
 * Decodes a received `Mcp-Name` / `Mcp-Param-*` value; undefined when it holds characters a header
 * may not carry or is a sentinel with bad Base64 or bad UTF-8.
 */
export function decodeHeaderValue(raw: string): string | undefined {
  if (isSentinel(raw)) return fromBase64(raw.slice(SENTINEL_PREFIX.length, -SENTINEL_SUFFIX.length));
  return isFieldSafe(raw) ? raw : undefined;
}

/**
 * The header form of a tool argument ("Type conversion"): strings as-is, safe integers in decimal,
 * booleans lower-case. undefined for anything else (null, absent, numbers with fractions, objects),
 * which means "omit the header".
 */
export function headerStringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}
