/**
 * Where JSON-RPC batches (a JSON array of messages) are allowed on this wire. JSON-RPC 2.0 has them,
 * 2024-11-05 inherits them, 2025-03-26 spells them out ("MUST support receiving"), and 2025-06-18
 * removed them. Before a version is negotiated nothing is batched: `initialize` must travel alone.
 */

/** The protocol revisions in which either side may send a JSON-RPC batch. */
export const BATCH_PROTOCOL_VERSIONS: readonly string[] = ['2024-11-05', '2025-03-26'];

/** True when `version` (the negotiated one, or undefined before `initialize`) allows batches. */
export function allowsBatch(version: string | undefined): boolean {
  return version !== undefined && BATCH_PROTOCOL_VERSIONS.includes(version);
}
