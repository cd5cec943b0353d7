import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { z } from 'zod';

/** An echo call through the official SDK, and how to tear it down. */
export interface SdkEcho {
  call(params: Record<string, unknown>): Promise<unknown>;
  childPids: number[];
  close(): Promise<void>;
}

const EchoRequest = z.object({ method: z.literal('bench/echo'), params: z.looseObject({}) });
const EchoResult = z.looseObject({});

function echoServer(): Server {
  const server = new Server({ name: 'sdk-bench', version: '1.0.0' }, { capabilities: {} });
  server.setRequestHandler(EchoRequest, (request) => ({ ...request.params }));
  return server;
}

function echoCall(client: Client): SdkEcho['call'] {
  return (params) => client.request({ method: 'bench/echo', params }, EchoResult);
}

/** SDK Client and Server over the SDK's InMemoryTransport (synchronous, no copy). */
export async function sdkInMemory(): Promise<SdkEcho> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = echoServer();
  const client = new Client({ name: 'sdk-bench-client', version: '1.0.0' });
  await server.connect(serverSide);
  await client.connect(clientSide);
  return {
    call: echoCall(client),
    childPids: [],
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** SDK Client over the SDK's stdio transport, to a child running the SDK Server. */
export async function sdkStdio(serverScript: string): Promise<SdkEcho> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [serverScript] });
  const client = new Client({ name: 'sdk-bench-client', version: '1.0.0' });
  await client.connect(transport);
  const pid = transport.pid;
  return {
    call: echoCall(client),
    childPids: pid === null ? [] : [pid],
    close: () => client.close(),
  };
}
