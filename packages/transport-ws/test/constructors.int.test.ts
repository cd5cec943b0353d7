// Every exported transport class is constructible (WebSocketTransport around an accepted socket too) by a user: `new WebSocketClientTransport(url)`
// (the official SDK's shape) or `(options)`, in the Node entry (on `ws`) and the browser entry (on the
// global or an injected WHATWG WebSocket).
import { McpClient } from '@mcpwire/protocol-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import * as browserEntry from '../src/browser.js';
import { WebSocketClientTransport, WebSocketTransport } from '../src/index.js';
import { closing, listen, onCleanup, testServer, useCleanup } from './support/helpers.js';

useCleanup();

describe('new WebSocketClientTransport', () => {
  it("(url): the SDK's shape carries the SDK's Client in the Node entry, on ws", async () => {
    const { url } = await listen({ server: testServer() });
    const client = new Client({ name: 'sdk', version: '1' });
    onCleanup(() => client.close());
    await client.connect(closing(new WebSocketClientTransport(new URL(url))));
    const result = await client.callTool({ name: 'echo', arguments: { text: 'ported' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo:ported' }]);
  });

  it('(options): carries McpClient in both eras, and checks the URL', async () => {
    const { url } = await listen({ server: testServer() });
    for (const era of ['legacy', 'modern'] as const) {
      const client = new McpClient({ name: 'c', version: '1' }, { era });
      onCleanup(() => client.close());
      await client.connect(closing(new WebSocketClientTransport({ url, connectTimeoutMs: 5000 })));
      const result = await client.callTool({ name: 'echo', arguments: { text: era } });
      expect(result.content).toEqual([{ type: 'text', text: `echo:${era}` }]);
    }
    expect(() => new WebSocketClientTransport('ftp://x/')).toThrow(TypeError);
  });

  it('of the browser entry: (url) with the global WebSocket, (options) with an injected one', async () => {
    const { url } = await listen({ server: testServer() });
    const client = new McpClient({ name: 'c', version: '1' });
    onCleanup(() => client.close());
    await client.connect(closing(new browserEntry.WebSocketClientTransport({ url, WebSocket })));
    const result = await client.callTool({ name: 'echo', arguments: { text: 'browser' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo:browser' }]);
    const global = globalThis as { WebSocket?: unknown };
    if (global.WebSocket === undefined) {
      // Node 20 has none: the constructor says so and what to pass.
      expect(() => new browserEntry.WebSocketClientTransport(new URL(url))).toThrow(
        /No global WebSocket in this runtime: pass BrowserWebSocketClientTransportOptions\.WebSocket/,
      );
      global.WebSocket = WebSocket;
      onCleanup(() => {
        delete global.WebSocket;
      });
    }
    const sdk = new Client({ name: 'sdk', version: '1' });
    onCleanup(() => sdk.close());
    await sdk.connect(closing(new browserEntry.WebSocketClientTransport(new URL(url))));
    expect((await sdk.listTools()).tools.map((t) => t.name)).toContain('echo');
  });
});

describe('new WebSocketTransport({ socket })', () => {
  it('serves McpServer on a socket another ws server accepted', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'mcp' });
    onCleanup(() => new Promise<void>((resolve) => wss.close(() => resolve())));
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const server = testServer();
    wss.on('connection', (socket) => void server.connect(new WebSocketTransport({ socket })));
    const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    const client = new McpClient({ name: 'c', version: '1' });
    onCleanup(() => client.close());
    await client.connect(closing(new WebSocketClientTransport(url)));
    const result = await client.callTool({ name: 'echo', arguments: { text: 'wrapped' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo:wrapped' }]);
  });
});
