// Compiles against the `import` condition's .d.ts files.
import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import {
  McpClient,
  McpServer,
  ProtocolEngine,
  type Transport,
  TransportError,
  TransportErrorCode,
  pipe,
} from '@mcpwire/protocol-core';
import {
  createStreamableHttpClientTransport,
  createStreamableHttpHandler,
  listenStreamableHttp,
} from '@mcpwire/transport-http';
import { createStreamableHttpWebHandler } from '@mcpwire/transport-http/fetch';
import { createStdioClientTransport, createStdioServerTransport } from '@mcpwire/transport-stdio';
import { z } from 'zod';

const [clientEnd, serverEnd]: [Transport, Transport] = createInMemoryTransportPair({ maxMessageBytes: 1024 });
const server = new McpServer({ name: 's', version: '1' });
server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
  content: [{ type: 'text', text }],
}));
export async function run(): Promise<string> {
  await server.connect(serverEnd);
  const client = new McpClient({ name: 'c', version: '1' }, { era: 'auto' });
  await client.connect(pipe(clientEnd));
  const result = await client.callTool({ name: 'echo', arguments: { text: 'hi' } });
  const engine = new ProtocolEngine({ defaultTimeoutMs: 1000 });
  const stdio: Transport = createStdioClientTransport({ command: 'node', args: ['server.js'] });
  const served: Transport = createStdioServerTransport();
  const http: Transport = createStreamableHttpClientTransport({ url: 'http://127.0.0.1:1/mcp' });
  const node = createStreamableHttpHandler({ server });
  const web: (request: Request) => Promise<Response> = createStreamableHttpWebHandler({
    server,
  }).handleRequest;
  const listening: Promise<{ url: string; close(): Promise<void> }> = listenStreamableHttp({
    server,
    port: 0,
  });
  void [http, node.handleNode, web, listening];
  void engine;
  void stdio;
  void served;
  const error: unknown = new TransportError(TransportErrorCode.Closed, 'closed');
  return error instanceof TransportError ? `${result.content.length} ${error.code}` : '';
}
