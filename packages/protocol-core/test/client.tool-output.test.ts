/**
 * Tool output validation: `structuredContent` checked against the tool's `outputSchema`, schemas
 * learnt from `tools/list` (once, before the first call if needed) and forgotten on `list_changed`.
 */
import { describe, expect, it } from 'vitest';
import type { RequestHandler } from '../src/engine/types.js';
import { TransportErrorCode } from '../src/errors.js';
import type { JSONRPCParams } from '../src/jsonrpc.js';
import { connectedClient, fakeServer, flush } from './support/client-fake-server.js';

const WEATHER = {
  name: 'weather',
  inputSchema: { type: 'object' },
  outputSchema: {
    type: 'object',
    properties: { celsius: { type: 'number' }, sky: { type: 'string' } },
    required: ['celsius'],
  },
};
const PEOPLE = {
  name: 'people',
  inputSchema: { type: 'object' },
  outputSchema: { type: 'array', items: { type: 'object', required: ['id'] } },
};
const PLAIN = { name: 'plain', inputSchema: { type: 'object' } };

/** A server whose tools answer with whatever `results[name]` holds at call time. */
async function toolServer(kind: 'legacy' | 'modern', results: Record<string, JSONRPCParams>) {
  const complete = kind === 'modern' ? { resultType: 'complete' } : {};
  const list: RequestHandler = () => ({
    ...complete,
    tools: kind === 'modern' ? [WEATHER, PEOPLE, PLAIN] : [WEATHER, PLAIN],
  });
  const call: RequestHandler = (params) => ({ ...complete, ...results[String(params?.['name'])] });
  return fakeServer({ kind, handlers: { 'tools/list': list, 'tools/call': call } });
}

describe('McpClient tool output validation', () => {
  it('learns the schemas with one tools/list before the first call, then validates each result', async () => {
    const results: Record<string, JSONRPCParams> = {
      weather: { content: [], structuredContent: { celsius: 21, sky: 'clear' } },
    };
    const server = await toolServer('legacy', results);
    const client = await connectedClient(server);
    await client.callTool({ name: 'weather' });
    expect(
      server
        .requests()
        .map((r) => r.method)
        .slice(-2),
    ).toEqual(['tools/list', 'tools/call']);

    results['weather'] = { content: [], structuredContent: { celsius: 'warm' } };
    const error = await client.callTool({ name: 'weather' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: TransportErrorCode.InvalidMessage,
      details: { method: 'tools/call' },
    });
    expect((error as Error).message).toContain('/celsius');
    // The schema was learnt once: no second listing.
    expect(server.requests('tools/list')).toHaveLength(1);
  });

  it('requires structuredContent of a tool with an output schema, unless the result is an error', async () => {
    const results: Record<string, JSONRPCParams> = { weather: { content: [{ type: 'text', text: 'x' }] } };
    const server = await toolServer('legacy', results);
    const client = await connectedClient(server);
    await expect(client.callTool({ name: 'weather' })).rejects.toThrow('structuredContent is missing');
    results['weather'] = {
      content: [{ type: 'text', text: 'boom' }],
      isError: true,
      structuredContent: { no: 1 },
    };
    await expect(client.callTool({ name: 'weather' })).resolves.toMatchObject({ isError: true });
  });

  it('does not validate tools without a schema, nor at all when turned off', async () => {
    const results: Record<string, JSONRPCParams> = {
      plain: { content: [], structuredContent: { anything: true } },
      weather: { content: [], structuredContent: { celsius: 'warm' } },
    };
    const server = await toolServer('legacy', results);
    const client = await connectedClient(server);
    await expect(client.callTool({ name: 'plain' })).resolves.toMatchObject({
      structuredContent: { anything: true },
    });
    const unchecked = await fakeServer({
      kind: 'legacy',
      handlers: { 'tools/call': (params) => results[String(params?.['name'])] as JSONRPCParams },
    });
    const off = await connectedClient(unchecked, { validateToolOutput: false });
    await expect(off.callTool({ name: 'weather' })).resolves.toMatchObject({
      structuredContent: { celsius: 'warm' },
    });
    expect(unchecked.requests('tools/list')).toHaveLength(0);
  });

  it('validates any JSON value against a modern array schema', async () => {
    const results: Record<string, JSONRPCParams> = {
      people: { content: [], structuredContent: [{ id: '1' }] },
    };
    const server = await toolServer('modern', results);
    const client = await connectedClient(server);
    await expect(client.callTool({ name: 'people' })).resolves.toMatchObject({
      structuredContent: [{ id: '1' }],
    });
    results['people'] = { content: [], structuredContent: [{ name: 'no id' }] };
    await expect(client.callTool({ name: 'people' })).rejects.toMatchObject({
      code: TransportErrorCode.InvalidMessage,
    });
  });

  it('shares one listing between concurrent first calls, and learns again after tools list_changed', async () => {
    const results: Record<string, JSONRPCParams> = {
      weather: { content: [], structuredContent: { celsius: 1 } },
    };
    const server = await toolServer('legacy', results);
    const client = await connectedClient(server);
    await Promise.all([client.callTool({ name: 'weather' }), client.callTool({ name: 'weather' })]);
    expect(server.requests('tools/list')).toHaveLength(1);
    await server.engine.notify('notifications/tools/list_changed');
    await flush();
    await client.callTool({ name: 'weather' });
    expect(server.requests('tools/list')).toHaveLength(2);
  });

  it('uses the schemas of an explicit listTools without listing again', async () => {
    const results: Record<string, JSONRPCParams> = {
      weather: { content: [], structuredContent: { sky: 'no celsius' } },
    };
    const server = await toolServer('legacy', results);
    const client = await connectedClient(server);
    await client.listTools();
    await expect(client.callTool({ name: 'weather' })).rejects.toMatchObject({
      code: TransportErrorCode.InvalidMessage,
    });
    expect(server.requests('tools/list')).toHaveLength(1);
  });
});
