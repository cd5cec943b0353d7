/**
 * Code written for the official SDK calls `callTool(params, resultSchema, options)` and passes the SDK's
 * option names (`timeout`, `maxTotalTimeout`): McpClient honours them, and refuses what it would not
 * apply instead of dropping it.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { McpClient } from '../src/client/client.js';
import type { McpClientOptions } from '../src/client/options.js';
import { McpServer } from '../src/server/mcp-server.js';
import type { McpServerOptions } from '../src/server/types.js';
import { FakeClock } from './support/fake-clock.js';
import { createFakePair } from './support/fake-transport.js';

async function pair(serverOptions: McpServerOptions, options: McpClientOptions) {
  const clock = new FakeClock();
  const server = new McpServer({ name: 's', version: '1' }, { ...serverOptions, engine: { timers: clock } });
  let release: () => void = () => {};
  server.registerTool('steps', {}, async (_args, ctx) => {
    await ctx.sendProgress(1, 2, 'half');
    await ctx.sendProgress(2, 2, 'done');
    return { content: [{ type: 'text', text: 'ok' }] };
  });
  server.registerTool('hang', {}, async (_args, ctx) => {
    await new Promise<void>((resolve) => {
      release = resolve;
      ctx.signal.addEventListener('abort', () => resolve());
    });
    return { content: [] };
  });
  const [clientTransport, serverTransport] = createFakePair();
  await server.connect(serverTransport);
  const client = new McpClient({ name: 'c', version: '1' }, { ...options, engine: { timers: clock } });
  await client.connect(clientTransport);
  return { client, clock, release: () => release() };
}

const eras: [string, McpServerOptions, McpClientOptions][] = [
  ['modern', {}, {}],
  ['legacy', {}, { era: 'legacy' }],
];

describe.each(eras)('McpClient with the SDK call shape (%s)', (_era, serverOptions, options) => {
  it('callTool(params, undefined, { onprogress }) reports progress', async () => {
    const { client } = await pair(serverOptions, options);
    const seen: unknown[] = [];
    const result = await client.callTool({ name: 'steps' }, undefined, {
      onprogress: (p) => seen.push(p),
    });
    expect(result.content).toEqual([{ type: 'text', text: 'ok' }]);
    expect(seen).toEqual([
      { progress: 1, total: 2, message: 'half' },
      { progress: 2, total: 2, message: 'done' },
    ]);
  });

  it('callTool(params, resultSchema, options) parses the result with the schema', async () => {
    const { client } = await pair(serverOptions, options);
    const schema = z.object({ content: z.array(z.object({ text: z.string() })) });
    const result = await client.callTool({ name: 'steps' }, schema, {});
    // Parsed by the schema: keys it does not name (`type`) are stripped.
    expect(result.content).toEqual([{ text: 'ok' }]);
    const strict = z.object({ isError: z.literal(true) });
    await expect(client.callTool({ name: 'steps' }, strict)).rejects.toThrow();
  });

  it('maps the SDK option `timeout` to timeoutMs', async () => {
    const { client, clock } = await pair(serverOptions, options);
    const call = client.callTool({ name: 'hang' }, undefined, { timeout: 50 });
    const outcome = call.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    // The call first lists the tools (to learn output schemas): let it reach the wire.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    clock.advance(60);
    const error = await outcome;
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/tim/i);
  });

  it('refuses options it would not apply, naming them, on every method', async () => {
    const { client } = await pair(serverOptions, options);
    const unknown = { relatedRequestId: 7 } as never;
    await expect(client.callTool({ name: 'steps' }, undefined, unknown)).rejects.toThrow(
      /McpClient\.callTool: option "relatedRequestId" is not supported/,
    );
    await expect(client.listTools(undefined, unknown)).rejects.toThrow(
      /McpClient\.listTools: option "relatedRequestId"/,
    );
    await expect(client.readResource({ uri: 'x:/' }, unknown)).rejects.toThrow(/McpClient\.readResource/);
    await expect(client.getPrompt({ name: 'p' }, unknown)).rejects.toThrow(/McpClient\.getPrompt/);
    await expect(client.callTool({ name: 'steps' }, { timeout: 5, timeoutMs: 6 })).rejects.toThrow(
      /timeout and options\.timeoutMs disagree/,
    );
    await expect(
      client.callTool({ name: 'steps' }, { signal: undefined } as never, { onprogress: () => {} }),
    ).rejects.toThrow(/second argument must be a result schema or undefined/);
  });

  it('listTools(params, { timeout }) takes the SDK option too', async () => {
    const { client } = await pair(serverOptions, options);
    const listed = await client.listTools(undefined, { timeout: 1000 });
    expect(listed.tools.map((t) => t.name).sort()).toEqual(['hang', 'steps']);
  });
});
