// A browser or worker project: DOM types only, no @types/node. Compiles against the runtime-neutral
// entries' .d.ts, proving they reference nothing from Node.
import { McpServer, type Transport } from '@mcpwire/protocol-core';
import { McpClient } from '@mcpwire/protocol-core/client';
import { ToolSchema } from '@mcpwire/protocol-core/schemas';
import {
  InboundBuffer,
  receiveFrame,
  type ServerStats,
  utf8ByteLength,
} from '@mcpwire/protocol-core/transport-kit';
import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import {
  createStreamableHttpClientTransport,
  createStreamableHttpWebHandler,
} from '@mcpwire/transport-http/fetch';
import { createSseClientTransport, type SseClientTransport } from '@mcpwire/transport-sse/fetch';
import {
  createWebSocketClientTransport,
  MCP_SUBPROTOCOL,
  type WebSocketClientTransport,
  WebSocketCloseCode,
} from '@mcpwire/transport-ws/browser';

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
  // The transport kit's browser-safe entry: its types need nothing from Node either.
  const stats: ServerStats = handler.stats;
  void [stats, InboundBuffer, receiveFrame, utf8ByteLength('é')];
  // The native WebSocket: the global class by default, or the DOM's own passed in.
  const ws: WebSocketClientTransport = createWebSocketClientTransport({
    url: new URL('/ws', location.href.replace(/^http/, 'ws')),
    protocols: [MCP_SUBPROTOCOL],
    WebSocket,
  });
  const overWs = new McpClient({ name: 'browser', version: '1' }, { era: 'auto' });
  await overWs.connect(ws);
  await ws.close();
  // HTTP+SSE (2024-11-05) over fetch, with a token per request.
  const sse: SseClientTransport = createSseClientTransport({
    url: new URL('/sse', location.href),
    headers: async () => ({ authorization: `Bearer ${sessionStorage.getItem('token') ?? ''}` }),
    fetch: (input, init) => fetch(input, init),
  });
  const overSse = new McpClient({ name: 'browser', version: '1' }, { era: 'legacy' });
  await overSse.connect(sse);
  const sseTools = await overSse.listTools();
  return tools.tools.length + response.status + sseTools.tools.length + WebSocketCloseCode.Normal;
}

/** A browser app that only connects imports McpClient from `/client`; the schemas entry loads there too. */
export function isTool(value: unknown): boolean {
  return ToolSchema.safeParse(value).success;
}
