/** The capabilities a client declares: derived from the handlers it was given, plus the caller's extras. */
import type { ClientCapabilities } from '../types/capabilities.js';
import type { ClientHandlers } from './options.js';

/** The `roots` capability a client with a roots handler declares; each era's driver module says which. */
export type RootsCapability = NonNullable<ClientCapabilities['roots']>;

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
 * The capabilities of one era. Roots differ by era (`listChanged` means the client sends
 * `notifications/roots/list_changed`, a legacy notification): the era's driver module gives `roots`.
 */
export function deriveCapabilities(
  handlers: ClientHandlers,
  extra: ClientCapabilities | undefined,
  roots: RootsCapability,
): ClientCapabilities {
  const derived: ClientCapabilities = {};
  if (handlers.elicitation !== undefined) derived.elicitation = { form: {} };
  if (handlers.sampling !== undefined) derived.sampling = {};
  if (handlers.roots !== undefined) derived.roots = { ...roots };
  if (extra === undefined) return derived;
  return deepMerge(
    derived as Record<string, unknown>,
    extra as Record<string, unknown>,
  ) as ClientCapabilities;
}
