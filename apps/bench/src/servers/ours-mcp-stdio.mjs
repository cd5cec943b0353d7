// mcpwire: the dual-era McpServer with an `echo` tool (zod input schema), over our stdio server transport.
import { McpServer } from '@mcpwire/protocol-core';
import { createStdioServerTransport } from '@mcpwire/transport-stdio';
import { z } from 'zod';

const server = new McpServer({ name: 'mcpwire-bench', version: '1.0.0' });
server.registerTool(
  'echo',
  { description: 'Returns its text argument', inputSchema: z.object({ text: z.string() }) },
  ({ text }) => ({ content: [{ type: 'text', text }] }),
);
await server.connect(createStdioServerTransport());
