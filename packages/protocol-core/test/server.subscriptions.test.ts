import { afterEach, describe, expect, it } from 'vitest';
import { type JSONRPCNotification, McpServer } from '../src/index.js';
import { fixtureServer } from './support/server-fixtures.js';
import { flush, modern, ServerPeer, validatePeers } from './support/server-harness.js';
import { assertValidMessage } from './support/schema-validator.js';

// What the server sent after a test's last awaited response is checked against the schema too.
afterEach(validatePeers);

const REV = '2026-07-28';
const SUB = 'io.modelcontextprotocol/subscriptionId';

async function listening(filter: Record<string, unknown>, server = fixtureServer().server) {
  const peer = await ServerPeer.connect(server, REV);
  const id = peer.send('subscriptions/listen', modern({ notifications: filter }));
  await flush();
  return { server, peer, id };
}

function tagged(notes: JSONRPCNotification[]): unknown[] {
  return notes.map((note) => [
    note.method,
    (note.params?.['_meta'] as Record<string, unknown> | undefined)?.[SUB],
  ]);
}

describe('McpServer, modern era: subscriptions/listen', () => {
  it('acknowledges first, with the subset it honours, tagged with the listen request id', async () => {
    const { server } = fixtureServer();
    const { peer, id } = await listening(
      { toolsListChanged: true, promptsListChanged: false, resourceSubscriptions: ['file:///readme.md'] },
      server,
    );
    expect(peer.sent[0]).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/subscriptions/acknowledged',
      params: {
        notifications: { toolsListChanged: true, resourceSubscriptions: ['file:///readme.md'] },
        _meta: { [SUB]: id },
      },
    });
    peer.validate();
  });

  it('omits from the acknowledgment what the server cannot send', async () => {
    const server = new McpServer({ name: 'tools-only', version: '1' });
    server.registerTool('t', {}, () => ({ content: [] }));
    const { peer } = await listening(
      { toolsListChanged: true, promptsListChanged: true, resourceSubscriptions: ['a://b'] },
      server,
    );
    expect(
      peer.notifications('notifications/subscriptions/acknowledged')[0]?.params?.['notifications'],
    ).toEqual({
      toolsListChanged: true,
    });
  });

  it('delivers the list changes and resource updates it asked for, and nothing else', async () => {
    const { server, peer, id } = await listening({
      toolsListChanged: true,
      resourceSubscriptions: ['file:///readme.md'],
    });
    server.registerTool('new-tool', {}, () => ({ content: [] }));
    server.registerPrompt('new-prompt', {}, () => ({ messages: [] }));
    server.sendResourceUpdated('file:///readme.md');
    server.sendResourceUpdated('file:///elsewhere');
    await flush();
    expect(tagged(peer.notifications())).toEqual([
      ['notifications/subscriptions/acknowledged', id],
      ['notifications/resources/updated', id],
      ['notifications/tools/list_changed', id],
    ]);
    expect(peer.notifications('notifications/resources/updated')[0]?.params?.['uri']).toBe(
      'file:///readme.md',
    );
    // The stream stays open: no response to the listen request.
    expect(peer.sent.some((m) => 'id' in m && m.id === id)).toBe(false);
    peer.validate();
  });

  it('keeps concurrent subscriptions apart by id', async () => {
    const { server, peer, id: tools } = await listening({ toolsListChanged: true });
    const prompts = peer.send(
      'subscriptions/listen',
      modern({ notifications: { promptsListChanged: true } }),
    );
    await flush();
    server.registerTool('x', {}, () => ({ content: [] }));
    server.registerPrompt('y', {}, () => ({ messages: [] }));
    await flush();
    expect(tagged(peer.notifications()).slice(2)).toEqual([
      ['notifications/tools/list_changed', tools],
      ['notifications/prompts/list_changed', prompts],
    ]);
  });

  it('stops when the client cancels the listen request, without answering it', async () => {
    const { server, peer, id } = await listening({ toolsListChanged: true });
    peer.notify('notifications/cancelled', { requestId: id });
    await flush();
    server.registerTool('after-cancel', {}, () => ({ content: [] }));
    await flush();
    expect(peer.notifications('notifications/tools/list_changed')).toEqual([]);
    expect(peer.sent.some((m) => 'id' in m && m.id === id)).toBe(false);
  });

  it('ends on server close with notifications/cancelled, then the graceful closing result', async () => {
    const { server, peer, id } = await listening({ toolsListChanged: true });
    await server.close();
    expect(peer.sent.slice(1)).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: id, reason: 'Server shutting down' },
      },
      {
        jsonrpc: '2.0',
        id,
        result: {
          resultType: 'complete',
          _meta: {
            [SUB]: id,
            'io.modelcontextprotocol/serverInfo': { name: 'fixture-server', version: '1.2.3' },
          },
        },
      },
    ]);
    peer.validate();
    expect(peer.connection.closed).toBe(true);
  });

  it('streams through handleModernRequest and resolves with the closing result on close', async () => {
    const { server } = fixtureServer();
    const notes: JSONRPCNotification[] = [];
    const pending = server.handleModernRequest(
      {
        jsonrpc: '2.0',
        id: 'L',
        method: 'subscriptions/listen',
        params: modern({ notifications: { promptsListChanged: true } }),
      },
      { sendNotification: (note) => void notes.push(note) },
    );
    await flush();
    server.registerPrompt('fresh', {}, () => ({ messages: [] }));
    await flush();
    await server.close();
    const response = await pending;
    assertValidMessage(REV, response);
    expect(response).toMatchObject({ id: 'L', result: { resultType: 'complete', _meta: { [SUB]: 'L' } } });
    // A stream of its own needs no cancellation notice: the response closes it.
    expect(notes.map((note) => note.method)).toEqual([
      'notifications/subscriptions/acknowledged',
      'notifications/prompts/list_changed',
    ]);
    for (const note of notes) assertValidMessage(REV, note);
  });

  it('bounds open subscriptions', async () => {
    const { server } = fixtureServer({ maxSubscriptions: 1 });
    const { peer } = await listening({ toolsListChanged: true }, server);
    const error = await peer.error('subscriptions/listen', modern({ notifications: {} }));
    expect(error).toMatchObject({ code: -32603, data: { limit: { name: 'maxSubscriptions', value: 1 } } });
  });

  it('announces one change to legacy sessions and listen streams alike', async () => {
    const { server, peer: modernPeer } = await listening({ resourcesListChanged: true });
    const legacy = await ServerPeer.connect(server, '2025-11-25');
    await legacy.initialize('2025-11-25');
    server.registerResource('file:///new', { name: 'new' }, (uri) => ({ contents: [{ uri, text: '' }] }));
    await flush();
    expect(legacy.notifications('notifications/resources/list_changed')).toEqual([
      { jsonrpc: '2.0', method: 'notifications/resources/list_changed' },
    ]);
    expect(tagged(modernPeer.notifications('notifications/resources/list_changed'))).toHaveLength(1);
    legacy.validate();
    modernPeer.validate();
  });
});
