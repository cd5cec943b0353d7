/** Session ids: a v4 UUID from the platform CSPRNG (122 random bits, visible ASCII, as the official SDK's). */
import { randomUUID } from 'node:crypto';

/** A new session id; never reused, never derived from anything a client sent. */
export function newSessionId(): string {
  return randomUUID();
}
