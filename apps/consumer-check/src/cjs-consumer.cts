// Compiles against the `require` condition's .d.cts files.
import core = require('@mcpwire/protocol-core');
import memory = require('@mcpwire/in-memory');
import stdio = require('@mcpwire/transport-stdio');
import http = require('@mcpwire/transport-http');
import httpFetch = require('@mcpwire/transport-http/fetch');

const [a, b] = memory.createInMemoryTransportPair();
const engine = new core.ProtocolEngine();
export const pieces: [
  core.Transport,
  core.Transport,
  core.ProtocolEngine,
  typeof stdio.createStdioClientTransport,
  core.Transport,
  typeof httpFetch.createStreamableHttpWebHandler,
] = [
  a,
  b,
  engine,
  stdio.createStdioClientTransport,
  http.createStreamableHttpClientTransport({ url: 'http://127.0.0.1:1/mcp' }),
  httpFetch.createStreamableHttpWebHandler,
];
