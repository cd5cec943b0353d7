/**
 * One tool set on the official SDK 2.x `McpServer`, shared by every serving mode the tests mount:
 * `createMcpHandler` (2026-07-28, with or without its stateless legacy leg) and the sessionful
 * `WebStandardStreamableHTTPServerTransport` (2025-11-25).
 */
import { acceptedContent, inputRequired, McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';

const nameSchema = z.object({ name: z.string() });

/** A fresh SDK 2.x server with `echo`, `fail`, `progress` and `ask`. */
export function sdk2Server(): McpServer {
  const server = new McpServer({ name: 'sdk2-server', version: '2.4.0' });
  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text: `echo:${text}` }],
  }));
  server.registerTool('fail', { inputSchema: z.object({ reason: z.string() }) }, ({ reason }) => ({
    content: [{ type: 'text', text: `failed:${reason}` }],
    isError: true,
  }));
  server.registerTool(
    'progress',
    { inputSchema: z.object({ steps: z.number() }) },
    async ({ steps }, ctx) => {
      const token = ctx.mcpReq._meta?.progressToken;
      if (token !== undefined) {
        for (let step = 1; step <= steps; step++) {
          await ctx.mcpReq.notify({
            method: 'notifications/progress',
            params: { progressToken: token, progress: step, total: steps },
          });
        }
      }
      return {
        content: [
          { type: 'text', text: `progressed:${steps}:${token === undefined ? 'no-token' : 'token'}` },
        ],
      };
    },
  );
  // The same question asked the way each era allows: a server request on a legacy session, an
  // input_required result (multi round-trip) on a 2026-07-28 request.
  server.registerTool('ask', {}, async (ctx) => {
    if (ctx.mcpReq.envelope === undefined) {
      const answer = await ctx.mcpReq.elicitInput({
        mode: 'form',
        message: 'Name?',
        requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      });
      return {
        content: [{ type: 'text', text: `legacy:${answer.action}:${String(answer.content?.['name'])}` }],
      };
    }
    const answer = acceptedContent(ctx.mcpReq.inputResponses, 'name', nameSchema);
    if (answer === undefined) {
      return inputRequired({
        inputRequests: { name: inputRequired.elicit({ message: 'Name?', requestedSchema: nameSchema }) },
      });
    }
    return { content: [{ type: 'text', text: `modern:${answer.name}` }] };
  });
  return server;
}
