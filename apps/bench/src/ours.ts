import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import { ProtocolEngine, type Transport } from '@mcpwire/protocol-core';
import { InMemoryTransport as SdkInMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createStdioClientTransport } from '@mcpwire/transport-stdio';
import type { SdkEcho } from './sdk.js';

function echoServer(): ProtocolEngine {
  const server = new ProtocolEngine();
  server.setRequestHandler('bench/echo', (params) => ({ ...params }));
  return server;
}

/**
 * Our engine on both ends of a linked pair: ours (which copies each message through JSON, as a wire
 * would), or the official SDK's own InMemoryTransport (no copy), to compare the engines alone.
 */
export async function oursInMemory(pair: 'ours' | 'sdk' = 'ours'): Promise<SdkEcho> {
  const [clientSide, serverSide]: Transport[] =
    pair === 'ours' ? createInMemoryTransportPair() : SdkInMemoryTransport.createLinkedPair();
  const server = echoServer();
  const client = new ProtocolEngine();
  await server.connect(serverSide);
  await client.connect(clientSide);
  return {
    call: (params) => client.request('bench/echo', params),
    childPids: [],
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** Our engine over our stdio client transport, to a child running our engine over our stdio server transport. */
export async function oursStdio(serverScript: string): Promise<SdkEcho> {
  const transport = createStdioClientTransport({ command: process.execPath, args: [serverScript] });
  const client = new ProtocolEngine();
  await client.connect(transport);
  const pid = transport.pid;
  return {
    call: (params) => client.request('bench/echo', params),
    childPids: pid === undefined ? [] : [pid],
    close: () => client.close(),
  };
}
