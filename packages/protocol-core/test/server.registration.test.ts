import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { McpServer } from '../src/index.js';
import { fixtureServer } from './support/server-fixtures.js';
import { flush, ServerPeer, validatePeers } from './support/server-harness.js';

// What the server sent after a test's last awaited response is checked against the schema too.
afterEach(validatePeers);

async function legacyPeer(server: McpServer) {
  const peer = await ServerPeer.connect(server, '2025-11-25');
  await peer.initialize('2025-11-25');
  return peer;
}

const names = (list: unknown) => (list as { name: string }[]).map((item) => item.name);

describe('McpServer registration: tools', () => {
  it('advertises zod input schemas as JSON Schema 2020-12 without restating the dialect', async () => {
    const { server } = fixtureServer();
    const peer = await legacyPeer(server);
    const tools = (await peer.result('tools/list'))['tools'] as Record<string, unknown>[];
    expect(tools[0]).toEqual({
      name: 'echo',
      title: 'Echo',
      description: 'Echoes its text',
      inputSchema: {
        type: 'object',
        properties: { text: { type: 'string', description: 'what to echo' } },
        required: ['text'],
      },
    });
    // Input schemas describe what callers send: a defaulted field is optional.
    expect(tools[1]?.['inputSchema']).toMatchObject({ required: ['a'] });
    expect(tools[1]?.['outputSchema']).toMatchObject({ type: 'object', required: ['sum'] });
  });

  it('validates plain JSON Schema arguments with defaults filled in', async () => {
    const server = new McpServer({ name: 'json', version: '1' });
    server.registerTool(
      'scale',
      {
        inputSchema: {
          type: 'object',
          properties: { value: { type: 'number' }, factor: { type: 'number', default: 10 } },
          required: ['value'],
          additionalProperties: false,
        },
      },
      (args) => ({
        content: [{ type: 'text', text: String((args['value'] as number) * (args['factor'] as number)) }],
      }),
    );
    const peer = await legacyPeer(server);
    expect((await peer.result('tools/call', { name: 'scale', arguments: { value: 4 } }))['content']).toEqual([
      { type: 'text', text: '40' },
    ]);
    const invalid = await peer.result('tools/call', { name: 'scale', arguments: { value: 'x', extra: 1 } });
    expect(invalid['isError']).toBe(true);
    expect(JSON.stringify(invalid['content'])).toMatch(/value/);
  });

  it('throws at registration for a taken name or a schema it cannot use', () => {
    const server = new McpServer({ name: 'bad', version: '1' });
    server.registerTool('t', {}, () => ({ content: [] }));
    expect(() => server.registerTool('t', {}, () => ({ content: [] }))).toThrow(/already registered/);
    expect(() =>
      server.registerTool('arr', { inputSchema: { type: 'array' } }, () => ({ content: [] })),
    ).toThrow(/type: "object"/);
    expect(() => server.registerTool('num', { inputSchema: z.number() }, () => ({ content: [] }))).toThrow(
      /type: "object"/,
    );
    expect(() =>
      server.registerTool(
        'broken',
        { inputSchema: { type: 'object', properties: { a: { type: 42 } } } },
        () => ({ content: [] }),
      ),
    ).toThrow(TypeError);
    expect(() => server.registerTool('', {}, () => ({ content: [] }))).toThrow(TypeError);
  });

  it('updates a tool in place (order kept, change announced) and removes it', async () => {
    const { server } = fixtureServer();
    const handle = server.registerTool('temp', { description: 'v1' }, () => ({
      content: [{ type: 'text', text: 'v1' }],
    }));
    server.registerTool('last', {}, () => ({ content: [] }));
    const peer = await legacyPeer(server);
    handle.update({ description: 'v2', handler: () => ({ content: [{ type: 'text', text: 'v2' }] }) });
    await flush();
    expect(peer.notifications('notifications/tools/list_changed')).toHaveLength(1);
    const tools = (await peer.result('tools/list'))['tools'] as { name: string; description?: string }[];
    expect(names(tools).slice(-2)).toEqual(['temp', 'last']);
    expect(tools.find((tool) => tool.name === 'temp')?.description).toBe('v2');
    expect((await peer.result('tools/call', { name: 'temp' }))['content']).toEqual([
      { type: 'text', text: 'v2' },
    ]);
    expect(() => handle.update({ inputSchema: { type: 'string' } })).toThrow(TypeError);
    expect((await peer.result('tools/call', { name: 'temp' }))['content']).toEqual([
      { type: 'text', text: 'v2' },
    ]);
    handle.remove();
    handle.remove();
    expect((await peer.error('tools/call', { name: 'temp' })).code).toBe(-32602);
    // A stale handle cannot remove a tool registered again under the same name.
    server.registerTool('temp', {}, () => ({ content: [] }));
    handle.remove();
    expect(names((await peer.result('tools/list'))['tools'])).toContain('temp');
  });

  it('derives capabilities from registrations, and lets options override them key by key', () => {
    const server = new McpServer(
      { name: 'caps', version: '1' },
      { capabilities: { logging: undefined, experimental: { x: {} } } },
    );
    expect(server.getCapabilities()).toEqual({ experimental: { x: {} } });
    const prompt = server.registerPrompt('p', {}, () => ({ messages: [] }));
    expect(server.getCapabilities()).toEqual({ experimental: { x: {} }, prompts: { listChanged: true } });
    prompt.remove();
    // Once declared, a feature stays: sessions negotiated it, and an empty list is a valid answer.
    expect(server.getCapabilities()['prompts']).toEqual({ listChanged: true });
  });
});

describe('McpServer registration: prompts and completion', () => {
  it('describes zod prompt arguments and checks them (-32602 when required ones are missing)', async () => {
    const { server } = fixtureServer();
    const peer = await legacyPeer(server);
    const prompts = (await peer.result('prompts/list'))['prompts'] as Record<string, unknown>[];
    expect(prompts[0]).toEqual({
      name: 'review',
      title: 'Code review',
      arguments: [{ name: 'code', description: 'the code', required: true }, { name: 'language' }],
    });
    expect((await peer.error('prompts/get', { name: 'review', arguments: {} })).code).toBe(-32602);
    expect((await peer.error('prompts/get', { name: 'greet' })).message).toMatch(/who/);
    expect(await peer.error('prompts/get', { name: 'nope' })).toEqual({
      code: -32602,
      message: 'Unknown prompt: nope',
    });
    const got = await peer.result('prompts/get', {
      name: 'review',
      arguments: { code: 'x', language: 'rust' },
    });
    expect(got['messages']).toEqual([
      { role: 'user', content: { type: 'text', text: 'Review this rust: x' } },
    ]);
    peer.validate();
  });

  it('completes prompt arguments and template variables, passing resolved arguments along', async () => {
    const { server } = fixtureServer();
    let seen: Record<string, string> | undefined;
    server.registerResourceTemplate(
      'repo://{owner}/{name}',
      { name: 'repo' },
      (uri) => ({ contents: [{ uri, text: '' }] }),
      {
        complete: {
          name: (value, ctx) => {
            seen = { ...ctx.arguments };
            return Array.from({ length: 150 }, (_, i) => `${value}${i}`);
          },
        },
      },
    );
    const peer = await legacyPeer(server);
    const prompt = await peer.result('completion/complete', {
      ref: { type: 'ref/prompt', name: 'review' },
      argument: { name: 'language', value: 'r' },
    });
    expect(prompt['completion']).toEqual({ values: ['rust'] });
    const many = await peer.result('completion/complete', {
      ref: { type: 'ref/resource', uri: 'repo://{owner}/{name}' },
      argument: { name: 'name', value: 'n' },
      context: { arguments: { owner: 'octo' } },
    });
    expect(many['completion']).toMatchObject({ total: 150, hasMore: true });
    expect((many['completion'] as { values: string[] }).values).toHaveLength(100);
    expect(seen).toEqual({ owner: 'octo' });
    const none = await peer.result('completion/complete', {
      ref: { type: 'ref/prompt', name: 'review' },
      argument: { name: 'code', value: '' },
    });
    expect(none['completion']).toEqual({ values: [] });
    const fixed = await peer.result('completion/complete', {
      ref: { type: 'ref/resource', uri: 'file:///readme.md' },
      argument: { name: 'x', value: '' },
    });
    expect(fixed['completion']).toEqual({ values: [] });
    expect(
      (
        await peer.error('completion/complete', {
          ref: { type: 'ref/prompt', name: 'ghost' },
          argument: { name: 'a', value: '' },
        })
      ).code,
    ).toBe(-32602);
    expect(
      (
        await peer.error('completion/complete', {
          ref: { type: 'ref/resource', uri: 'x://{y}' },
          argument: { name: 'y', value: '' },
        })
      ).code,
    ).toBe(-32602);
    peer.validate();
  });
});

describe('McpServer registration: resources and templates', () => {
  it('matches URI templates, preferring a fixed URI, then templates in registration order', async () => {
    const server = new McpServer({ name: 'res', version: '1' });
    server.registerResourceTemplate('notes://{id}', { name: 'note' }, (uri, vars) => ({
      contents: [{ uri, text: `note ${String(vars['id'])}` }],
    }));
    server.registerResourceTemplate('notes://{+path}', { name: 'any' }, (uri, vars) => ({
      contents: [{ uri, text: `path ${String(vars['path'])}` }],
    }));
    server.registerResource('notes://index', { name: 'index' }, (uri) => ({
      contents: [{ uri, text: 'the index' }],
    }));
    const peer = await legacyPeer(server);
    const read = async (uri: string) =>
      ((await peer.result('resources/read', { uri }))['contents'] as { text: string }[])[0]?.text;
    expect(await read('notes://index')).toBe('the index');
    expect(await read('notes://42')).toBe('note 42');
    expect(await read('notes://a/b')).toBe('path a/b');
    peer.validate();
  });

  it('updates and removes resources, announcing each change', async () => {
    const server = new McpServer({ name: 'res', version: '1' });
    const handle = server.registerResource('mem://a', { name: 'a' }, (uri) => ({
      contents: [{ uri, text: 'one' }],
    }));
    const peer = await legacyPeer(server);
    handle.update({ title: 'A', handler: (uri) => ({ contents: [{ uri, text: 'two' }] }) });
    await flush();
    expect((await peer.result('resources/list'))['resources']).toEqual([
      { uri: 'mem://a', name: 'a', title: 'A' },
    ]);
    expect((await peer.result('resources/read', { uri: 'mem://a' }))['contents']).toEqual([
      { uri: 'mem://a', text: 'two' },
    ]);
    handle.remove();
    await flush();
    expect((await peer.error('resources/read', { uri: 'mem://a' })).code).toBe(-32002);
    expect(peer.notifications('notifications/resources/list_changed')).toHaveLength(2);
  });

  it('drops modern cache hints from legacy read results', async () => {
    const server = new McpServer({ name: 'res', version: '1' });
    server.registerResource('mem://c', { name: 'c' }, (uri) => ({
      contents: [{ uri, text: '' }],
      ttlMs: 5,
      cacheScope: 'public',
    }));
    const peer = await legacyPeer(server);
    expect(await peer.result('resources/read', { uri: 'mem://c' })).toEqual({
      contents: [{ uri: 'mem://c', text: '' }],
    });
  });
});
