import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { startHttpServerChild, toolsEchoRow } from './http-child.js';
import type { SdkEcho } from './sdk.js';

/**
 * SDK Client over its SSEClientTransport (the `eventsource` package and Node's global fetch, as the SDK
 * uses by default) → a child running the SDK McpServer with the `echo` tool behind SSEServerTransport,
 * one per GET (servers/sdk-sse.mjs), after the initialize handshake.
 */
export async function sdkToolsSse(serverScript: string): Promise<SdkEcho> {
  const server = await startHttpServerChild(serverScript);
  const client = new Client({ name: 'sdk-bench-client', version: '1.0.0' });
  return toolsEchoRow(server, client, new SSEClientTransport(new URL(server.url)));
}
