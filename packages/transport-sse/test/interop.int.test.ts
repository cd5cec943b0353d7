// Drop-in interop with the official SDKs, each carrying a tools/call end to end:
// SDK 1.x Client (its SSEClientTransport, and ours) → our server; SDK 1.x McpServer on our server
// transport (factory form) ← our client; our client → SDK 1.x SSEServerTransport on node:http;
// SDK 2.x Client (its SSEClientTransport, and ours) → our server. SDK 2.x has no SSE server transport.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpClient } from '@mcpwire/protocol-core';
import { Client as Client2, SSEClientTransport as SSEClientTransport2 } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { McpServer as SdkMcpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createSseClientTransport, listenSse, type SseListener } from '../src/index.js';
import { onCleanup, testServer } from './support/fixtures.js';

async function ourServer(): Promise<SseListener> {
  const listener = await listenSse({ server: testServer() });
  onCleanup(() => listener.close());
  return listener;
}

function sdkServer(): SdkMcpServer {
  const server = new SdkMcpServer({ name: 'sdk1-server', version: '1.32.2' });
  server.registerTool('echo', { inputSchema: { text: z.string() } }, ({ text }) => ({
    content: [{ type: 'text', text: `sdk:${text}` }],
  }));
  return server;
}

function ourClient(): McpClient {
  const client = new McpClient({ name: 'mcpwire', version: '1.0.0' });
  onCleanup(() => client.close());
  return client;
}

describe('SDK 1.x Client against our server', () => {
  it('over its own SSEClientTransport', async () => {
    const listener = await ourServer();
    const client = new Client({ name: 'sdk1', version: '1.32.2' });
    onCleanup(() => client.close());
    await client.connect(new SSEClientTransport(new URL(listener.url)));
    expect(client.getServerVersion()?.name).toBe('sse-test');
    expect(listener.handler.stats.sessions).toBe(1);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'v1' } });
    expect(result.content).toEqual([{ type: 'text', text: 'v1' }]);
  });

  it('over our client transport, a drop-in under its Client', async () => {
    const listener = await ourServer();
    const client = new Client({ name: 'sdk1', version: '1.32.2' });
    onCleanup(() => client.close());
    const transport = createSseClientTransport({ url: listener.url });
    await client.connect(transport);
    // Its Client negotiated a revision and told the transport, as it tells its own.
    expect(transport.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'ours' } });
    expect(result.content).toEqual([{ type: 'text', text: 'ours' }]);
  });
});

describe('SDK 1.x server', () => {
  it('its McpServer on our server transport (factory form, one per session), our client', async () => {
    const listener = await listenSse({ server: (transport) => sdkServer().connect(transport) });
    onCleanup(() => listener.close());
    const client = ourClient();
    await client.connect(createSseClientTransport({ url: listener.url }));
    expect(client.era).toBe('legacy');
    expect(client.serverInfo?.name).toBe('sdk1-server');
    const result = await client.callTool({ name: 'echo', arguments: { text: 'a' } });
    expect(result.content).toEqual([{ type: 'text', text: 'sdk:a' }]);
    // A second connection gets its own SDK server.
    const second = ourClient();
    await second.connect(createSseClientTransport({ url: listener.url }));
    expect((await second.callTool({ name: 'echo', arguments: { text: 'b' } })).content).toEqual([
      { type: 'text', text: 'sdk:b' },
    ]);
    expect(listener.handler.stats.sessions).toBe(2);
  });

  it('its SSEServerTransport on node:http, our client and transport', async () => {
    const transports = new Map<string, SSEServerTransport>();
    const http = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/sse') {
        const transport = new SSEServerTransport('/messages', res);
        transports.set(transport.sessionId, transport);
        void sdkServer().connect(transport);
        return;
      }
      const transport = transports.get(url.searchParams.get('sessionId') ?? '');
      if (req.method === 'POST' && transport !== undefined) void transport.handlePostMessage(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    onCleanup(async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    });
    const client = ourClient();
    const transport = createSseClientTransport({
      url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/sse`,
    });
    await client.connect(transport);
    // Its probe went unanswered as a legacy server answers it: the client fell back to initialize.
    expect(client.era).toBe('legacy');
    expect(transports.has(transport.endpoint?.searchParams.get('sessionId') ?? '')).toBe(true);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'c' } });
    expect(result.content).toEqual([{ type: 'text', text: 'sdk:c' }]);
  });
});

describe('SDK 2.x Client against our server', () => {
  it('over its own SSEClientTransport', async () => {
    const listener = await ourServer();
    const client = new Client2({ name: 'sdk2', version: '2.4.0' });
    onCleanup(() => client.close());
    await client.connect(new SSEClientTransport2(new URL(listener.url)));
    const result = await client.callTool({ name: 'echo', arguments: { text: 'v2' } });
    expect(result.content).toEqual([{ type: 'text', text: 'v2' }]);
  });

  it('over our client transport', async () => {
    const listener = await ourServer();
    const client = new Client2({ name: 'sdk2', version: '2.4.0' });
    onCleanup(() => client.close());
    await client.connect(createSseClientTransport({ url: listener.url }));
    const result = await client.callTool({ name: 'echo', arguments: { text: 'v2 ours' } });
    expect(result.content).toEqual([{ type: 'text', text: 'v2 ours' }]);
  });
});
