// OUR engines over the official SDK's stdio transports, with real child processes: our McpClient on
// the SDK's StdioClientTransport (1.x and 2.x) spawning our McpServer on the SDK's or on our server
// transport, and our client transport spawning SDK servers that run on the SDK's own
// StdioServerTransport (plain node, nothing of ours in the child). Also the SDK 2.x client on its own
// StdioClientTransport against our McpServer, whose era probe runs on a disposable sibling process.
import { StdioClientTransport as Sdk2StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { StdioClientTransport as Sdk1StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeAll,
  closeLater,
  expectEcho,
  LEGACY,
  MODERN,
  ourClient,
  ourClientTransport,
  ourServerCommand,
  type ServerCommand,
  sdk2Client,
  sdkServerCommand,
} from './helpers/interop.js';

afterEach(closeAll);

const sdkClientTransports = {
  'SDK 1.x': (server: ServerCommand) =>
    closeLater(new Sdk1StdioClientTransport({ ...server, stderr: 'inherit' })),
  'SDK 2.x': (server: ServerCommand) =>
    closeLater(new Sdk2StdioClientTransport({ ...server, stderr: 'inherit' })),
};

describe('our McpClient on the SDK stdio client transports', () => {
  it.each([
    ['SDK 1.x', 'sdk1'],
    ['SDK 2.x', 'ours'],
  ] as const)('%s client transport, our McpServer on the %s server transport', async (sdk, carrier) => {
    const client = ourClient();
    await client.connect(sdkClientTransports[sdk](ourServerCommand(carrier)));
    expect(client.era).toBe('modern');
    expect(client.serverInfo?.name).toBe('mcpwire-server');
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['echo']);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'a' } }), 'mcpwire:a');
  });

  it('legacy pinned, SDK 1.x client transport to our server transport', async () => {
    const client = ourClient('legacy');
    await client.connect(sdkClientTransports['SDK 1.x'](ourServerCommand('ours')));
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe(LEGACY);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'b' } }), 'mcpwire:b');
  });
});

describe('our stdio client transport spawning SDK servers on their own StdioServerTransport', () => {
  it.each([
    ['v1', 'legacy', LEGACY, 'sdk1'],
    ['v2', 'modern', MODERN, 'sdk2'],
  ] as const)('SDK %s server: our McpClient detects %s', async (version, era, protocolVersion, tag) => {
    const client = ourClient();
    await client.connect(ourClientTransport(sdkServerCommand(version, 'sdk')));
    expect(client.era).toBe(era);
    expect(client.protocolVersion).toBe(protocolVersion);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'c' } }), `${tag}:c`);
  });

  it('the SDK 2.x Client (pinned modern) on our transport, with the SDK 2.x server on its own', async () => {
    const client = sdk2Client({ pin: MODERN });
    await client.connect(ourClientTransport(sdkServerCommand('v2', 'sdk')));
    expect(client.getNegotiatedProtocolVersion()).toBe(MODERN);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'd' } }), 'sdk2:d');
  });
});

describe('the SDK 2.x Client on its own StdioClientTransport', () => {
  it('auto against our McpServer: the sibling probe finds it modern, the session child serves the call', async () => {
    const client = sdk2Client('auto');
    await client.connect(sdkClientTransports['SDK 2.x'](ourServerCommand('ours')));
    expect(client.getNegotiatedProtocolVersion()).toBe(MODERN);
    expect(client.getServerVersion()?.name).toBe('mcpwire-server');
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'e' } }), 'mcpwire:e');
  });
});
