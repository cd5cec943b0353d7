// The official SDK's server shape, `new StreamableHTTPServerTransport({ sessionIdGenerator })` +
// `handleRequest(req, res, body)`, routed the SDK way (one transport per session, found by
// Mcp-Session-Id; a new one for `initialize`): our McpServer and the SDK's on it, under the SDK's
// Client (its own transport) and our McpClient.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpClient, McpServer } from '@mcpwire/protocol-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as SdkClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpServer as SdkMcpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  listenStreamableHttp,
  StreamableHTTPClientTransport,
  StreamableHTTPServerTransport,
} from '../src/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? undefined : JSON.parse(text);
}

type AnyServer = { connect(transport: StreamableHTTPServerTransport): Promise<unknown> };

async function listen(makeServer: () => AnyServer) {
  const transports = new Map<string, StreamableHTTPServerTransport>();
  const closed: string[] = [];
  const http = createServer(async (req, res) => {
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    const id = req.headers['mcp-session-id'];
    let transport = typeof id === 'string' ? transports.get(id) : undefined;
    if (transport === undefined && (body as { method?: string } | undefined)?.method === 'initialize') {
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (sid) => void transports.set(sid, created),
        onsessionclosed: (sid) => void closed.push(sid),
      });
      await makeServer().connect(created);
      transport = created;
    }
    if (transport === undefined) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32000, message: 'No valid session' } }),
      );
      return;
    }
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const transport of transports.values()) await transport.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`, transports, closed };
}

function ourServer(): McpServer {
  const server = new McpServer({ name: 'ours', version: '1' });
  server.registerTool('double', { inputSchema: { n: z.number() } }, async ({ n }, ctx) => {
    await ctx.sendProgress(1, 1);
    return { content: [{ type: 'text', text: String(n * 2) }] };
  });
  return server;
}

function sdkServer(): SdkMcpServer {
  const server = new SdkMcpServer({ name: 'sdk', version: '1' });
  server.registerTool('double', { inputSchema: { n: z.number() } }, ({ n }) => ({
    content: [{ type: 'text', text: String(n * 2) }],
  }));
  return server;
}

describe('new StreamableHTTPServerTransport({ sessionIdGenerator })', () => {
  for (const [name, make] of [
    ['our McpServer', ourServer],
    ["the SDK's McpServer", sdkServer],
  ] as const) {
    it(`serves ${name} to the SDK's client and to ours, with the generated session ids`, async () => {
      const { url, transports, closed } = await listen(make);
      const sdk = new Client({ name: 'sdk-client', version: '1' });
      const sdkTransport = new SdkClientTransport(new URL(url));
      await sdk.connect(sdkTransport);
      expect([...transports.keys()]).toEqual([sdkTransport.sessionId]);
      expect(sdkTransport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect((await sdk.callTool({ name: 'double', arguments: { n: 21 } })).content).toEqual([
        { type: 'text', text: '42' },
      ]);
      const sessionId = sdkTransport.sessionId;
      await sdkTransport.terminateSession();
      await sdk.close();
      await expect.poll(() => closed).toEqual([sessionId]);

      const ours = new McpClient({ name: 'c', version: '1' });
      cleanups.push(() => ours.close());
      await ours.connect(new StreamableHTTPClientTransport(new URL(url)));
      expect(ours.era).toBe('legacy');
      expect((await ours.callTool({ name: 'double', arguments: { n: 4 } })).content).toEqual([
        { type: 'text', text: '8' },
      ]);
    });
  }

  it('keeps its one session: a second initialize on it is refused, never evicts the first', async () => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
    await ourServer().connect(transport);
    const http = createServer(async (req, res) => {
      const body = req.method === 'POST' ? await readBody(req) : undefined;
      await transport.handleRequest(req, res, body);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      await transport.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    });
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const initialize = JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    });
    const first = await fetch(url, { method: 'POST', headers, body: initialize });
    expect(first.status).toBe(200);
    const sessionId = first.headers.get('mcp-session-id')!;
    await first.text();
    const second = await fetch(url, { method: 'POST', headers, body: initialize });
    expect(second.status).toBe(503);
    await second.text();
    expect(transport.sessionId).toBe(sessionId);
    const list = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('double');
  });

  it('refuses what it would not apply, at construction', () => {
    expect(() => new StreamableHTTPServerTransport({ sessionIdGenerator: undefined })).toThrow(
      /stateless mode \(sessionIdGenerator: undefined\) is not supported/,
    );
    expect(
      () => new StreamableHTTPServerTransport({ sessionIdGenerator: () => 'x', eventStore: {} }),
    ).toThrow(/eventStore is not supported/);
  });
});

describe('StreamableHttpServerOptions.sessionIdGenerator', () => {
  it('names the legacy sessions; an id a header or an event id cannot carry is refused', async () => {
    const ids = ['session-1', 'bad/id'];
    const listener = await listenStreamableHttp({
      server: ourServer(),
      sessionIdGenerator: () => ids.shift() ?? 'x',
    });
    cleanups.push(() => listener.close());
    const client = new McpClient({ name: 'c', version: '1' }, { era: 'legacy' });
    cleanups.push(() => client.close());
    const transport = new StreamableHTTPClientTransport(new URL(listener.url));
    await client.connect(transport);
    expect(transport.sessionId).toBe('session-1');
    const refused = new McpClient({ name: 'c', version: '1' }, { era: 'legacy' });
    await expect(refused.connect(new StreamableHTTPClientTransport(new URL(listener.url)))).rejects.toThrow();
  });
});
