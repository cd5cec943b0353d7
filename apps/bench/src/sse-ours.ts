import { McpClient, type ProtocolEra } from '@mcpwire/protocol-core';
import { createSseClientTransport } from '@mcpwire/transport-sse';
import { startHttpServerChild, toolsEchoRow } from './http-child.js';
import type { SdkEcho } from './sdk.js';

/**
 * Our McpClient over our HTTP+SSE client transport (undici: its own keep-alive POST pool) → a child
 * running our McpServer with the `echo` tool behind listenSse (servers/ours-sse.mjs). The era is pinned:
 * legacy (initialize, as an SDK client speaks on this wire) or 2026-07-28 requests on the same wire.
 */
export async function oursToolsSse(serverScript: string, era: ProtocolEra = 'legacy'): Promise<SdkEcho> {
  const server = await startHttpServerChild(serverScript);
  const client = new McpClient({ name: 'mcpwire-bench-client', version: '1.0.0' }, { era });
  return toolsEchoRow(server, client, createSseClientTransport({ url: server.url }));
}
