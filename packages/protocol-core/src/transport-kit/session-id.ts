/** Session ids from the platform CSPRNG (`globalThis.crypto`: Node 20, browsers, workers). */

/** Options of {@link newSessionId}. */
export interface SessionIdOptions {
  /**
   * `'base64url'`: 128 random bits as 22 characters of `[A-Za-z0-9_-]`; `'uuid'`: a v4 UUID (122 random
   * bits, as the official SDK makes them). Both are visible ASCII, safe in a header and a query string.
   * @default 'base64url'
   */
  format?: 'base64url' | 'uuid' | undefined;
}

/**
 * A new session id: never reused, never derived from anything a client sent.
 * @example
 * const id = newSessionId(); // e.g. 'q0dM3VQ5Xk2bE9ZrYh1xJw'
 */
export function newSessionId(options?: SessionIdOptions): string {
  if (options?.format === 'uuid') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  // Without padding, and without '+' or '/', which a query string or a stream id separator would trip on.
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** How many leading characters of a session id {@link sessionTag} keeps: enough to tell sessions apart in a log. */
export const SESSION_TAG_CHARS = 6;

/**
 * A session id as errors and logs may show it: its first characters and an ellipsis. A live id is a
 * bearer credential for its session, and messages end up in logs that more people read than should
 * hold one.
 * @example
 * sessionTag('q0dM3VQ5Xk2bE9ZrYh1xJw'); // 'q0dM3V…'
 */
export function sessionTag(sessionId: string): string {
  return sessionId.length <= SESSION_TAG_CHARS ? sessionId : `${sessionId.slice(0, SESSION_TAG_CHARS)}…`;
}
