/** `server/discover` (2026-07-28): what a stateless server supports, asked before or instead of a handshake. */
import * as z from 'zod/mini';
import { ResultMetaSchema } from './base.js';
import { type ServerCapabilities, ServerCapabilitiesSchema } from './capabilities.js';
import {
  type CacheHints,
  type CompleteResultFields,
  cacheHintsShape,
  completeResultShape,
} from './modern.js';

/** The result of `server/discover`: supported revisions, capabilities and instructions; cacheable. */
export interface DiscoverResult extends CompleteResultFields, CacheHints {
  /** Revisions the server supports; a client falls back to the legacy era when none is modern. */
  supportedVersions: string[];
  capabilities: ServerCapabilities;
  instructions?: string | undefined;
}

/** Schema of {@link DiscoverResult}. */
export const DiscoverResultSchema: z.ZodMiniType<DiscoverResult> = z.looseObject({
  ...completeResultShape,
  ...cacheHintsShape,
  _meta: z.optional(ResultMetaSchema),
  supportedVersions: z.array(z.string()),
  capabilities: ServerCapabilitiesSchema,
  instructions: z.optional(z.string()),
});
