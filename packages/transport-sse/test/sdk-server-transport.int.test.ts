// The official SDK's server shape, `new SSEServerTransport(endpoint, res)` + `handlePostMessage`, with
// the routing written the SDK way (GET /sse makes a transport, POST /messages finds it by sessionId):
// our McpServer and the SDK's McpServer on it, reached by the SDK's client and ours.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpClient, McpServer } from '@mcpwire/protocol-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpServer as SdkMcpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SSEClientTransport, SSEServerTransport } from '../src/index.js';
import { onCleanup } from './support/fixtures.js';

type AnyServer = { connect(transport: SSEServerTransport): Promise<unknown> };

async function listen(
  makeServer: () => AnyServer,
): Promise<{ url: string; transports: Map<string, SSEServerTransport> }> {
  const transports = new Map<string, SSEServerTransport>();
  const http = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/sse') {
      const transport = new SSEServerTransport('/messages', res);
      transports.set(transport.sessionId, transport);
      res.on('close', () => transports.delete(transport.sessionId));
      await makeServer().connect(transport);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/messages') {
      const transport = transports.get(url.searchParams.get('sessionId') ?? '');
      if (transport === undefined) {
        res.writeHead(404).end('No such session');
        return;
      }
      await transport.handlePostMessage(req, res);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  onCleanup(async () => {
    for (const transport of transports.values()) await transport.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/sse`, transports };
}

function ourServer(): McpServer {
  const server = new McpServer({ name: 'ours', version: '1' });
  server.registerTool('double', { inputSchema: { n: z.number() } }, ({ n }) => ({
    content: [{ type: 'text', text: String(n * 2) }],
  }));
  return server;
}

function sdkServer(): SdkMcpServer {
  const server = new SdkMcpServer({ name: 'sdk', version: '1' });
  server.registerTool('double', { inputSchema: { n: z.number() } }, ({ n }) => ({
    content: [{ type: 'text', text: String(n * 2) }],
  }));
  return server;
}

describe('new SSEServerTransport(endpoint, res)', () => {
  for (const [name, make] of [
    ['our McpServer', ourServer],
    ["the SDK's McpServer", sdkServer],
  ] as const) {
    it(`serves ${name} to the SDK's client and to ours`, async () => {
      const { url, transports } = await listen(make);
      const sdk = new Client({ name: 'sdk-client', version: '1' });
      onCleanup(() => sdk.close());
      await sdk.connect(new SSEClientTransport(new URL(url)));
      expect(transports.size).toBe(1);
      expect((await sdk.callTool({ name: 'double', arguments: { n: 21 } })).content).toEqual([
        { type: 'text', text: '42' },
      ]);
      const ours = new McpClient({ name: 'c', version: '1' }, { era: 'legacy' });
      onCleanup(() => ours.close());
      await ours.connect(new SSEClientTransport(new URL(url)));
      expect((await ours.callTool({ name: 'double', arguments: { n: 4 } })).content).toEqual([
        { type: 'text', text: '8' },
      ]);
    });
  }

  it("refuses the SDK's DNS-rebinding options instead of ignoring them", () => {
    const res = {} as never;
    expect(() => new SSEServerTransport('/messages', res, { enableDnsRebindingProtection: true })).toThrow(
      /not supported; use createSseHandler/,
    );
  });

  it('answers a POST before start() with 500', async () => {
    const http = createServer(async (req, res) => {
      await new SSEServerTransport('/messages', res).handlePostMessage(req, res);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise<void>((resolve) => http.close(() => resolve())));
    const response = await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/messages`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(500);
  });
});
