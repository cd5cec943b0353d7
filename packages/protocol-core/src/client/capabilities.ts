/** The capabilities a client declares: derived from the handlers it was given, plus the caller's extras. */
import type { ClientCapabilities } from '../types/capabilities.js';
import type { ProtocolEra } from '../types/revisions.js';
import type { ClientHandlers } from './options.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges `extra` over `base`, recursing into objects, without mutating either. */
function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/**
 * The capabilities of one era. Roots differ: `listChanged` means the client sends
 * `notifications/roots/list_changed`, which exists in the legacy era only.
 */
export function deriveCapabilities(
  handlers: ClientHandlers,
  extra: ClientCapabilities | undefined,
  era: ProtocolEra,
): ClientCapabilities {
  const derived: ClientCapabilities = {};
  if (handlers.elicitation !== undefined) derived.elicitation = { form: {} };
  if (handlers.sampling !== undefined) derived.sampling = {};
  if (handlers.roots !== undefined) derived.roots = era === 'legacy' ? { listChanged: true } : {};
  if (extra === undefined) return derived;
  return deepMerge(
    derived as Record<string, unknown>,
    extra as Record<string, unknown>,
  ) as ClientCapabilities;
}
