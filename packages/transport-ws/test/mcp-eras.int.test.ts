// Our McpServer and McpClient end to end over WebSocket, in both eras on one endpoint: each connection
// picks its era from how the client opens, as on stdio.
import { McpClient, type McpClientOptions } from '@mcpwire/protocol-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWebSocketClientTransport } from '../src/index.js';
import { closing, listen, onCleanup, testServer, useCleanup } from './support/helpers.js';

useCleanup();

async function connect(url: string, options: McpClientOptions): Promise<McpClient> {
  const client = new McpClient({ name: 'eras-test', version: '1.0.0' }, options);
  await client.connect(closing(createWebSocketClientTransport({ url })));
  onCleanup(() => client.close());
  return client;
}

describe('McpServer + McpClient over WebSocket', () => {
  it('serves the legacy era (initialize handshake) and server requests on the same socket', async () => {
    const server = testServer();
    server.registerTool('ask', {}, async (_args, ctx) => {
      const answer = await ctx.elicit({
        message: 'Name?',
        requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      });
      return { content: [{ type: 'text', text: `hello ${String(answer.content?.['name'])}` }] };
    });
    const { url } = await listen({ server });
    const client = await connect(url, {
      era: 'legacy',
      handlers: { elicitation: () => ({ action: 'accept', content: { name: 'Ada' } }) },
    });
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-11-25');
    const echoed = await client.callTool({ name: 'echo', arguments: { text: 'legacy' } });
    expect(echoed.content).toEqual([{ type: 'text', text: 'echo:legacy' }]);
    const asked = await client.callTool({ name: 'ask', arguments: {} });
    expect(asked.content).toEqual([{ type: 'text', text: 'hello Ada' }]);
    expect(server.connections).toHaveLength(1);
    expect(server.connections[0]?.era).toBe('legacy');
  });

  it('serves the modern era (2026-07-28, stateless requests) and detects it with the probe', async () => {
    const server = testServer();
    const { url } = await listen({ server });
    const pinned = await connect(url, { era: 'modern' });
    const detected = await connect(url, {});
    for (const client of [pinned, detected]) {
      expect(client.era).toBe('modern');
      const result = await client.callTool({ name: 'echo', arguments: { text: 'modern' } });
      expect(result.content).toEqual([{ type: 'text', text: 'echo:modern' }]);
    }
    const whoami = await pinned.callTool({ name: 'whoami', arguments: {} });
    expect(JSON.parse((whoami.content[0] as { text: string }).text)).toMatchObject({ era: 'modern' });
    // Modern requests leave no session on the connection.
    expect(server.connections.map((connection) => connection.era)).toEqual([undefined, undefined]);
  });

  it('carries 64 concurrent calls and a 1 MiB argument', async () => {
    const server = testServer();
    server.registerTool('size', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
      content: [{ type: 'text', text: String(text.length) }],
    }));
    const { url } = await listen({ server });
    const client = await connect(url, { era: 'legacy' });
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => client.callTool({ name: 'echo', arguments: { text: `n${i}` } })),
    );
    expect(results.map((result) => (result.content[0] as { text: string }).text)).toEqual(
      Array.from({ length: 64 }, (_, i) => `echo:n${i}`),
    );
    const big = await client.callTool({ name: 'size', arguments: { text: 'x'.repeat(1 << 20) } });
    expect(big.content).toEqual([{ type: 'text', text: String(1 << 20) }]);
  });
});
