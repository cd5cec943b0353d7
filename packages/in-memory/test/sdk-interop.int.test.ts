// Drop-in both ways, in process: the official SDK's Client and Server (1.x, and 2.x in both eras)
// over OUR linked pair; OUR McpClient and McpServer over the SDK's InMemoryTransport (1.x and 2.x);
// and the mixed pairs (SDK client with our server, our client with SDK servers) over our pair.
// Every case carries a `tools/call` end to end and checks the content the tool returned.
import { createInMemoryTransportPair, type InMemoryTransport } from '@mcpwire/in-memory';
import { McpClient, McpServer as OurServer, type Transport } from '@mcpwire/protocol-core';
import {
  Client as Sdk2Client,
  InMemoryTransport as Sdk2InMemoryTransport,
} from '@modelcontextprotocol/client';
import { Client as Sdk1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport as Sdk1InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer as Sdk1Server } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpServer as Sdk2Server } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';

const MODERN = '2026-07-28';
const LEGACY = '2025-11-25';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** Our linked pair; both ends are cut after the test whatever happened. */
function ourPair(): [InMemoryTransport, InMemoryTransport] {
  const pair = createInMemoryTransportPair();
  cleanups.push(async () => pair[0].disconnect());
  return pair;
}

/** Our dual-era server with one `echo` tool that tags its answer, so each test sees whose tool ran. */
function ourServer(): OurServer {
  const server = new OurServer({ name: 'mcpwire-server', version: '0.1.0' });
  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text: `mcpwire:${text}` }],
  }));
  cleanups.push(() => server.close());
  return server;
}

function sdk1Server(): Sdk1Server {
  const server = new Sdk1Server({ name: 'sdk1-server', version: '1.32.2' });
  server.registerTool('echo', { inputSchema: { text: z.string() } }, ({ text }) => ({
    content: [{ type: 'text', text: `sdk1:${text}` }],
  }));
  cleanups.push(() => server.close());
  return server;
}

function sdk2Server(): Sdk2Server {
  const server = new Sdk2Server({ name: 'sdk2-server', version: '2.4.0' });
  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text: `sdk2:${text}` }],
  }));
  return server;
}

/**
 * An SDK 2.x server on `transport` in both eras: its `serveStdio` entry takes any transport and picks
 * the era from the opening message (a plain `McpServer.connect` serves only the legacy era).
 */
function serveSdk2BothEras(transport: Transport): void {
  const handle = serveStdio(() => sdk2Server(), { transport });
  cleanups.push(() => handle.close());
}

function sdk1Client(): Sdk1Client {
  const client = new Sdk1Client({ name: 'sdk1-client', version: '1.32.2' });
  cleanups.push(() => client.close());
  return client;
}

type Sdk2Mode = 'legacy' | 'auto' | { pin: string };

function sdk2Client(mode: Sdk2Mode): Sdk2Client {
  const client = new Sdk2Client({ name: 'sdk2-client', version: '2.4.0' }, { versionNegotiation: { mode } });
  cleanups.push(() => client.close());
  return client;
}

function ourClient(era: 'auto' | 'legacy' | 'modern' = 'auto'): McpClient {
  const client = new McpClient({ name: 'mcpwire-client', version: '0.1.0' }, { era });
  cleanups.push(() => client.close());
  return client;
}

/** Checks a `callTool` result (SDK 1.x types it as a union with the 2024 `toolResult` shape). */
async function expectEcho(call: Promise<object>, expected: string): Promise<void> {
  const result = (await call) as { content?: unknown; isError?: boolean | undefined };
  expect(result.isError ?? false).toBe(false);
  expect(result.content).toEqual([{ type: 'text', text: expected }]);
}

describe('SDK engines over our in-memory pair', () => {
  it('SDK 1.x Client and Server (legacy)', async () => {
    const [clientSide, serverSide] = ourPair();
    await sdk1Server().connect(serverSide);
    const client = sdk1Client();
    await client.connect(clientSide);
    expect(client.getServerVersion()?.name).toBe('sdk1-server');
    expect(clientSide.protocolVersion).toBe(LEGACY);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['echo']);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'a' } }), 'sdk1:a');
  });

  it('SDK 2.x Client and McpServer.connect (legacy, its default)', async () => {
    const [clientSide, serverSide] = ourPair();
    const server = sdk2Server();
    cleanups.push(() => server.close());
    await server.connect(serverSide);
    const client = sdk2Client('legacy');
    await client.connect(clientSide);
    expect(client.getNegotiatedProtocolVersion()).toBe(LEGACY);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'b' } }), 'sdk2:b');
  });

  it.each<[string, Sdk2Mode]>([
    ['pinned', { pin: MODERN }],
    ['auto', 'auto'],
  ])('SDK 2.x Client (%s) and serveStdio: 2026-07-28 over our pair', async (_name, mode) => {
    const [clientSide, serverSide] = ourPair();
    serveSdk2BothEras(serverSide);
    const client = sdk2Client(mode);
    await client.connect(clientSide);
    expect(client.getNegotiatedProtocolVersion()).toBe(MODERN);
    expect(clientSide.protocolVersion).toBe(MODERN);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'c' } }), 'sdk2:c');
  });
});

describe('our engines over the SDK in-memory transports', () => {
  it.each([
    ['auto', 'modern', MODERN],
    ['legacy', 'legacy', LEGACY],
  ] as const)('SDK 1.x InMemoryTransport pair, era %s', async (era, expectedEra, version) => {
    const [clientSide, serverSide] = Sdk1InMemoryTransport.createLinkedPair();
    await ourServer().connect(serverSide);
    const client = ourClient(era);
    await client.connect(clientSide);
    expect(client.era).toBe(expectedEra);
    expect(client.protocolVersion).toBe(version);
    expect(client.serverInfo?.name).toBe('mcpwire-server');
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['echo']);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'd' } }), 'mcpwire:d');
  });

  it('SDK 2.x InMemoryTransport pair, era auto', async () => {
    const [clientSide, serverSide] = Sdk2InMemoryTransport.createLinkedPair();
    await ourServer().connect(serverSide);
    const client = ourClient();
    await client.connect(clientSide);
    expect(client.era).toBe('modern');
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'e' } }), 'mcpwire:e');
  });
});

describe('mixed engines over our in-memory pair', () => {
  it('SDK 1.x Client with our McpServer', async () => {
    const [clientSide, serverSide] = ourPair();
    await ourServer().connect(serverSide);
    const client = sdk1Client();
    await client.connect(clientSide);
    expect(client.getServerVersion()?.name).toBe('mcpwire-server');
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'f' } }), 'mcpwire:f');
  });

  it.each<[string, Sdk2Mode, string]>([
    ['legacy', 'legacy', LEGACY],
    ['auto', 'auto', MODERN],
    ['pinned', { pin: MODERN }, MODERN],
  ])('SDK 2.x Client (%s) with our McpServer', async (_name, mode, version) => {
    const [clientSide, serverSide] = ourPair();
    await ourServer().connect(serverSide);
    const client = sdk2Client(mode);
    await client.connect(clientSide);
    expect(client.getNegotiatedProtocolVersion()).toBe(version);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'g' } }), 'mcpwire:g');
  });

  it('our McpClient with the SDK 1.x server: the probe is refused, so it falls back to legacy', async () => {
    const [clientSide, serverSide] = ourPair();
    await sdk1Server().connect(serverSide);
    const client = ourClient();
    await client.connect(clientSide);
    expect(client.era).toBe('legacy');
    expect(client.serverInfo?.name).toBe('sdk1-server');
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'h' } }), 'sdk1:h');
  });

  it.each([
    ['auto', 'modern'],
    ['legacy', 'legacy'],
  ] as const)('our McpClient (era %s) with the SDK 2.x server', async (era, expectedEra) => {
    const [clientSide, serverSide] = ourPair();
    serveSdk2BothEras(serverSide);
    const client = ourClient(era);
    await client.connect(clientSide);
    expect(client.era).toBe(expectedEra);
    expect(client.serverInfo?.name).toBe('sdk2-server');
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'i' } }), 'sdk2:i');
  });
});
