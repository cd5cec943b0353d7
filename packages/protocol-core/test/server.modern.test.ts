import { afterEach, describe, expect, it } from 'vitest';
import { type JSONRPCNotification, type JSONRPCParams, McpServer } from '../src/index.js';
import { fixtureServer } from './support/server-fixtures.js';
import { flush, meta, modern, ServerPeer, validatePeers } from './support/server-harness.js';
import { assertValidMessage } from './support/schema-validator.js';

// What the server sent after a test's last awaited response is checked against the schema too.
afterEach(validatePeers);

const REV = '2026-07-28';
const SERVER_INFO = { 'io.modelcontextprotocol/serverInfo': { name: 'fixture-server', version: '1.2.3' } };

async function modernPeer(options?: Parameters<typeof fixtureServer>[0]) {
  const { server, log } = fixtureServer(options);
  return { server, log, peer: await ServerPeer.connect(server, REV) };
}

describe('McpServer, modern era: admission', () => {
  it('answers server/discover with versions, capabilities, instructions, server info and cache hints', async () => {
    const { peer } = await modernPeer({
      instructions: 'Be nice.',
      cacheHints: { 'server/discover': { ttlMs: 60_000 } },
    });
    const result = await peer.result('server/discover', modern());
    expect(result).toEqual({
      resultType: 'complete',
      supportedVersions: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
      capabilities: {
        logging: {},
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: true },
        completions: {},
      },
      instructions: 'Be nice.',
      ttlMs: 60_000,
      cacheScope: 'public',
      _meta: SERVER_INFO,
    });
    // Stateless: the connection stays un-initialized.
    expect(peer.connection.era).toBeUndefined();
  });

  it('answers an unsupported version -32022 with the supported list, and serves the retry', async () => {
    const { peer } = await modernPeer();
    const error = await peer.error(
      'tools/list',
      modern({}, { 'io.modelcontextprotocol/protocolVersion': '2030-01-01' }),
    );
    expect(error).toEqual({
      code: -32022,
      message: 'Unsupported protocol version',
      data: {
        supported: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
        requested: '2030-01-01',
      },
    });
    expect((await peer.result('tools/list', modern()))['resultType']).toBe('complete');
  });

  it('treats a version it chose not to support like an unknown one', async () => {
    const { peer } = await modernPeer({ supportedVersions: ['2025-11-25'] });
    const error = await peer.error('server/discover', modern());
    expect(error.code).toBe(-32022);
    expect(error.data).toEqual({ supported: ['2025-11-25'], requested: '2026-07-28' });
  });

  it('answers a request missing clientCapabilities, or with a bad log level, -32602', async () => {
    const { peer } = await modernPeer();
    const bare = { _meta: { 'io.modelcontextprotocol/protocolVersion': REV } };
    const missing = await peer.error('tools/list', bare);
    expect(missing.code).toBe(-32602);
    expect(missing.message).toMatch(/clientCapabilities/);
    expect(
      (await peer.error('tools/list', modern({}, { 'io.modelcontextprotocol/logLevel': 'loud' }))).code,
    ).toBe(-32602);
    expect(
      (await peer.error('tools/list', { _meta: { 'io.modelcontextprotocol/protocolVersion': 7 } })).code,
    ).toBe(-32602);
    expect((await peer.result('tools/list', modern()))['tools']).toBeDefined();
  });

  it('has no ping, logging/setLevel or resources/subscribe: -32601, and keeps serving', async () => {
    const { peer } = await modernPeer();
    expect((await peer.error('ping', modern())).code).toBe(-32601);
    expect((await peer.error('logging/setLevel', modern({ level: 'debug' }))).code).toBe(-32601);
    expect((await peer.error('resources/subscribe', modern({ uri: 'file:///readme.md' }))).code).toBe(-32601);
    expect((await peer.error('nothing/here', modern())).code).toBe(-32601);
    expect((await peer.result('server/discover', modern()))['resultType']).toBe('complete');
  });

  it('serves an initialize that carries modern _meta in the modern era: -32601, no session', async () => {
    const { peer } = await modernPeer();
    const handshake = {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    };
    expect(await peer.error('initialize', modern())).toEqual({
      code: -32601,
      message: 'Method not found: initialize',
    });
    // Even a complete handshake: the _meta decides the era, not the method.
    expect((await peer.error('initialize', modern(handshake))).code).toBe(-32601);
    // Modern admission comes first, as for any modern request: an unknown version is -32022.
    const future = modern(handshake, { 'io.modelcontextprotocol/protocolVersion': '2030-01-01' });
    expect((await peer.error('initialize', future)).code).toBe(-32022);
    expect(peer.connection.era).toBeUndefined();
    // A plain initialize on the same connection still selects the legacy era.
    peer.revision = '2025-11-25';
    expect((await peer.initialize('2025-11-25'))['protocolVersion']).toBe('2025-11-25');
    expect(peer.connection.era).toBe('legacy');
  });

  it('lets a legacy client initialize the same connection after modern requests', async () => {
    const { peer } = await modernPeer();
    await peer.result('server/discover', modern());
    peer.revision = '2025-11-25';
    expect((await peer.initialize('2025-11-25'))['protocolVersion']).toBe('2025-11-25');
    expect(peer.connection.era).toBe('legacy');
  });
});

describe('McpServer, modern era: results', () => {
  it('stamps resultType and server info on every result, and cache hints on cacheable ones', async () => {
    const { peer } = await modernPeer({ cacheHints: { 'tools/list': { ttlMs: 300_000 } } });
    const list = await peer.result('tools/list', modern());
    expect(list).toMatchObject({
      resultType: 'complete',
      ttlMs: 300_000,
      cacheScope: 'public',
      _meta: SERVER_INFO,
    });
    const call = await peer.result('tools/call', modern({ name: 'add', arguments: { a: 1 } }));
    expect(call).toEqual({
      resultType: 'complete',
      content: [{ type: 'text', text: '{"sum":2}' }],
      structuredContent: { sum: 2 },
      _meta: SERVER_INFO,
    });
    const read = await peer.result('resources/read', modern({ uri: 'file:///readme.md' }));
    expect(read).toMatchObject({ resultType: 'complete', ttlMs: 0, cacheScope: 'private' });
    const completion = await peer.result(
      'completion/complete',
      modern({ ref: { type: 'ref/prompt', name: 'review' }, argument: { name: 'language', value: 'py' } }),
    );
    expect(completion).toMatchObject({
      resultType: 'complete',
      completion: { values: ['python', 'pytorch'] },
    });
    for (const method of ['resources/list', 'resources/templates/list', 'prompts/list']) {
      expect(await peer.result(method, modern())).toMatchObject({
        resultType: 'complete',
        ttlMs: 0,
        cacheScope: 'public',
      });
    }
    expect(
      await peer.result('prompts/get', modern({ name: 'review', arguments: { code: 'x=1' } })),
    ).toMatchObject({
      resultType: 'complete',
      messages: [{ role: 'user', content: { type: 'text', text: 'Review this code: x=1' } }],
    });
    peer.validate();
  });

  it('leaves server info out when configured to', async () => {
    const { peer } = await modernPeer({ includeServerInfo: false });
    expect((await peer.result('tools/list', modern()))['_meta']).toBeUndefined();
  });

  it('answers an unknown resource -32602 (never -32002) with the URI', async () => {
    const { peer } = await modernPeer();
    const error = await peer.error('resources/read', modern({ uri: 'file:///missing' }));
    expect(error).toEqual({ code: -32602, message: 'Resource not found', data: { uri: 'file:///missing' } });
    expect((await peer.error('resources/read', modern({ uri: 'users://ghost/profile' }))).code).toBe(-32602);
  });

  it('reports invalid tool arguments as a tool execution error', async () => {
    const { peer } = await modernPeer();
    const result = await peer.result('tools/call', modern({ name: 'add', arguments: { a: 'one' } }));
    expect(result).toMatchObject({ resultType: 'complete', isError: true });
  });

  it('sends notifications/message only when the request sets a log level, at or above it', async () => {
    const { peer } = await modernPeer();
    await peer.result('tools/call', modern({ name: 'chatty' }));
    expect(peer.notifications('notifications/message')).toEqual([]);
    const id = peer.send(
      'tools/call',
      modern({ name: 'chatty' }, { 'io.modelcontextprotocol/logLevel': 'warning' }),
    );
    await peer.response(id);
    const logged = peer.notifications('notifications/message');
    expect(logged.map((n) => n.params?.['level'])).toEqual(['warning', 'error']);
    // Request-scoped: each goes with the request's response.
    const options = peer.transport.sent
      .filter((r) => logged.includes(r.message as JSONRPCNotification))
      .map((r) => r.options);
    expect(options).toEqual([{ relatedRequestId: id }, { relatedRequestId: id }]);
    peer.validate();
  });

  it('sends progress for a request that carries a token', async () => {
    const { peer } = await modernPeer();
    await peer.result('tools/call', modern({ name: 'progress' }, { progressToken: 9 }));
    expect(peer.notifications('notifications/progress').map((n) => n.params?.['progress'])).toEqual([1, 2]);
    peer.validate();
  });

  it('aborts the handler when the client cancels, and answers nothing', async () => {
    const { peer, log } = await modernPeer();
    const id = peer.send('tools/call', modern({ name: 'slow' }));
    await flush();
    peer.notify('notifications/cancelled', { requestId: id });
    await flush();
    expect(log.slowSignal?.aborted).toBe(true);
    expect(peer.sent.some((m) => 'id' in m && m.id === id)).toBe(false);
  });
});

describe('McpServer, modern era: pagination and order', () => {
  it('pages lists in registration order with opaque cursors, the same order every time', async () => {
    const server = new McpServer({ name: 'pages', version: '1' }, { pageSize: 2 });
    for (const name of ['zeta', 'alpha', 'mid', 'beta', 'omega'])
      server.registerTool(name, {}, () => ({ content: [] }));
    const peer = await ServerPeer.connect(server, REV);
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const result = await peer.result('tools/list', modern(cursor === undefined ? {} : { cursor }));
      names.push(...(result['tools'] as { name: string }[]).map((tool) => tool.name));
      cursor = result['nextCursor'] as string | undefined;
      pages++;
    } while (cursor !== undefined);
    expect(names).toEqual(['zeta', 'alpha', 'mid', 'beta', 'omega']);
    expect(pages).toBe(3);
    const again = await peer.result('tools/list', modern());
    expect((again['tools'] as { name: string }[]).map((tool) => tool.name)).toEqual(['zeta', 'alpha']);
    peer.validate();
  });

  it('answers a malformed cursor, or one from another list, -32602 and keeps serving', async () => {
    const server = new McpServer({ name: 'pages', version: '1' }, { pageSize: 1 });
    server.registerTool('a', {}, () => ({ content: [] }));
    server.registerTool('b', {}, () => ({ content: [] }));
    server.registerPrompt('p', {}, () => ({ messages: [] }));
    server.registerPrompt('q', {}, () => ({ messages: [] }));
    const peer = await ServerPeer.connect(server, REV);
    expect((await peer.error('tools/list', modern({ cursor: 'garbage!' }))).code).toBe(-32602);
    const promptCursor = (await peer.result('prompts/list', modern()))['nextCursor'] as string;
    expect((await peer.error('tools/list', modern({ cursor: promptCursor }))).code).toBe(-32602);
    expect((await peer.result('prompts/list', modern({ cursor: promptCursor })))['prompts']).toEqual([
      { name: 'q' },
    ]);
  });
});

describe('McpServer.handleModernRequest', () => {
  it('serves a request without a connection, delivering its notifications to the caller', async () => {
    const { server } = fixtureServer();
    const notes: JSONRPCNotification[] = [];
    const response = await server.handleModernRequest(
      {
        jsonrpc: '2.0',
        id: 'a',
        method: 'tools/call',
        params: modern({ name: 'progress' }, { progressToken: 'tok' }),
      },
      { sendNotification: (n) => void notes.push(n) },
    );
    assertValidMessage(REV, response);
    expect(response).toMatchObject({
      id: 'a',
      result: { resultType: 'complete', content: [{ type: 'text', text: 'progressed' }] },
    });
    expect(notes.map((n) => n.params?.['progress'])).toEqual([1, 2]);
    for (const note of notes) assertValidMessage(REV, note);
  });

  it('hands authInfo to the handler context and never rejects', async () => {
    const { server, log } = fixtureServer();
    const response = await server.handleModernRequest(
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: modern({ name: 'echo', arguments: { text: 'x' } }),
      },
      { authInfo: { clientId: 'app-1' } },
    );
    expect('result' in response).toBe(true);
    expect(log.contexts.at(-1)?.authInfo).toEqual({ clientId: 'app-1' });
    expect(log.contexts.at(-1)?.era).toBe('modern');
    const broken = await server.handleModernRequest({
      jsonrpc: '2.0',
      id: 2,
      method: 'resources/read',
      params: modern({ uri: 'file:///broken' }),
    });
    expect(broken).toEqual({ jsonrpc: '2.0', id: 2, error: { code: -32603, message: 'Internal error' } });
    expect(log.errors.map((e) => e.message)).toContain('disk on fire at /var/secret/path');
  });

  it('answers a request without the modern _meta -32602', async () => {
    const { server } = fixtureServer();
    const response = await server.handleModernRequest({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
    expect(response).toMatchObject({ error: { code: -32602, data: { supported: ['2026-07-28'] } } });
  });

  it('aborts the handler when the caller signal aborts', async () => {
    const { server, log } = fixtureServer();
    const controller = new AbortController();
    const pending = server.handleModernRequest(
      { jsonrpc: '2.0', id: 4, method: 'tools/call', params: modern({ name: 'slow' }) },
      { signal: controller.signal },
    );
    await flush();
    controller.abort();
    const response = await pending;
    expect(log.slowSignal?.aborted).toBe(true);
    // The aborted tool's rejection becomes its error result; the caller drops it (its client is gone).
    expect('result' in response && (response.result as JSONRPCParams)['isError']).toBe(true);
  });

  it('carries the request meta to the handler context', async () => {
    const { server, log } = fixtureServer();
    await server.handleModernRequest({
      jsonrpc: '2.0',
      id: 5,
      method: 'tools/call',
      params: modern({ name: 'echo', arguments: { text: 'm' } }),
    });
    expect(log.contexts.at(-1)?.meta).toEqual(meta());
    expect(log.contexts.at(-1)?.clientCapabilities).toEqual({
      sampling: {},
      elicitation: { form: {} },
      roots: {},
    });
  });
});
