// mcpwire: the protocol engine with an echo request handler, over our stdio server transport.
import { ProtocolEngine } from '@mcpwire/protocol-core';
import { createStdioServerTransport } from '@mcpwire/transport-stdio';

const engine = new ProtocolEngine();
engine.setRequestHandler('bench/echo', (params) => ({ ...params }));
await engine.connect(createStdioServerTransport());
