/**
 * The official SDK's McpServer takes an object of zod schemas (a "raw shape") as a tool's inputSchema;
 * ours takes it as `z.object(shape)`: advertised, validated, and typed the same way.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { McpClient } from '../src/client/client.js';
import { McpServer } from '../src/server/mcp-server.js';
import { createFakePair } from './support/fake-transport.js';

describe('registerTool with a zod raw shape', () => {
  it('advertises, validates and types it as z.object(shape)', async () => {
    const server = new McpServer({ name: 's', version: '1' });
    server.registerTool(
      'add',
      { description: 'Adds', inputSchema: { a: z.number(), b: z.number().default(1) } },
      ({ a, b }) => {
        expectTypeOf(a).toEqualTypeOf<number>();
        expectTypeOf(b).toEqualTypeOf<number>();
        return { content: [{ type: 'text', text: String(a + b) }] };
      },
    );
    const [clientTransport, serverTransport] = createFakePair();
    await server.connect(serverTransport);
    const client = new McpClient({ name: 'c', version: '1' });
    await client.connect(clientTransport);
    const [tool] = (await client.listTools()).tools;
    expect(tool?.inputSchema).toMatchObject({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number', default: 1 } },
      required: ['a'],
    });
    const sum = await client.callTool({ name: 'add', arguments: { a: 2 } });
    expect(sum.content).toEqual([{ type: 'text', text: '3' }]);
    const refused = await client.callTool({ name: 'add', arguments: { a: 'x' } }).catch((e: unknown) => e);
    // Refused before the handler: a tool error or a protocol error, naming the field.
    expect(JSON.stringify(refused)).toMatch(/\ba\b/);
    await client.close();
  });

  it('still takes a plain JSON Schema', () => {
    const server = new McpServer({ name: 's', version: '1' });
    server.registerTool('plain', { inputSchema: { type: 'object', properties: {} } }, () => ({
      content: [],
    }));
    expect(server.getTool('plain')?.inputSchema).toEqual({ type: 'object', properties: {} });
  });
});
