// Compiles against the `require` condition's .d.cts files.
import core = require('@mcpwire/protocol-core');
import memory = require('@mcpwire/in-memory');
import stdio = require('@mcpwire/transport-stdio');

const [a, b] = memory.createInMemoryTransportPair();
const engine = new core.ProtocolEngine();
export const pieces: [
  core.Transport,
  core.Transport,
  core.ProtocolEngine,
  typeof stdio.createStdioClientTransport,
] = [a, b, engine, stdio.createStdioClientTransport];
