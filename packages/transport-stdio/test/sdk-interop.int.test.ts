// The official SDK's engines over OUR stdio transports, with real child processes: its Client on our
// client transport, its server on our server transport (1.x legacy; 2.x in both eras through its
// serveStdio entry), and the mixed pairs (SDK client with our McpServer, our McpClient with SDK
// servers), all on our transports at both ends. Every case carries a `tools/call` end to end.
// Our engines over the SDK's stdio transports are in sdk-transports-interop.int.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeAll,
  expectEcho,
  LEGACY,
  MODERN,
  ourClient,
  ourClientTransport,
  ourServerCommand,
  type Sdk2Mode,
  sdk1Client,
  sdk2Client,
  sdkServerCommand,
} from './helpers/interop.js';

afterEach(closeAll);

describe('SDK engines over our stdio transports (both ends)', () => {
  it('SDK 1.x Client and Server', async () => {
    const transport = ourClientTransport(sdkServerCommand('v1', 'ours'));
    const client = sdk1Client();
    await client.connect(transport);
    expect(client.getServerVersion()?.name).toBe('sdk1-server');
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['echo']);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'a' } }), 'sdk1:a');
  });

  // Our client transport has `pid` and `stderr`, so the SDK 2.x client treats it as stdio and probes
  // on it in place (no sibling process: that is reserved for its own StdioClientTransport). Its
  // pinned mode is in sdk-transports-interop.int.test.ts.
  it.each<[string, Sdk2Mode, string]>([
    ['legacy', 'legacy', LEGACY],
    ['auto', 'auto', MODERN],
  ])('SDK 2.x Client (%s) and serveStdio server', async (_name, mode, version) => {
    const transport = ourClientTransport(sdkServerCommand('v2', 'ours'));
    const client = sdk2Client(mode);
    await client.connect(transport);
    expect(client.getNegotiatedProtocolVersion()).toBe(version);
    expect(client.getServerVersion()?.name).toBe('sdk2-server');
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'b' } }), 'sdk2:b');
  });
});

describe('mixed engines over our stdio transports (both ends)', () => {
  it('SDK 1.x Client with our McpServer', async () => {
    const client = sdk1Client();
    await client.connect(ourClientTransport(ourServerCommand('ours')));
    expect(client.getServerVersion()?.name).toBe('mcpwire-server');
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'c' } }), 'mcpwire:c');
  });

  it('SDK 2.x Client (auto) with our McpServer: the in-place probe finds it modern', async () => {
    const client = sdk2Client('auto');
    await client.connect(ourClientTransport(ourServerCommand('ours')));
    expect(client.getNegotiatedProtocolVersion()).toBe(MODERN);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'd' } }), 'mcpwire:d');
  });

  it('our McpClient with the SDK 1.x server: its -32601 to server/discover means legacy', async () => {
    const client = ourClient();
    await client.connect(ourClientTransport(sdkServerCommand('v1', 'ours')));
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe(LEGACY);
    expect(client.serverInfo?.name).toBe('sdk1-server');
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'e' } }), 'sdk1:e');
  });

  it('our McpClient with the SDK 2.x server: modern', async () => {
    const client = ourClient();
    await client.connect(ourClientTransport(sdkServerCommand('v2', 'ours')));
    expect(client.era).toBe('modern');
    expect(client.protocolVersion).toBe(MODERN);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'f' } }), 'sdk2:f');
  });

  it('our McpClient with a modern-only McpServer that starts after the probe timed out: modern after all', async () => {
    // The probe waits in the pipe while the server starts, and times out; the server then answers it
    // (too late), refuses initialize naming 2026-07-28, and the client asks discover again.
    const client = ourClient('auto', 300);
    await client.connect(
      ourClientTransport(ourServerCommand('ours', '--modern-only', '--boot-delay-ms=1500')),
    );
    expect(client.era).toBe('modern');
    expect(client.protocolVersion).toBe(MODERN);
    await expectEcho(client.callTool({ name: 'echo', arguments: { text: 'late' } }), 'mcpwire:late');
  });
});
