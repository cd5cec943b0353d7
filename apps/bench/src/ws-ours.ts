import { McpClient, type ProtocolEra } from '@mcpwire/protocol-core';
import { createWebSocketClientTransport } from '@mcpwire/transport-ws';
import { startHttpServerChild, toolsEchoRow } from './http-child.js';
import type { SdkEcho } from './sdk.js';

/**
 * Our McpClient over our WebSocket client transport (`ws`) → a child running our McpServer with the
 * `echo` tool behind our WebSocket server (servers/ours-ws.mjs), the era pinned: a legacy session
 * (initialize on the connection) or 2026-07-28 requests (per-request `_meta`), both on one socket.
 */
export async function oursToolsWs(serverScript: string, era: ProtocolEra): Promise<SdkEcho> {
  const server = await startHttpServerChild(serverScript);
  const client = new McpClient({ name: 'mcpwire-bench-client', version: '1.0.0' }, { era });
  return toolsEchoRow(server, client, createWebSocketClientTransport({ url: server.url }));
}
