import { McpClient, type ProtocolEra } from '@mcpwire/protocol-core';
import { createStreamableHttpClientTransport } from '@mcpwire/transport-http';
import { startHttpServerChild, toolsEchoRow } from './http-child.js';
import type { SdkEcho } from './sdk.js';

/**
 * Our McpClient over our Streamable HTTP client transport (undici `request` on its global dispatcher) →
 * a child running our McpServer with the `echo` tool behind our Streamable HTTP handler
 * (servers/ours-http.mjs), the era pinned: a legacy session (initialize, Mcp-Session-Id) or stateless
 * 2026-07-28 requests.
 */
export async function oursToolsHttp(
  serverScript: string,
  era: ProtocolEra,
  serverOptions: readonly string[] = [],
): Promise<SdkEcho> {
  const server = await startHttpServerChild(serverScript, serverOptions);
  const client = new McpClient({ name: 'mcpwire-bench-client', version: '1.0.0' }, { era });
  return toolsEchoRow(server, client, createStreamableHttpClientTransport({ url: server.url }));
}
