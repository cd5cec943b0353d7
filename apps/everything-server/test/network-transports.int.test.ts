// One built CLI process, one port, every network wire: McpClient reaches the same server over
// Streamable HTTP, HTTP+SSE and WebSocket, in the eras each allows, and the Streamable HTTP client
// pointed at the old SSE endpoint falls back to HTTP+SSE through its injected `fallback`.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { McpClient, type Transport } from '@mcpwire/protocol-core';
import { createStreamableHttpClientTransport } from '@mcpwire/transport-http';
import { createSseClientTransport } from '@mcpwire/transport-sse';
import { createWebSocketClientTransport } from '@mcpwire/transport-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from './support/processes.js';

let child: ChildProcess;
let origin = '';

beforeAll(async () => {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: build the app first`);
  child = spawn(process.execPath, [CLI_PATH, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout!.setEncoding('utf8');
  origin = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^listening (\S+)\n/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
  });
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

async function echoOver(transport: Transport, era: 'auto' | 'legacy', text: string) {
  const client = new McpClient({ name: 'wires-test', version: '1.0.0' }, { era });
  await client.connect(transport);
  try {
    const tools = await client.listAllTools();
    const result = await client.callTool({ name: 'echo', arguments: { text } });
    return { era: client.era, tools: tools.length, content: result.content };
  } finally {
    await client.close();
  }
}

describe('everything-server: one port, every network transport', () => {
  it.each([
    ['auto', 'modern'],
    ['legacy', 'legacy'],
  ] as const)('answers over Streamable HTTP at /mcp (%s → %s)', async (era, expected) => {
    const got = await echoOver(
      createStreamableHttpClientTransport({ url: `${origin}/mcp`, eraCache: false }),
      era,
      'h',
    );
    expect(got.era).toBe(expected);
    expect(got.tools).toBeGreaterThan(10);
    expect(got.content).toEqual([{ type: 'text', text: 'h' }]);
  });

  it('answers over HTTP+SSE at /sse, its endpoint event naming /messages', async () => {
    const transport = createSseClientTransport({ url: `${origin}/sse` });
    const got = await echoOver(transport, 'legacy', 'over sse');
    expect(got.era).toBe('legacy');
    expect(got.content).toEqual([{ type: 'text', text: 'over sse' }]);
  });

  it('lets a Streamable HTTP client pointed at /sse fall back to HTTP+SSE', async () => {
    const fallbacks: string[] = [];
    const transport = createStreamableHttpClientTransport({
      url: `${origin}/sse`,
      eraCache: false,
      fallback: (url) => {
        fallbacks.push(url.pathname);
        return createSseClientTransport({ url });
      },
    });
    const got = await echoOver(transport, 'legacy', 'fell back');
    expect(fallbacks).toEqual(['/sse']);
    expect(transport.usingFallback).toBe(true);
    expect(got.content).toEqual([{ type: 'text', text: 'fell back' }]);
  });

  it.each([
    ['auto', 'modern'],
    ['legacy', 'legacy'],
  ] as const)('answers over WebSocket at /ws (%s → %s)', async (era, expected) => {
    const url = `${origin.replace(/^http/, 'ws')}/ws`;
    const got = await echoOver(createWebSocketClientTransport({ url }), era, 'over ws');
    expect(got.era).toBe(expected);
    expect(got.content).toEqual([{ type: 'text', text: 'over ws' }]);
  });

  it('refuses a WebSocket upgrade from a foreign Origin and answers 404 off the known paths', async () => {
    const url = `${origin.replace(/^http/, 'ws')}/ws`;
    const refused = createWebSocketClientTransport({ url, headers: { origin: 'https://evil.example' } });
    await expect(refused.start()).rejects.toThrow(/403/);
    const response = await fetch(`${origin}/elsewhere`);
    expect(response.status).toBe(404);
  });
});
