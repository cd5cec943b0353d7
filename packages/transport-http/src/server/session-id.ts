/** Legacy session ids: 128 bits from the platform CSPRNG, as base64url (22 visible ASCII characters). */

const BYTES = 16;

/** A new session id; never reused, never derived from anything a client sent. */
export function newSessionId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(BYTES));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  // base64url without padding: no character a header or a stream id separator ('.', '/') would trip on.
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
