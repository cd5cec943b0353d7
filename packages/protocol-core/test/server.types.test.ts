import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import {
  McpServer,
  type RegisteredPrompt,
  type RegisteredTool,
  type ServerContext,
  type ToolResult,
} from '../src/index.js';

// Compile-time checks of the registration API (run by `typecheck`); the calls also run, harmlessly.
describe('McpServer types', () => {
  it('types tool arguments and structured output from zod schemas, and plain objects from JSON Schema', () => {
    const server = new McpServer({ name: 't', version: '1' });
    const tool = server.registerTool(
      'typed',
      {
        inputSchema: z.object({ n: z.number(), tag: z.string().optional() }),
        outputSchema: z.object({ doubled: z.number() }),
      },
      (args, ctx) => {
        expectTypeOf(args).toEqualTypeOf<{ n: number; tag?: string | undefined }>();
        expectTypeOf(ctx).toEqualTypeOf<ServerContext>();
        return { structuredContent: { doubled: args.n * 2 } };
      },
    );
    expectTypeOf(tool).toEqualTypeOf<RegisteredTool>();
    server.registerTool('plain', { inputSchema: { type: 'object' } }, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ [key: string]: unknown }>();
      return { content: [] };
    });
    server.registerTool('bare', {}, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ [key: string]: unknown }>();
      return { content: [] } satisfies ToolResult;
    });
  });

  it('types prompt arguments from a zod object, and as optional strings from a plain list', () => {
    const server = new McpServer({ name: 't', version: '1' });
    const prompt = server.registerPrompt('p', { argsSchema: z.object({ topic: z.string() }) }, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ topic: string }>();
      return { messages: [] };
    });
    expectTypeOf(prompt).toEqualTypeOf<RegisteredPrompt>();
    server.registerPrompt('q', { argsSchema: [{ name: 'who' }] }, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ [name: string]: string | undefined }>();
      return { messages: [] };
    });
  });
});
