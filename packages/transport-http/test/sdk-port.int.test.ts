// Moving a Streamable HTTP client and server from the official SDK 1.x is an import rename:
// test/sdk-port holds an SDK-style stateful server (McpServer + StreamableHTTPServerTransport, one per
// session) and client twice, with the SDK's imports and with ours, bodies byte for byte the same. Each
// client runs against each server and all report the same; ours also against our own handler.
import { readFileSync } from 'node:fs';
import { McpServer as OurMcpServer } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listenStreamableHttp } from '../src/index.js';
import { run as runOurs } from './sdk-port/client.ours.js';
import { run as runSdk } from './sdk-port/client.sdk.js';
import { start as startOurs } from './sdk-port/server.ours.js';
import { start as startSdk } from './sdk-port/server.sdk.js';

const MARKER = '// --- body: identical in both ports ---';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function source(name: string): string {
  return readFileSync(new URL(`./sdk-port/${name}`, import.meta.url), 'utf8');
}

/** Ours, serving the same tool in both eras. */
async function ourServer(): Promise<string> {
  const server = new OurMcpServer({ name: 'greeter', version: '1.0.0' });
  server.registerTool('greet', { inputSchema: { name: z.string() } }, async ({ name }, ctx) => {
    await ctx.sendProgress(1, 2);
    await ctx.sendProgress(2, 2);
    return { content: [{ type: 'text', text: `Hello, ${name}!` }] };
  });
  const listener = await listenStreamableHttp({ server });
  cleanups.push(() => listener.close());
  return listener.url;
}

const expected = { server: 'greeter', tools: ['greet'], text: 'Hello, Ada!', progress: [1, 2] };

describe('an SDK 1.x Streamable HTTP client, ported by renaming imports', () => {
  it('differ from the SDK originals in their import lines only', () => {
    for (const kind of ['client', 'server']) {
      const ours = source(`${kind}.ours.ts`);
      const sdk = source(`${kind}.sdk.ts`);
      expect(ours.indexOf(MARKER)).toBeGreaterThan(0);
      expect(ours.slice(ours.indexOf(MARKER))).toBe(sdk.slice(sdk.indexOf(MARKER)));
      const imports = ours
        .slice(0, ours.indexOf(MARKER))
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('//'));
      expect(imports.every((line) => line.startsWith('import '))).toBe(true);
      expect(imports.join('\n')).not.toContain('@modelcontextprotocol');
    }
  });

  it('every client against every server: the same report (a legacy session)', async () => {
    const same = { ...expected, progress: [], hadSession: true };
    for (const start of [startOurs, startSdk]) {
      const server = await start();
      cleanups.push(server.close);
      expect(await runOurs(server.url)).toEqual(same);
      expect(await runSdk(server.url)).toEqual(same);
    }
  });

  it('against our server: the SDK client gets a session, ours speaks 2026-07-28 (no session)', async () => {
    const url = await ourServer();
    expect(await runSdk(url)).toEqual({ ...expected, hadSession: true });
    expect(await runOurs(url)).toEqual({ ...expected, hadSession: false });
  });
});
