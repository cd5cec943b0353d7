// A browser or worker project: DOM types only, no @types/node. Compiles against the runtime-neutral
// entries' .d.ts, proving they reference nothing from Node.
import { McpClient, McpServer, type Transport } from '@mcpwire/protocol-core';
import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import {
  createStreamableHttpClientTransport,
  createStreamableHttpWebHandler,
} from '@mcpwire/transport-http/fetch';

export async function run(): Promise<number> {
  const transport: Transport = createStreamableHttpClientTransport({
    url: new URL('/mcp', location.href).href,
    fetch: (input, init) => fetch(input, init),
  });
  const client = new McpClient({ name: 'browser', version: '1' });
  await client.connect(transport);
  const tools = await client.listTools();
  const [a]: [Transport, Transport] = createInMemoryTransportPair();
  const handler = createStreamableHttpWebHandler({ server: new McpServer({ name: 'worker', version: '1' }) });
  const response: Response = await handler.handleRequest(
    new Request('http://localhost/mcp', { method: 'POST' }),
  );
  void a;
  return tools.tools.length + response.status;
}
