// An MCP server written for the official SDK 1.x (its McpServer, a zod raw shape, stdio).
// server.ours.ts is this file with only the import lines changed; sdk-port.int.test.ts checks that.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
// --- body: identical in both ports ---

const server = new McpServer({ name: 'calculator', version: '1.0.0' });

server.registerTool(
  'multiply',
  {
    title: 'Multiply',
    description: 'Multiplies two numbers',
    inputSchema: { x: z.number(), y: z.number() },
    outputSchema: { product: z.number() },
  },
  async ({ x, y }) => {
    const structuredContent = { product: x * y };
    return { content: [{ type: 'text', text: `${x} × ${y} = ${x * y}` }], structuredContent };
  },
);

await server.connect(new StdioServerTransport());
process.stderr.write('calculator ready\n');
