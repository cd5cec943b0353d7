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
import { McpClient as ClientEntryMcpClient, type McpClientOptions } from '@mcpwire/protocol-core/client';
import { CallToolResultSchema, compileJsonSchema, parseResult } from '@mcpwire/protocol-core/schemas';
import { McpServer as ServerEntryMcpServer, UriTemplate } from '@mcpwire/protocol-core/server';
import {
  InboundBuffer,
  receiveFrame,
  type ServerStats,
  serializeMessage,
  type Timers,
} from '@mcpwire/protocol-core/transport-kit';
import { listenOn } from '@mcpwire/protocol-core/transport-kit/node';
import {
  createStreamableHttpClientTransport,
  createStreamableHttpHandler,
  listenStreamableHttp,
} from '@mcpwire/transport-http';
import { createStreamableHttpWebHandler } from '@mcpwire/transport-http/fetch';
import {
  createSseClientTransport,
  createSseHandler,
  listenSse,
  type SseClientTransport,
  type SseListener,
} from '@mcpwire/transport-sse';
import { createSseClientTransport as createFetchSseClientTransport } from '@mcpwire/transport-sse/fetch';
import { createStdioClientTransport, createStdioServerTransport } from '@mcpwire/transport-stdio';
import {
  createWebSocketClientTransport,
  createWebSocketHandler,
  listenWebSocket,
  MCP_SUBPROTOCOL,
  WebSocketCloseCode,
  type WebSocketClientTransport,
  type WebSocketConnectionInfo,
  type WebSocketListener,
  type WebSocketTransport,
} from '@mcpwire/transport-ws';
import { createWebSocketClientTransport as createBrowserWebSocketClientTransport } from '@mcpwire/transport-ws/browser';
import { createServer } from 'node:http';
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
  // HTTP+SSE (2024-11-05): the undici client, the fetch client, and both server shapes.
  const sse: SseClientTransport = createSseClientTransport({
    url: 'http://127.0.0.1:1/sse',
    headers: async () => ({ authorization: 'Bearer t' }),
    connections: 4,
  });
  const sseOverFetch: Transport = createFetchSseClientTransport({
    url: new URL('http://127.0.0.1:1/sse'),
    fetch: (url, init) => fetch(url, init),
  });
  await new McpClient({ name: 'c', version: '1' }, { era: 'legacy' }).connect(sse);
  const sseHandler = createSseHandler({ server, ssePath: '/sse', messagesPath: '/messages' });
  const sseListening: Promise<SseListener> = listenSse({ server, port: 0 });
  const httpServer = createServer((req, res) => {
    if (!sseHandler.handleNode(req, res)) res.writeHead(404).end();
  });
  // WebSocket: the ws client, the native-WebSocket client, an attached endpoint and a listener.
  const ws: WebSocketClientTransport = createWebSocketClientTransport({
    url: 'ws://127.0.0.1:1/ws',
    headers: { authorization: 'Bearer t' },
    protocols: [MCP_SUBPROTOCOL],
  });
  await new McpClient({ name: 'c', version: '1' }).connect(ws);
  const wsBrowser: Transport = createBrowserWebSocketClientTransport({ url: 'ws://127.0.0.1:1/ws' });
  const endpoint = createWebSocketHandler({
    server: (transport: WebSocketTransport, info: WebSocketConnectionInfo) =>
      server.connect(transport).then(() => info.protocol),
    httpServer,
    path: '/ws',
    maxConnections: 10,
  });
  const wsListening: Promise<WebSocketListener> = listenWebSocket({ server, port: 0 });
  const closeCode: number = WebSocketCloseCode.MessageTooBig;
  void [sseOverFetch, sseListening, wsBrowser, endpoint.stats.sessions, wsListening, closeCode];
  void engine;
  // The transport kit, for transport authors: both subpaths, and the shapes every server shares.
  const stats: ServerStats[] = [node.stats, sseHandler.stats, endpoint.stats];
  const timers: Timers = { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: () => {} };
  void [stats, timers, InboundBuffer, receiveFrame, serializeMessage, listenOn];
  void stdio;
  void served;
  const error: unknown = new TransportError(TransportErrorCode.Closed, 'closed');
  return error instanceof TransportError ? `${result.content.length} ${error.code}` : '';
}

// The narrower entry points: each side alone, and the schemas.
export function entries(): [McpClient, McpServer, boolean, string] {
  const options: McpClientOptions = { era: 'modern' };
  const client: McpClient = new ClientEntryMcpClient({ name: 'c', version: '1' }, options);
  const alone: McpServer = new ServerEntryMcpServer({ name: 's', version: '1' });
  const parsed = parseResult('tools/call', { content: [] }, '2025-11-25');
  const valid = compileJsonSchema({ type: 'object' })({}).valid && CallToolResultSchema.safeParse({}).success;
  return [client, alone, parsed.ok && valid, new UriTemplate('/items/{id}').expand({ id: '1' })];
}
