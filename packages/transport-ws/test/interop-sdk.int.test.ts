// Drop-in interop with the official SDKs, each way carrying a tools/call:
// - SDK 1.x Client on the SDK's own WebSocketClientTransport → our server (subprotocol `mcp`, text frames);
// - SDK 1.x Client on OUR client transport → our server;
// - SDK 1.x McpServer, one per connection (factory form) behind OUR server → our McpClient;
// - SDK 2.x Client on our client transport, and an SDK 2.x McpServer behind our server (2.4 ships no
//   WebSocket transport of its own, so these are the only 2.x pairings over WebSocket).
// The SDK 1.x WebSocketClientTransport uses the global WebSocket, which Node 20 lacks: this file sets
// `globalThis.WebSocket` to the `ws` package's class when there is none, and restores it after.
import { McpClient } from '@mcpwire/protocol-core';
import { Client as ClientV2 } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { WebSocketClientTransport as SdkWebSocketClientTransport } from '@modelcontextprotocol/sdk/client/websocket.js';
import { McpServer as SdkMcpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpServer as SdkV2McpServer } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as z from 'zod';
import { createWebSocketClientTransport, type WebSocketConnectionInfo } from '../src/index.js';
import { closing, listen, onCleanup, testServer, useCleanup } from './support/helpers.js';

useCleanup();

const globals = globalThis as { WebSocket?: unknown };
const hadWebSocket = globals.WebSocket !== undefined;
beforeAll(() => {
  if (!hadWebSocket) globals.WebSocket = WebSocket;
});
afterAll(() => {
  if (!hadWebSocket) delete globals.WebSocket;
});

describe('official SDK 1.x clients against our server', () => {
  it("the SDK's own WebSocketClientTransport connects (subprotocol mcp) and calls a tool", async () => {
    const server = testServer();
    const { url } = await listen({ server });
    const client = new Client({ name: 'sdk-v1-ws', version: '1.32.2' });
    await client.connect(new SdkWebSocketClientTransport(new URL(url)));
    onCleanup(() => client.close());
    expect(client.getServerVersion()?.name).toBe('ws-test');
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('echo');
    const result = await client.callTool({ name: 'echo', arguments: { text: 'from sdk' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo:from sdk' }]);
    expect(server.connections[0]?.clientInfo?.name).toBe('sdk-v1-ws');
  });

  it('the SDK Client runs on our client transport', async () => {
    const { url } = await listen({ server: testServer() });
    const client = new Client({ name: 'sdk-v1-ours', version: '1.32.2' });
    await client.connect(closing(createWebSocketClientTransport({ url })));
    onCleanup(() => client.close());
    const result = await client.callTool({ name: 'echo', arguments: { text: 'sdk on ours' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo:sdk on ours' }]);
  });
});

describe('official SDK servers behind our WebSocket server', () => {
  it('an SDK 1.x McpServer per connection (factory form) answers our McpClient', async () => {
    const seen: WebSocketConnectionInfo[] = [];
    const { url } = await listen({
      server: async (transport, info) => {
        seen.push(info);
        const sdkServer = new SdkMcpServer({ name: 'sdk1-server', version: '1.32.2' });
        sdkServer.registerTool('echo', { inputSchema: { text: z.string() } }, ({ text }, extra) => ({
          content: [{ type: 'text', text: `sdk1:${text}:${extra.requestInfo?.url?.pathname ?? '?'}` }],
        }));
        await sdkServer.connect(transport);
      },
    });
    const clients = await Promise.all(
      [1, 2].map(async () => {
        const client = new McpClient({ name: 'ours', version: '1.0.0' }, { era: 'legacy' });
        await client.connect(closing(createWebSocketClientTransport({ url })));
        onCleanup(() => client.close());
        return client;
      }),
    );
    for (const [i, client] of clients.entries()) {
      expect(client.serverInfo?.name).toBe('sdk1-server');
      const result = await client.callTool({ name: 'echo', arguments: { text: `c${i}` } });
      expect(result.content).toEqual([{ type: 'text', text: `sdk1:c${i}:/ws` }]);
    }
    expect(seen.map((info) => info.protocol)).toEqual(['mcp', 'mcp']);
  });

  it('an SDK 2.x McpServer per connection answers our McpClient, and the SDK 2.x Client runs on our transport', async () => {
    const { url } = await listen({
      server: async (transport) => {
        const sdkServer = new SdkV2McpServer({ name: 'sdk2-server', version: '2.4.0' });
        sdkServer.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
          content: [{ type: 'text', text: `sdk2:${text}` }],
        }));
        await sdkServer.connect(transport);
      },
    });
    const ours = new McpClient({ name: 'ours', version: '1.0.0' }, { era: 'legacy' });
    await ours.connect(closing(createWebSocketClientTransport({ url })));
    onCleanup(() => ours.close());
    expect((await ours.callTool({ name: 'echo', arguments: { text: 'a' } })).content).toEqual([
      { type: 'text', text: 'sdk2:a' },
    ]);
    const { url: ourServerUrl } = await listen({ server: testServer() });
    const sdk2 = new ClientV2({ name: 'sdk-v2', version: '2.4.0' });
    await sdk2.connect(closing(createWebSocketClientTransport({ url: ourServerUrl })));
    onCleanup(() => sdk2.close());
    expect((await sdk2.callTool({ name: 'echo', arguments: { text: 'b' } })).content).toEqual([
      { type: 'text', text: 'echo:b' },
    ]);
  });
});
