// Moving a Streamable HTTP client from the official SDK 1.x is an import rename: test/sdk-port holds
// an SDK-style client twice, with the SDK's imports and with ours, bodies byte for byte the same. Both
// run against an SDK 1.x stateful server (its McpServer and StreamableHTTPServerTransport, one per
// session) and against ours, and report the same.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer as OurMcpServer } from '@mcpwire/protocol-core';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listenStreamableHttp } from '../src/index.js';
import { run as runOurs } from './sdk-port/client.ours.js';
import { run as runSdk } from './sdk-port/client.sdk.js';

const MARKER = '// --- body: identical in both ports ---';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function source(name: string): string {
  return readFileSync(new URL(`./sdk-port/${name}`, import.meta.url), 'utf8');
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? undefined : JSON.parse(text);
}

/** The SDK 1.x way: one StreamableHTTPServerTransport and McpServer per session, routed by session id. */
async function sdkServer(): Promise<string> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const http = createServer(async (req, res) => {
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    const id = req.headers['mcp-session-id'];
    let transport = typeof id === 'string' ? sessions.get(id) : undefined;
    if (transport === undefined && (body as { method?: string } | undefined)?.method === 'initialize') {
      const created = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (sid) => void sessions.set(sid, created),
      });
      const server = new McpServer({ name: 'greeter', version: '1.0.0' });
      server.registerTool('greet', { inputSchema: { name: z.string() } }, async ({ name }, extra) => {
        const progressToken = extra._meta?.progressToken;
        if (progressToken !== undefined) {
          for (const progress of [1, 2]) {
            await extra.sendNotification({
              method: 'notifications/progress',
              params: { progressToken, progress, total: 2 },
            });
          }
        }
        return { content: [{ type: 'text', text: `Hello, ${name}!` }] };
      });
      await server.connect(created);
      transport = created;
    }
    if (transport === undefined) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32000, message: 'No session' } }));
      return;
    }
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const transport of sessions.values()) await transport.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
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
  it('differs from the SDK original in its import lines only', () => {
    const ours = source('client.ours.ts');
    const sdk = source('client.sdk.ts');
    expect(ours.slice(ours.indexOf(MARKER))).toBe(sdk.slice(sdk.indexOf(MARKER)));
    expect(ours.indexOf(MARKER)).toBeGreaterThan(0);
    const imports = ours
      .slice(0, ours.indexOf(MARKER))
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('//'));
    expect(imports.every((line) => line.startsWith('import '))).toBe(true);
    expect(imports.join('\n')).not.toContain('@modelcontextprotocol');
  });

  it('against an SDK 1.x server: the same report as the SDK client (a legacy session)', async () => {
    const url = await sdkServer();
    const report = await runOurs(url);
    expect(report).toEqual({ ...expected, hadSession: true });
    expect(await runSdk(url)).toEqual(report);
  });

  it('against our server: the SDK client gets a session, ours speaks 2026-07-28 (no session)', async () => {
    const url = await ourServer();
    expect(await runSdk(url)).toEqual({ ...expected, hadSession: true });
    expect(await runOurs(url)).toEqual({ ...expected, hadSession: false });
  });
});
