// Our McpClient (dual-era, `auto`) against the official reference server `@modelcontextprotocol/server-everything`
// (SDK 1.x, legacy era) over our stdio client transport: the probe detects a legacy server, then tools,
// resources and prompts work, and every message either side sent is valid for the negotiated revision.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { McpClient, pipe } from '@mcpwire/protocol-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialEverythingServer, stdioTransport } from './support/processes.js';
import { describeViolations, WireLog } from './support/wire-log.js';

const docsDir = join(
  dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/package.json')),
  'dist',
  'docs',
);

let client: McpClient;
let log: WireLog;

// Generous probe and hook timeouts: the server refuses the probe at once, but its process may take
// seconds to boot on a loaded CI machine (the default hook timeout is 10 s).
beforeAll(async () => {
  log = new WireLog();
  client = new McpClient({ name: 'mcpwire-interop', version: '1.0.0' }, { probeTimeoutMs: 15_000 });
  await client.connect(pipe(stdioTransport(officialEverythingServer()), log.decorate));
}, 30_000);

afterAll(async () => {
  await client?.close();
});

describe('our client → official server-everything (stdio)', () => {
  it('detects the legacy era with the server/discover probe, then initializes', () => {
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-11-25');
    expect(client.serverInfo?.name).toBe('mcp-servers/everything');
    const opening = log
      .sent()
      .slice(0, 2)
      .map((m) => ('method' in m ? m.method : 'response'));
    expect(opening).toEqual(['server/discover', 'initialize']);
    // The probe was refused with a plain JSON-RPC error, not a modern one: that is what means "legacy".
    const probeAnswer = log.received()[0];
    expect(probeAnswer).toMatchObject({ id: 1, error: { code: expect.any(Number) } });
  });

  it('lists tools and calls echo and get-sum', async () => {
    const tools = await client.listAllTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['echo', 'get-sum', 'get-tiny-image']));
    const echo = await client.callTool({ name: 'echo', arguments: { message: 'hello from mcpwire' } });
    expect(echo.content).toEqual([{ type: 'text', text: 'Echo: hello from mcpwire' }]);
    const sum = await client.callTool({ name: 'get-sum', arguments: { a: 2, b: 40 } });
    expect(sum.content).toEqual([{ type: 'text', text: 'The sum of 2 and 40 is 42.' }]);
  });

  it('lists and reads resources, static and templated', async () => {
    const resources = await client.listAllResources();
    const uri = 'demo://resource/static/document/instructions.md';
    expect(resources.map((r) => r.uri)).toContain(uri);
    const read = await client.readResource({ uri });
    expect(read.contents).toEqual([
      { uri, mimeType: 'text/markdown', text: readFileSync(join(docsDir, 'instructions.md'), 'utf8') },
    ]);
    const templates = await client.listAllResourceTemplates();
    expect(templates.map((t) => t.uriTemplate)).toContain('demo://resource/dynamic/text/{resourceId}');
    const dynamic = await client.readResource({ uri: 'demo://resource/dynamic/text/7' });
    expect(dynamic.contents[0]).toMatchObject({
      uri: 'demo://resource/dynamic/text/7',
      mimeType: 'text/plain',
      text: expect.stringMatching(/^Resource 7: This is a plaintext resource created at /),
    });
  });

  it('lists and gets prompts', async () => {
    const prompts = await client.listAllPrompts();
    expect(prompts.map((p) => p.name)).toEqual(expect.arrayContaining(['simple-prompt', 'args-prompt']));
    const simple = await client.getPrompt({ name: 'simple-prompt' });
    expect(simple.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'This is a simple prompt without arguments.' } },
    ]);
    const args = await client.getPrompt({
      name: 'args-prompt',
      arguments: { city: 'Paris', state: 'Texas' },
    });
    expect(args.messages).toEqual([
      { role: 'user', content: { type: 'text', text: "What's weather in Paris, Texas?" } },
    ]);
  });

  it('kept every message on the wire valid for 2025-11-25', () => {
    // The probe belongs to 2026-07-28, the rest to the negotiated revision; both are checked.
    expect(log.entries.filter((e) => e.revision === '2025-11-25').length).toBeGreaterThan(10);
    expect(describeViolations(log)).toEqual([]);
  });
});
