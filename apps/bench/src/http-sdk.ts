import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startHttpServerChild, toolsEchoRow } from './http-child.js';
import type { SdkEcho } from './sdk.js';

/**
 * SDK Client over its StreamableHTTPClientTransport (Node's global fetch, as the SDK uses by default) → a
 * child running the SDK McpServer with the `echo` tool behind StreamableHTTPServerTransport
 * (servers/sdk-http.mjs), stateful or stateless, after the initialize handshake.
 */
export async function sdkToolsHttp(
  serverScript: string,
  mode: 'stateful' | 'stateless',
  serverOptions: readonly string[] = [],
): Promise<SdkEcho> {
  const server = await startHttpServerChild(serverScript, [mode, ...serverOptions]);
  const client = new Client({ name: 'sdk-bench-client', version: '1.0.0' });
  return toolsEchoRow(server, client, new StreamableHTTPClientTransport(new URL(server.url)));
}
