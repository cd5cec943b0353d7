// The official SDK 1.x: a low-level Server with an echo request handler, over its stdio transport.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new Server({ name: 'sdk-bench', version: '1.0.0' }, { capabilities: {} });
server.setRequestHandler(
  z.object({ method: z.literal('bench/echo'), params: z.looseObject({}) }),
  (request) => ({
    ...request.params,
  }),
);
await server.connect(new StdioServerTransport());
