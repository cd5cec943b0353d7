import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import type { Transport } from '@mcpwire/protocol-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { SdkEcho } from './sdk.js';

/** The official SDK's high-level server with the same `echo` tool as ours, its input declared with zod. */
function echoToolServer(): McpServer {
  const server = new McpServer({ name: 'sdk-bench', version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'Returns its text argument', inputSchema: { text: z.string() } },
    ({ text }) => ({ content: [{ type: 'text', text }] }),
  );
  return server;
}

function toolCall(client: Client): SdkEcho['call'] {
  // `params` is the tool's arguments; the SDK client validates the CallToolResult it gets back.
  return (params) => client.callTool({ name: 'echo', arguments: params });
}

/**
 * SDK Client → SDK McpServer `echo` tool, in memory, after the initialize handshake. On `'ours'`, our
 * pair, which copies each message through JSON as a wire would (so a 1 MiB payload costs what it costs
 * on a wire); on `'sdk'`, the SDK's InMemoryTransport, which hands the same object across.
 */
export async function sdkToolsInMemory(pair: 'ours' | 'sdk' = 'ours'): Promise<SdkEcho> {
  const [clientSide, serverSide]: Transport[] =
    pair === 'ours' ? createInMemoryTransportPair() : InMemoryTransport.createLinkedPair();
  const server = echoToolServer();
  const client = new Client({ name: 'sdk-bench-client', version: '1.0.0' });
  await server.connect(serverSide);
  await client.connect(clientSide);
  // Listing caches the tools' output validators, as a real client does before calling; outside the measurement.
  await client.listTools();
  return {
    call: toolCall(client),
    childPids: [],
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** SDK Client over the SDK's stdio transport → a child running the SDK McpServer with the `echo` tool. */
export async function sdkToolsStdio(serverScript: string): Promise<SdkEcho> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [serverScript] });
  const client = new Client({ name: 'sdk-bench-client', version: '1.0.0' });
  await client.connect(transport);
  await client.listTools();
  const pid = transport.pid;
  return {
    call: toolCall(client),
    childPids: pid === null ? [] : [pid],
    close: () => client.close(),
  };
}
