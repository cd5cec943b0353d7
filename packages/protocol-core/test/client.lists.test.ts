/**
 * Pagination (`listAll*` with a page bound, empty-string cursors) and the list cache (spec
 * `server/utilities/caching`): TTL on a fake clock, scope per identity, shared stores, LRU bound,
 * invalidation by notifications and rejected cursors.
 */
import { describe, expect, it } from 'vitest';
import { ListCache } from '../src/client/list-cache.js';
import type { RequestHandler } from '../src/engine/types.js';
import { ProtocolError, TransportErrorCode } from '../src/errors.js';
import type { JSONRPCParams } from '../src/jsonrpc.js';
import { clientFor, connectedClient, fakeServer, flush } from './support/client-fake-server.js';

const tool = (name: string) => ({ name, inputSchema: { type: 'object' } });

/** tools/list pages keyed by cursor ('' is a real cursor); `hints` are merged into every page. */
function pagedTools(
  pages: Record<string, { names: string[]; next?: string }>,
  hints: JSONRPCParams = {},
): RequestHandler {
  return (params) => {
    const cursor = params?.['cursor'];
    const page = pages[cursor === undefined ? 'first' : String(cursor)];
    if (page === undefined) throw new ProtocolError(-32602, 'Invalid cursor');
    const result: JSONRPCParams = { resultType: 'complete', tools: page.names.map(tool), ...hints };
    if (page.next !== undefined) result['nextCursor'] = page.next;
    return result;
  };
}

describe('McpClient pagination', () => {
  it('fetches one page with its cursor, and follows nextCursor (an empty string included) in listAll', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/list': pagedTools({
          first: { names: ['a'], next: '' },
          '': { names: ['b'], next: 'c3' },
          c3: { names: ['c'] },
        }),
      },
    });
    const client = await connectedClient(server, { cache: false });
    const page = await client.listTools({ cursor: 'c3' });
    expect(page.tools.map((t) => t.name)).toEqual(['c']);
    expect(server.requests('tools/list')[0]?.params?.['cursor']).toBe('c3');
    const all = await client.listAllTools();
    expect(all.map((t) => t.name)).toEqual(['a', 'b', 'c']);
    expect(
      server
        .requests('tools/list')
        .slice(1)
        .map((r) => r.params?.['cursor']),
    ).toEqual([undefined, '', 'c3']);
  });

  it('stops a server that never ends at maxPages with MCPWIRE_ERR_LIMIT_EXCEEDED', async () => {
    const server = await fakeServer({
      kind: 'legacy',
      capabilities: { prompts: {} },
      handlers: { 'prompts/list': () => ({ prompts: [{ name: 'p' }], nextCursor: 'again' }) },
    });
    const client = await connectedClient(server, { maxListPages: 3 });
    await expect(client.listAllPrompts()).rejects.toMatchObject({
      code: TransportErrorCode.LimitExceeded,
      details: { method: 'prompts/list', limit: { name: 'maxPages', value: 3 } },
    });
    expect(server.requests('prompts/list')).toHaveLength(3);
    await expect(client.listAllPrompts({ maxPages: 5 })).rejects.toMatchObject({
      details: { limit: { value: 5 } },
    });
  });

  it('lists resources and templates across pages in the legacy era', async () => {
    const server = await fakeServer({
      kind: 'legacy',
      handlers: {
        'resources/list': (params) =>
          params?.['cursor'] === undefined
            ? { resources: [{ uri: 'file:///a', name: 'a' }], nextCursor: 'n' }
            : { resources: [{ uri: 'file:///b', name: 'b' }] },
        'resources/templates/list': () => ({
          resourceTemplates: [{ uriTemplate: 'file:///{x}', name: 'x' }],
        }),
      },
    });
    const client = await connectedClient(server);
    expect((await client.listAllResources()).map((r) => r.name)).toEqual(['a', 'b']);
    expect((await client.listAllResourceTemplates()).map((r) => r.name)).toEqual(['x']);
  });
});

describe('McpClient list cache', () => {
  it('serves a fresh result from the cache until ttlMs has passed (fake clock)', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/list': pagedTools({ first: { names: ['a'] } }, { ttlMs: 1000, cacheScope: 'public' }),
      },
    });
    const client = await connectedClient(server);
    await client.listTools();
    server.clock.advance(999);
    const cached = await client.listTools();
    expect(cached.tools.map((t) => t.name)).toEqual(['a']);
    expect(server.requests('tools/list')).toHaveLength(1);
    server.clock.advance(1);
    await client.listTools();
    expect(server.requests('tools/list')).toHaveLength(2);
  });

  it('bypasses the cache per call, and keys pages by cursor', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/list': pagedTools(
          { first: { names: ['a'], next: 'p2' }, p2: { names: ['b'] } },
          { ttlMs: 60_000, cacheScope: 'public' },
        ),
      },
    });
    const client = await connectedClient(server);
    await client.listTools();
    await client.listTools(undefined, { bypassCache: true });
    expect(server.requests('tools/list')).toHaveLength(2);
    expect((await client.listTools({ cursor: 'p2' })).tools.map((t) => t.name)).toEqual(['b']);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['a']);
    expect(server.requests('tools/list')).toHaveLength(3);
  });

  it('hands out copies: mutating a result does not change the cache', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/list': pagedTools({ first: { names: ['a'] } }, { ttlMs: 60_000, cacheScope: 'public' }),
      },
    });
    const client = await connectedClient(server);
    (await client.listTools()).tools.pop();
    (await client.listTools()).tools.pop();
    expect((await client.listTools()).tools).toHaveLength(1);
  });

  it('does not cache ttlMs 0, nor results without ttlMs unless defaultTtlMs says so', async () => {
    const zero = await fakeServer({
      kind: 'modern',
      handlers: { 'tools/list': pagedTools({ first: { names: ['a'] } }, { ttlMs: 0 }) },
    });
    const a = await connectedClient(zero);
    await a.listTools();
    await a.listTools();
    expect(zero.requests('tools/list')).toHaveLength(2);
    const legacy = await fakeServer({
      kind: 'legacy',
      handlers: { 'tools/list': () => ({ tools: [tool('a')] }) },
    });
    const b = await connectedClient(legacy);
    await b.listTools();
    await b.listTools();
    expect(legacy.requests('tools/list')).toHaveLength(2);
    const legacy2 = await fakeServer({
      kind: 'legacy',
      handlers: { 'tools/list': () => ({ tools: [tool('a')] }) },
    });
    const c = await connectedClient(legacy2, { cache: { defaultTtlMs: 500 } });
    await c.listTools();
    await c.listTools();
    expect(legacy2.requests('tools/list')).toHaveLength(1);
  });

  it('is invalidated at once by a list_changed notification (legacy)', async () => {
    const server = await fakeServer({
      kind: 'legacy',
      handlers: { 'tools/list': () => ({ tools: [tool('a')] }) },
    });
    const client = await connectedClient(server, { cache: { defaultTtlMs: 60_000 } });
    const changes: string[] = [];
    client.onToolsListChanged(() => changes.push('tools'));
    await client.listTools();
    await client.listTools();
    expect(server.requests('tools/list')).toHaveLength(1);
    await server.engine.notify('notifications/tools/list_changed');
    await flush();
    expect(changes).toEqual(['tools']);
    await client.listTools();
    expect(server.requests('tools/list')).toHaveLength(2);
  });

  it('keeps private results per authorization identity and shares public ones', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/list': pagedTools({ first: { names: ['mine'] } }, { ttlMs: 60_000, cacheScope: 'private' }),
        'prompts/list': () => ({ resultType: 'complete', prompts: [], ttlMs: 60_000, cacheScope: 'public' }),
      },
    });
    let identity = 'alice';
    const client = await connectedClient(server, { cache: { authIdentity: () => identity } });
    await client.listTools();
    await client.listPrompts();
    await client.listTools();
    expect(server.requests('tools/list')).toHaveLength(1);
    identity = 'bob';
    await client.listTools();
    await client.listPrompts();
    expect(server.requests('tools/list')).toHaveLength(2);
    expect(server.requests('prompts/list')).toHaveLength(1);
  });

  it('shares public results between clients of one store and server key, never private ones', async () => {
    const store = new ListCache({ maxEntries: 16 });
    const handlers = {
      'tools/list': pagedTools({ first: { names: ['a'] } }, { ttlMs: 60_000, cacheScope: 'public' }),
      'prompts/list': () => ({ resultType: 'complete', prompts: [], ttlMs: 60_000, cacheScope: 'private' }),
    };
    const one = await fakeServer({ kind: 'modern', handlers });
    const two = await fakeServer({ kind: 'modern', handlers, clock: one.clock });
    const a = await connectedClient(one, {
      cache: { store, serverKey: 'same', authIdentity: () => 'alice' },
    });
    const b = clientFor(two, { cache: { store, serverKey: 'same', authIdentity: () => 'bob' } });
    await b.connect(two.clientTransport);
    await a.listTools();
    await a.listPrompts();
    await b.listTools();
    await b.listPrompts();
    expect(two.requests('tools/list')).toHaveLength(0);
    expect(two.requests('prompts/list')).toHaveLength(1);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/list': (params) => ({
          resultType: 'complete',
          tools: [tool(String(params?.['cursor'] ?? 'first'))],
          ttlMs: 60_000,
          cacheScope: 'public',
        }),
      },
    });
    const client = await connectedClient(server, { cache: { maxEntries: 2 } });
    await client.listTools({ cursor: 'x' });
    await client.listTools({ cursor: 'y' });
    await client.listTools({ cursor: 'x' });
    await client.listTools({ cursor: 'z' });
    expect(server.requests('tools/list')).toHaveLength(3);
    await client.listTools({ cursor: 'x' });
    expect(server.requests('tools/list')).toHaveLength(3);
    await client.listTools({ cursor: 'y' });
    expect(server.requests('tools/list')).toHaveLength(4);
  });

  it('drops every cached page of a list when the server rejects a cursor', async () => {
    const pages = { first: { names: ['a'], next: 'p2' }, p2: { names: ['b'] } } as Record<
      string,
      { names: string[]; next?: string }
    >;
    const server = await fakeServer({
      kind: 'modern',
      handlers: { 'tools/list': pagedTools(pages, { ttlMs: 60_000, cacheScope: 'public' }) },
    });
    const client = await connectedClient(server);
    await client.listTools();
    delete pages['p2'];
    await expect(client.listTools({ cursor: 'p2' })).rejects.toMatchObject({ code: -32602 });
    await client.listTools();
    expect(server.requests('tools/list')).toHaveLength(3);
  });

  it('can be turned off', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/list': pagedTools({ first: { names: ['a'] } }, { ttlMs: 60_000, cacheScope: 'public' }),
      },
    });
    const client = await connectedClient(server, { cache: false });
    await client.listTools();
    await client.listTools();
    expect(server.requests('tools/list')).toHaveLength(2);
    client.invalidateCache();
  });

  it('starts empty on a new connection without a server key', async () => {
    const handlers = {
      'tools/list': pagedTools({ first: { names: ['a'] } }, { ttlMs: 60_000, cacheScope: 'public' }),
    };
    const one = await fakeServer({ kind: 'modern', handlers });
    const client = await connectedClient(one);
    await client.listTools();
    await client.close();
    const two = await fakeServer({ kind: 'modern', handlers, clock: one.clock });
    await client.connect(two.clientTransport);
    await client.listTools();
    expect(two.requests('tools/list')).toHaveLength(1);
  });
});
