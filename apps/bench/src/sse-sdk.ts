import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { startHttpServerChild } from './http-child.js';
import type { SdkEcho } from './sdk.js';

/**
 * SDK Client over its SSEClientTransport (the `eventsource` package and Node's global fetch, as the SDK
 * uses by default) → a child running the SDK McpServer with the `echo` tool behind SSEServerTransport,
 * one per GET (servers/sdk-sse.mjs), after the initialize handshake.
 */
export async function sdkToolsSse(serverScript: string): Promise<SdkEcho> {
  const server = await startHttpServerChild(serverScript);
  const client = new Client({ name: 'sdk-bench-client', version: '1.0.0' });
  try {
    await client.connect(new SSEClientTransport(new URL(server.url)));
    // Caches the tools' output validators, as in the other SDK tools rows; outside the measurement.
    await client.listTools();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    call: (args) => client.callTool({ name: 'echo', arguments: args }),
    childPids: [server.pid],
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
