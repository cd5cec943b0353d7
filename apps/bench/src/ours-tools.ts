import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import { McpClient, McpServer, type ProtocolEra, type Transport } from '@mcpwire/protocol-core';
import { createStdioClientTransport } from '@mcpwire/transport-stdio';
import { InMemoryTransport as SdkInMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { z } from 'zod';
import type { SdkEcho } from './sdk.js';

/** Our McpServer with the same `echo` tool as the SDK's, its input declared with zod. */
function echoToolServer(): McpServer {
  const server = new McpServer({ name: 'mcpwire-bench', version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'Returns its text argument', inputSchema: z.object({ text: z.string() }) },
    ({ text }) => ({ content: [{ type: 'text', text }] }),
  );
  return server;
}

async function connectClient(transport: Transport, era: ProtocolEra): Promise<McpClient> {
  // Pinned era: the legacy handshake or the modern per-request _meta, without the probe.
  const client = new McpClient({ name: 'mcpwire-bench-client', version: '1.0.0' }, { era });
  await client.connect(transport);
  // The first call would list the tools to learn output schemas; do it now, outside the measurement.
  await client.listTools();
  return client;
}

function toolCall(client: McpClient): SdkEcho['call'] {
  return (params) => client.callTool({ name: 'echo', arguments: params });
}

/**
 * Our McpClient → our McpServer `echo` tool over our in-memory pair (which copies through JSON, like a
 * wire), or over the official SDK's InMemoryTransport (which hands objects across), to compare with the
 * SDK on its own pair.
 */
export async function oursToolsInMemory(era: ProtocolEra, pair: 'ours' | 'sdk' = 'ours'): Promise<SdkEcho> {
  const [clientSide, serverSide]: Transport[] =
    pair === 'ours' ? createInMemoryTransportPair() : SdkInMemoryTransport.createLinkedPair();
  const server = echoToolServer();
  await server.connect(serverSide);
  const client = await connectClient(clientSide, era);
  return {
    call: toolCall(client),
    childPids: [],
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** Our McpClient over our stdio client transport → a child running our McpServer with the `echo` tool. */
export async function oursToolsStdio(serverScript: string, era: ProtocolEra): Promise<SdkEcho> {
  const transport = createStdioClientTransport({ command: process.execPath, args: [serverScript] });
  const client = await connectClient(transport, era);
  const pid = transport.pid;
  return {
    call: toolCall(client),
    childPids: pid === undefined ? [] : [pid],
    close: () => client.close(),
  };
}
