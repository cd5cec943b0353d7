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

/** Starts the built CLI on port 0; resolves once it printed `listening <origin>`. */
async function startCli(): Promise<{ child: ChildProcess; origin: string }> {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: build the app first`);
  const started = spawn(process.execPath, [CLI_PATH, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  started.stdout!.setEncoding('utf8');
  const at = await new Promise<string>((resolve, reject) => {
    started.stdout!.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^listening (\S+)\n/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    started.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
  });
  return { child: started, origin: at };
}

// The process may take seconds to boot on a loaded CI machine (the default hook timeout is 10 s).
beforeAll(async () => {
  ({ child, origin } = await startCli());
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

async function echoOver(transport: Transport, era: 'auto' | 'legacy', text: string) {
  // Generous: the server answers the probe, but a loaded CI machine may take seconds to.
  const client = new McpClient({ name: 'wires-test', version: '1.0.0' }, { era, probeTimeoutMs: 15_000 });
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

  it('closes open SSE streams and WebSocket connections on SIGTERM, and exits 0', async () => {
    const own = await startCli();
    try {
      const sse = createSseClientTransport({ url: `${own.origin}/sse` });
      const ws = createWebSocketClientTransport({ url: `${own.origin.replace(/^http/, 'ws')}/ws` });
      const closes: Promise<string>[] = [];
      for (const [name, transport] of [
        ['sse', sse],
        ['ws', ws],
      ] as const) {
        const client = new McpClient({ name: 'wires-test', version: '1.0.0' }, { era: 'legacy' });
        await client.connect(transport);
        const inner = transport.onclose;
        closes.push(
          new Promise((resolve) => {
            transport.onclose = () => {
              inner?.();
              resolve(name);
            };
          }),
        );
      }
      own.child.kill('SIGTERM');
      const [code] = await once(own.child, 'exit');
      expect(code).toBe(0);
      // Both clients saw their connection end (a hang here fails the test on its timeout).
      expect(await Promise.all(closes)).toEqual(['sse', 'ws']);
    } finally {
      if (own.child.exitCode === null && own.child.signalCode === null) own.child.kill('SIGKILL');
    }
  });
});
