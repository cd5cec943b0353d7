// Our McpClient against the official SDK 2.x McpServer (test/fixtures/sdk-v2-server.mjs) over our stdio
// client transport, in every era that server supports: dual (`serveStdio`), modern only
// (`serveStdio` with `legacy: 'reject'`) and legacy only (a hand-wired StdioServerTransport).
import { type ClientEraOption, McpClient, pipe, TransportError } from '@mcpwire/protocol-core';
import { describe, expect, it } from 'vitest';
import type { ServerEra } from '../src/server.js';
import { sdkV2Server, stdioTransport } from './support/processes.js';
import { describeViolations, WireLog } from './support/wire-log.js';

async function connect(
  server: ServerEra,
  era: ClientEraOption,
): Promise<{ client: McpClient; log: WireLog }> {
  const log = new WireLog();
  // Generous: the server answers the probe, but its process may take seconds to boot on a loaded machine.
  const client = new McpClient(
    { name: 'mcpwire-interop', version: '1.0.0' },
    { era, probeTimeoutMs: 15_000 },
  );
  await client.connect(pipe(stdioTransport(sdkV2Server(server)), log.decorate));
  return { client, log };
}

/** Combinations that work, and the era they end up in. */
const WORKING: readonly [ServerEra, ClientEraOption, 'legacy' | 'modern'][] = [
  ['dual', 'auto', 'modern'],
  ['dual', 'modern', 'modern'],
  ['dual', 'legacy', 'legacy'],
  ['modern', 'auto', 'modern'],
  ['modern', 'modern', 'modern'],
  ['legacy', 'auto', 'legacy'],
  ['legacy', 'legacy', 'legacy'],
];

describe('our client → official SDK 2.x server (stdio)', () => {
  it.each(WORKING)('server %s, client %s: %s era, tools listed and called', async (server, era, expected) => {
    const { client, log } = await connect(server, era);
    try {
      expect(client.era).toBe(expected);
      const tools = await client.listAllTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['add', 'greet']);
      const sum = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
      expect(sum.content).toEqual([{ type: 'text', text: '5' }]);
      const greeting = await client.callTool({ name: 'greet', arguments: { name: 'Ada' } });
      expect(greeting.content).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
      expect(describeViolations(log)).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('server modern-only, client legacy: initialize is refused with the modern versions named', async () => {
    const error = await connect('modern', 'legacy').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ code: 'MCPWIRE_ERR_UNSUPPORTED_VERSION' });
    expect((error as Error).message).toContain('2026-07-28');
  });

  it('server dual, client auto: the probe is answered with a DiscoverResult and no initialize is sent', async () => {
    const { client, log } = await connect('dual', 'auto');
    try {
      expect(log.sent('initialize')).toEqual([]);
      expect(log.resultsOf('server/discover')[0]).toMatchObject({
        supportedVersions: ['2026-07-28'],
        resultType: 'complete',
      });
      expect(client.serverInfo).toEqual({ name: 'sdk-v2-fixture', version: '2.4.0' });
    } finally {
      await client.close();
    }
  });
});
