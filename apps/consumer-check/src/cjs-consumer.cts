// Compiles against the `require` condition's .d.cts files.
import core = require('@mcpwire/protocol-core');
import coreClient = require('@mcpwire/protocol-core/client');
import coreSchemas = require('@mcpwire/protocol-core/schemas');
import coreServer = require('@mcpwire/protocol-core/server');
import memory = require('@mcpwire/in-memory');
import stdio = require('@mcpwire/transport-stdio');
import http = require('@mcpwire/transport-http');
import httpFetch = require('@mcpwire/transport-http/fetch');
import sse = require('@mcpwire/transport-sse');
import sseFetch = require('@mcpwire/transport-sse/fetch');
import ws = require('@mcpwire/transport-ws');
import wsBrowser = require('@mcpwire/transport-ws/browser');
import kit = require('@mcpwire/protocol-core/transport-kit');
import kitNode = require('@mcpwire/protocol-core/transport-kit/node');

const [a, b] = memory.createInMemoryTransportPair();
const engine = new core.ProtocolEngine();
const server = new core.McpServer({ name: 's', version: '1' });
export const pieces: [
  core.Transport,
  core.Transport,
  core.ProtocolEngine,
  typeof stdio.createStdioClientTransport,
  core.Transport,
  typeof httpFetch.createStreamableHttpWebHandler,
  sse.SseClientTransport,
  core.Transport,
  sse.SseServerHandler,
  ws.WebSocketClientTransport,
  core.Transport,
  ws.WebSocketEndpoint,
  ws.WebSocketCloseCodeValue,
  sse.SseHandler,
  ws.WebSocketHandler,
  typeof kit.receiveFrame,
  typeof kitNode.listenOn,
  kit.ServerStats,
] = [
  a,
  b,
  engine,
  stdio.createStdioClientTransport,
  http.createStreamableHttpClientTransport({ url: 'http://127.0.0.1:1/mcp' }),
  httpFetch.createStreamableHttpWebHandler,
  sse.createSseClientTransport({ url: 'http://127.0.0.1:1/sse', headers: { authorization: 'Bearer t' } }),
  sseFetch.createSseClientTransport({
    url: 'http://127.0.0.1:1/sse',
    fetch: (url, init) => fetch(url, init),
  }),
  sse.createSseServerHandler({ server }),
  ws.createWebSocketClientTransport({ url: 'ws://127.0.0.1:1/ws', protocols: [ws.MCP_SUBPROTOCOL] }),
  wsBrowser.createWebSocketClientTransport({ url: 'ws://127.0.0.1:1/ws' }),
  ws.createWebSocketServer({ server: (transport) => server.connect(transport) }),
  ws.WebSocketCloseCode.GoingAway,
  sse.createSseHandler({ server }),
  ws.createWebSocketHandler({ server }),
  kit.receiveFrame,
  kitNode.listenOn,
  http.createStreamableHttpHandler({ server }).stats,
];

// The narrower entry points resolve under `require` too, to the same classes as the root.
export const entries: [core.McpClient, core.McpServer, boolean] = [
  new coreClient.McpClient({ name: 'c', version: '1' }),
  new coreServer.McpServer({ name: 's', version: '1' }),
  coreSchemas.parseResult('ping', {}, '2025-11-25').ok,
];
