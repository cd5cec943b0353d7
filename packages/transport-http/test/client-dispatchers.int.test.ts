// The Node client sends through a dispatcher's `dispatch()` with a handler of its own. Whatever undici
// owns the dispatcher must work: our undici 7 (its Agent, a Pool) and the undici bundled in Node, which
// holds the global dispatcher once `fetch` has run and speaks the older handler interface.
import { McpClient, McpServer, type ProtocolEra } from '@mcpwire/protocol-core';
import { Agent, type Dispatcher, Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStreamableHttpClientTransport, listenStreamableHttp } from '../src/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function testServer(): McpServer {
  const server = new McpServer({ name: 'dispatchers', version: '1.0.0' });
  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text }],
  }));
  server.registerTool(
    'progress',
    { inputSchema: z.object({ steps: z.number() }) },
    async ({ steps }, ctx) => {
      for (let step = 1; step <= steps; step++) await ctx.sendProgress(step, steps);
      return { content: [{ type: 'text', text: `done:${steps}` }] };
    },
  );
  return server;
}

/** Node's own undici: the global dispatcher `fetch` installs (undici 6 on Node 20 and 22). */
async function nodeBundledDispatcher(): Promise<Dispatcher> {
  await fetch('http://127.0.0.1:1/').catch(() => undefined);
  const bundled = (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')];
  if (bundled === undefined) throw new Error('fetch did not install a global dispatcher');
  return bundled as Dispatcher;
}

/** A dispatcher for `origin`, and whether the test owns (and closes) it. */
type MakeDispatcher = (origin: string) => Promise<{ dispatcher: Dispatcher; owned: boolean }>;

const dispatchers: [string, MakeDispatcher][] = [
  ['an undici 7 Agent', async () => ({ dispatcher: new Agent(), owned: true })],
  ['an undici 7 Pool', async (origin) => ({ dispatcher: new Pool(origin), owned: true })],
  ["Node's bundled undici", async () => ({ dispatcher: await nodeBundledDispatcher(), owned: false })],
];

async function connect(era: ProtocolEra, make: MakeDispatcher, sse: boolean): Promise<McpClient> {
  const listener = await listenStreamableHttp({ server: testServer(), enableJsonResponse: !sse });
  cleanups.push(() => listener.close());
  const { dispatcher, owned } = await make(new URL(listener.url).origin);
  if (owned) cleanups.push(() => dispatcher.close());
  const client = new McpClient({ name: 'c', version: '1' }, { era });
  await client.connect(createStreamableHttpClientTransport({ url: listener.url, dispatcher }));
  cleanups.push(() => client.close());
  return client;
}

describe.each(dispatchers)('the client over %s', (_name, make) => {
  it.each([
    'legacy',
    'modern',
  ] as const)('%s: JSON and SSE answers, progress, 1 MiB, 20 in parallel', async (era) => {
    for (const sse of [false, true]) {
      const client = await connect(era, make, sse);
      const big = 'ü'.repeat(512 * 1024);
      const echoed = await client.callTool({ name: 'echo', arguments: { text: big } });
      expect(echoed.content).toEqual([{ type: 'text', text: big }]);
      const progress: number[] = [];
      const done = await client.callTool(
        { name: 'progress', arguments: { steps: 3 } },
        { onprogress: (event) => progress.push(event.progress) },
      );
      expect(done.content).toEqual([{ type: 'text', text: 'done:3' }]);
      // Legacy JSON mode has no stream per request: progress goes to the GET stream, unordered with the result.
      if (sse || era === 'modern') expect(progress).toEqual([1, 2, 3]);
      const parallel = await Promise.all(
        Array.from({ length: 20 }, (_, i) => client.callTool({ name: 'echo', arguments: { text: `n${i}` } })),
      );
      expect(parallel.map((r) => (r.content as { text: string }[])[0]!.text)).toEqual(
        Array.from({ length: 20 }, (_, i) => `n${i}`),
      );
    }
  });
});
