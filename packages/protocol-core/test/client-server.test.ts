/**
 * End to end: our McpClient against our McpServer over a linked fake transport pair, in both eras.
 * The same client code and the same server registrations must work whichever era they agree on:
 * elicitation, sampling and roots arrive as legacy server requests or as modern input rounds, and
 * reach the same client handlers either way.
 */
import { describe, expect, it } from 'vitest';
import { McpClient } from '../src/client/client.js';
import type { McpClientOptions } from '../src/client/options.js';
import { TransportErrorCode } from '../src/errors.js';
import { McpServer } from '../src/server/mcp-server.js';
import type { McpServerOptions } from '../src/server/types.js';
import type { ProtocolVersion } from '../src/types/revisions.js';
import { FakeClock } from './support/fake-clock.js';
import { createFakePair } from './support/fake-transport.js';
import { assertClientTraffic, requestMethods } from './support/client-wire.js';

/** Lets every queued microtask and promise chain run. */
function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function buildServer(options?: McpServerOptions): McpServer {
  const server = new McpServer(
    { name: 'e2e-server', version: '1.0.0' },
    { instructions: 'Try the weather.', ...options },
  );
  server.registerTool(
    'weather',
    {
      inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      outputSchema: { type: 'object', properties: { celsius: { type: 'number' } }, required: ['celsius'] },
    },
    (args) => ({ structuredContent: { celsius: String(args['city']) === 'Oslo' ? -3 : 21 } }),
  );
  server.registerTool('interview', {}, async (_args, ctx) => {
    const answer = await ctx.elicit({
      message: 'Who are you?',
      requestedSchema: {
        type: 'object',
        properties: { name: { type: 'string' }, team: { type: 'string', default: 'core' } },
        required: ['name'],
      },
    });
    const sampled = await ctx.sample({
      messages: [{ role: 'user', content: { type: 'text', text: 'Say hi' } }],
      maxTokens: 10,
    });
    const { roots } = await ctx.listRoots();
    const said =
      !Array.isArray(sampled.content) && sampled.content.type === 'text' ? sampled.content.text : '';
    const content = answer.content ?? {};
    return {
      content: [
        {
          type: 'text',
          text: `${String(content['name'])}/${String(content['team'])}/${said}/${roots.length}`,
        },
      ],
    };
  });
  server.registerResource('file:///readme.md', { name: 'readme', mimeType: 'text/markdown' }, (uri) => ({
    contents: [{ uri, mimeType: 'text/markdown', text: '# Readme' }],
  }));
  server.registerPrompt(
    'review',
    {
      argsSchema: [{ name: 'language', required: true }],
      complete: { language: (v) => ['go', 'ts'].filter((l) => l.startsWith(v)) },
    },
    (args) => ({
      messages: [{ role: 'user', content: { type: 'text', text: `Review this ${args['language']}` } }],
    }),
  );
  return server;
}

const clientOptions: McpClientOptions = {
  handlers: {
    elicitation: () => ({ action: 'accept', content: { name: 'ada' } }),
    sampling: () => ({ role: 'assistant', content: { type: 'text', text: 'hi' }, model: 'test-model' }),
    roots: () => ({ roots: [{ uri: 'file:///work', name: 'work' }] }),
  },
};

async function pair(serverOptions?: McpServerOptions, options?: McpClientOptions) {
  const clock = new FakeClock();
  const server = buildServer({ ...serverOptions, engine: { timers: clock } });
  const [clientTransport, serverTransport] = createFakePair();
  await server.connect(serverTransport);
  const client = new McpClient(
    { name: 'e2e-client', version: '2.0.0' },
    {
      ...clientOptions,
      ...options,
      engine: { timers: clock },
    },
  );
  await client.connect(clientTransport);
  return { server, client, clientTransport, serverTransport, clock };
}

const LEGACY_ONLY: ProtocolVersion[] = ['2025-11-25', '2025-06-18'];

const modes: [string, McpServerOptions | undefined, McpClientOptions | undefined, string, string][] = [
  ['modern (detected)', undefined, undefined, 'modern', '2026-07-28'],
  [
    'legacy (server speaks legacy only)',
    { supportedVersions: LEGACY_ONLY },
    undefined,
    'legacy',
    '2025-11-25',
  ],
  [
    'legacy (client pinned)',
    undefined,
    { era: 'legacy', protocolVersion: '2025-06-18' },
    'legacy',
    '2025-06-18',
  ],
];

describe.each(modes)('McpClient against McpServer: %s', (_name, serverOptions, options, era, version) => {
  it('negotiates, then lists, calls, reads, prompts and completes', async () => {
    const { client, clientTransport } = await pair(serverOptions, options);
    expect(client.era).toBe(era);
    expect(client.protocolVersion).toBe(version);
    expect(client.serverInfo).toMatchObject({ name: 'e2e-server', version: '1.0.0' });
    expect(client.instructions).toBe('Try the weather.');
    expect((await client.listAllTools()).map((t) => t.name).sort()).toEqual(['interview', 'weather']);
    const weather = await client.callTool({ name: 'weather', arguments: { city: 'Oslo' } });
    expect(weather.structuredContent).toEqual({ celsius: -3 });
    const read = await client.readResource({ uri: 'file:///readme.md' });
    expect(read.contents[0]).toMatchObject({ text: '# Readme' });
    const prompt = await client.getPrompt({ name: 'review', arguments: { language: 'ts' } });
    expect(prompt.messages[0]?.content).toMatchObject({ text: 'Review this ts' });
    const completion = await client.complete({
      ref: { type: 'ref/prompt', name: 'review' },
      argument: { name: 'language', value: 'g' },
    });
    expect(completion.completion.values).toEqual(['go']);
    assertClientTraffic(version, clientTransport.messages);
    await client.close();
  });

  it('serves elicitation, sampling and roots through the same handlers, defaults applied', async () => {
    const { client, clientTransport, serverTransport } = await pair(serverOptions, options);
    const result = await client.callTool({ name: 'interview' });
    expect(result.content).toEqual([{ type: 'text', text: 'ada/core/hi/1' }]);
    assertClientTraffic(version, clientTransport.messages, requestMethods(serverTransport.messages));
    await client.close();
  });

  it('learns of tool list changes, and refetches past the cache', async () => {
    const { client, server } = await pair(serverOptions, { ...options, cache: { defaultTtlMs: 60_000 } });
    const changed: number[] = [];
    client.onToolsListChanged(() => changed.push(1));
    const handle = await client.listen({ toolsListChanged: true });
    expect(handle.acknowledged).toMatchObject({ toolsListChanged: true });
    expect((await client.listAllTools()).length).toBe(2);
    server.registerTool('late', {}, () => ({ content: [] }));
    await flush();
    expect(changed).toEqual([1]);
    expect((await client.listAllTools()).map((t) => t.name)).toContain('late');
    await handle.close();
    await client.close();
  });

  it('ends cleanly: pending calls reject with MCPWIRE_ERR_CLOSED when the server goes away', async () => {
    const { client, server } = await pair(serverOptions, options);
    const closed: string[] = [];
    client.onclose = () => closed.push('client');
    await server.close();
    await flush();
    expect(closed).toEqual(['client']);
    await expect(client.listTools()).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });
});
