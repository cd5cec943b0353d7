/** Choosing a protocol version both sides support, from a list the server sent. */
import { UnsupportedProtocolVersionErrorDataSchema } from '../types/error-data.js';
import {
  eraOf,
  LEGACY_PROTOCOL_VERSIONS,
  MODERN_PROTOCOL_VERSIONS,
  type ProtocolEra,
  type ProtocolVersion,
} from '../types/revisions.js';

/** Our revisions of each era, newest first. */
const OURS: Readonly<Record<ProtocolEra, readonly ProtocolVersion[]>> = {
  legacy: LEGACY_PROTOCOL_VERSIONS,
  modern: MODERN_PROTOCOL_VERSIONS,
};

/**
 * The version to use among `offered` (the server's list): `preferred` when the server lists it,
 * else our newest revision of `era` that the server lists, else undefined.
 */
export function selectVersion(
  offered: readonly unknown[],
  era: ProtocolEra,
  preferred: ProtocolVersion,
): ProtocolVersion | undefined {
  const theirs = new Set(offered.filter((v): v is string => typeof v === 'string'));
  if (eraOf(preferred) === era && theirs.has(preferred)) return preferred;
  return OURS[era].find((version) => theirs.has(version));
}

/** The `supported` list of a -32022 error's data, or undefined when the data is not the spec's shape. */
export function supportedVersionsOf(data: unknown): string[] | undefined {
  const parsed = UnsupportedProtocolVersionErrorDataSchema.safeParse(data);
  return parsed.success ? parsed.data.supported : undefined;
}

/** A bounded, printable rendering of a server's version list, for error messages. */
export function describeVersions(versions: readonly unknown[]): string {
  const shown = versions.slice(0, 8).map((v) => JSON.stringify(v).slice(0, 40));
  return `[${shown.join(', ')}${versions.length > 8 ? ', …' : ''}]`;
}
