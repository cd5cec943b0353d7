import { afterEach, describe, expect, it } from 'vitest';
import { LEGACY_PROTOCOL_VERSIONS, McpServer } from '../src/index.js';
import { fixtureServer } from './support/server-fixtures.js';
import { flush, ServerPeer, validatePeers } from './support/server-harness.js';

// What the server sent after a test's last awaited response is checked against the schema too.
afterEach(validatePeers);

describe('McpServer, legacy era: lifecycle', () => {
  it('refuses requests before initialize (-32602, naming both ways in), then serves after the handshake', async () => {
    const { server } = fixtureServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    const error = await peer.error('tools/list');
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(/initialize/);
    expect(error.message).toMatch(/protocolVersion/);
    await peer.initialize('2025-11-25');
    const result = await peer.result('tools/list');
    expect((result['tools'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('answers ping before initialize, as the lifecycle allows', async () => {
    const { server } = fixtureServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    expect(await peer.result('ping')).toEqual({});
  });

  it('negotiates down to its newest legacy revision when the client asks for an unknown one', async () => {
    const { server } = fixtureServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    const result = await peer.initialize('2099-01-01');
    expect(result['protocolVersion']).toBe('2025-11-25');
    expect(peer.connection.protocolVersion).toBe('2025-11-25');
    expect(peer.connection.era).toBe('legacy');
  });

  it('keeps a modern version requested in initialize out of the legacy handshake', async () => {
    const { server } = fixtureServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    expect((await peer.initialize('2026-07-28'))['protocolVersion']).toBe('2025-11-25');
  });

  it('refuses initialize on a modern-only server, naming the revisions it speaks', async () => {
    const { server } = fixtureServer({ supportedVersions: ['2026-07-28'] });
    const peer = await ServerPeer.connect(server, '2025-11-25');
    const error = await peer.error('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'old', version: '1' },
    });
    expect(error).toMatchObject({
      code: -32602,
      data: { supported: ['2026-07-28'], requested: '2025-11-25' },
    });
  });

  it('declares capabilities derived from what is registered, with serverInfo and instructions', async () => {
    const { server } = fixtureServer({ instructions: 'Use echo for echoes.' });
    const peer = await ServerPeer.connect(server, '2025-11-25');
    const result = await peer.initialize('2025-11-25');
    expect(result['capabilities']).toEqual({
      logging: {},
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      completions: {},
    });
    expect(result['serverInfo']).toEqual({ name: 'fixture-server', version: '1.2.3' });
    expect(result['instructions']).toBe('Use echo for echoes.');
    expect(peer.connection.clientInfo).toEqual({ name: 'test-client', version: '1.0.0' });
  });

  it('refuses a second initialize and keeps serving', async () => {
    const { server } = fixtureServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    await peer.initialize('2025-11-25');
    const error = await peer.error('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'again', version: '1' },
    });
    expect(error.code).toBe(-32600);
    expect(await peer.result('ping')).toEqual({});
  });

  it('answers an invalid initialize -32602 and can still be initialized', async () => {
    const { server } = fixtureServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    expect((await peer.error('initialize', { protocolVersion: '2025-11-25' })).code).toBe(-32602);
    expect((await peer.initialize('2025-11-25'))['protocolVersion']).toBe('2025-11-25');
  });

  it('answers an unknown method -32601 and keeps serving', async () => {
    const { server } = fixtureServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    await peer.initialize('2025-11-25');
    expect((await peer.error('tools/explode')).code).toBe(-32601);
    // Modern-only and server-to-client methods do not exist for a legacy client either.
    expect((await peer.error('server/discover')).code).toBe(-32601);
    expect((await peer.error('sampling/createMessage', { messages: [], maxTokens: 1 })).code).toBe(-32601);
    expect(await peer.result('ping')).toEqual({});
  });

  it('answers invalid params -32602 naming the path, and keeps serving', async () => {
    const { server } = fixtureServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    await peer.initialize('2025-11-25');
    const error = await peer.error('tools/call', { name: 42 });
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(/name/);
    expect((await peer.result('tools/call', { name: 'echo', arguments: { text: 'ok' } }))['content']).toEqual(
      [{ type: 'text', text: 'ok' }],
    );
  });

  it('refuses features it does not declare with -32601', async () => {
    const server = new McpServer({ name: 'empty', version: '0' });
    const peer = await ServerPeer.connect(server, '2025-11-25');
    const result = await peer.initialize('2025-11-25');
    expect(result['capabilities']).toEqual({ logging: {} });
    expect((await peer.error('tools/list')).code).toBe(-32601);
    expect(
      (
        await peer.error('completion/complete', {
          ref: { type: 'ref/prompt', name: 'x' },
          argument: { name: 'a', value: '' },
        })
      ).code,
    ).toBe(-32601);
  });

  it('sends notifications/tools/list_changed only to sessions that sent notifications/initialized', async () => {
    const { server } = fixtureServer();
    const ready = await ServerPeer.connect(server, '2025-11-25');
    await ready.initialize('2025-11-25');
    const handshaking = await ServerPeer.connect(server, '2025-11-25');
    await handshaking.result('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'c', version: '1' },
    });
    const fresh = await ServerPeer.connect(server, '2025-11-25');
    const tool = server.registerTool('late', {}, () => ({ content: [] }));
    server.registerTool('later', {}, () => ({ content: [] }));
    await flush();
    // Two registrations in one tick: one notification.
    expect(ready.notifications('notifications/tools/list_changed')).toHaveLength(1);
    expect(handshaking.notifications()).toHaveLength(0);
    expect(fresh.notifications()).toHaveLength(0);
    tool.remove();
    await flush();
    expect(ready.notifications('notifications/tools/list_changed')).toHaveLength(2);
    ready.validate();
  });

  it('forgets a closed connection', async () => {
    const { server } = fixtureServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    await peer.initialize('2025-11-25');
    expect(server.connections).toHaveLength(1);
    await peer.transport.close();
    expect(server.connections).toHaveLength(0);
    expect(peer.connection.closed).toBe(true);
    server.registerTool('after-close', {}, () => ({ content: [] }));
    await flush();
    expect(peer.notifications()).toHaveLength(0);
  });
});

describe.each(
  LEGACY_PROTOCOL_VERSIONS,
)('McpServer, legacy era %s: every feature validates against the schema', (version) => {
  it('serves tools, resources, templates, prompts and completion with schema-valid messages', async () => {
    const { server, log } = fixtureServer();
    const peer = await ServerPeer.connect(server, version);
    expect((await peer.initialize(version))['protocolVersion']).toBe(version);
    const tools = (await peer.result('tools/list'))['tools'] as { name: string; outputSchema?: unknown }[];
    expect(tools.map((tool) => tool.name).slice(0, 4)).toEqual(['echo', 'add', 'broken_output', 'fail']);
    const add = await peer.result('tools/call', { name: 'add', arguments: { a: 2 } });
    expect(add['content']).toEqual([{ type: 'text', text: '{"sum":3}' }]);
    const structured = version !== '2024-11-05' && version !== '2025-03-26';
    // outputSchema and structuredContent only exist from 2025-06-18.
    expect(add['structuredContent']).toEqual(structured ? { sum: 3 } : undefined);
    expect(tools.find((tool) => tool.name === 'add')?.outputSchema !== undefined).toBe(structured);
    expect((await peer.result('resources/list'))['resources']).toEqual([
      { uri: 'file:///readme.md', name: 'readme', mimeType: 'text/markdown' },
      { uri: 'file:///broken', name: 'broken' },
      { uri: 'users://alice/profile', name: 'alice' },
    ]);
    expect((await peer.result('resources/templates/list'))['resourceTemplates']).toEqual([
      { uriTemplate: 'users://{id}/profile', name: 'user-profile', description: 'A user profile' },
    ]);
    expect((await peer.result('resources/read', { uri: 'users://bob/profile' }))['contents']).toEqual([
      { uri: 'users://bob/profile', text: 'profile of bob' },
    ]);
    const missing = await peer.error('resources/read', { uri: 'file:///nope' });
    expect(missing).toEqual({ code: -32002, message: 'Resource not found', data: { uri: 'file:///nope' } });
    expect((await peer.result('prompts/list'))['prompts']).toHaveLength(2);
    expect(
      (await peer.result('prompts/get', { name: 'greet', arguments: { who: 'Ada' } }))['messages'],
    ).toEqual([{ role: 'user', content: { type: 'text', text: 'Hello Ada' } }]);
    const completion = await peer.result('completion/complete', {
      ref: { type: 'ref/resource', uri: 'users://{id}/profile' },
      argument: { name: 'id', value: 'al' },
    });
    expect(completion['completion']).toEqual({ values: ['alice', 'albert'] });
    expect(await peer.result('logging/setLevel', { level: 'warning' })).toEqual({});
    expect(log.errors).toEqual([]);
    peer.validate();
  });
});
