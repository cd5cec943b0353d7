// What a server keeps from a client beyond one request is bounded: a legacy session's clientInfo,
// subscribed URIs, listen filters, and the listen streams one principal (or address) may hold.
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { McpServer, type McpServerOptions } from '../src/index.js';
import { fixtureServer } from './support/server-fixtures.js';
import { flush, modern, ServerPeer, validatePeers } from './support/server-harness.js';

afterEach(validatePeers);

const REV = '2026-07-28';

async function legacyPeer(options?: McpServerOptions) {
  const peer = await ServerPeer.connect(fixtureServer(options).server, '2025-11-25');
  return peer;
}

function initializeParams(clientInfo: Record<string, unknown>) {
  return { protocolVersion: '2025-11-25', capabilities: {}, clientInfo };
}

describe('legacy session state', () => {
  it('refuses an initialize whose clientInfo is larger than maxClientInfoChars, and keeps serving', async () => {
    const peer = await legacyPeer();
    const huge = { name: 'x', version: '1', title: 't'.repeat(20_000) };
    const error = await peer.error('initialize', initializeParams(huge));
    expect(error).toMatchObject({
      code: -32602,
      data: { limit: { name: 'maxClientInfoChars', value: 16_384 } },
    });
    const ok = await peer.result('initialize', initializeParams({ name: 'x', version: '1' }));
    expect(ok['protocolVersion']).toBe('2025-11-25');
  });

  it('takes a larger clientInfo when configured', async () => {
    const peer = await legacyPeer({ maxClientInfoChars: 50_000 });
    const big = { name: 'x', version: '1', title: 't'.repeat(20_000) };
    expect((await peer.result('initialize', initializeParams(big)))['protocolVersion']).toBe('2025-11-25');
  });

  it('refuses a resources/subscribe URI longer than maxUriChars, with an excerpt, not the whole URI', async () => {
    const peer = await legacyPeer({ maxUriChars: 100 });
    await peer.initialize('2025-11-25');
    const long = `file:///${'a'.repeat(5000)}`;
    const error = await peer.error('resources/subscribe', { uri: long });
    expect(error).toMatchObject({ code: -32602, data: { limit: { name: 'maxUriChars', value: 100 } } });
    expect(error.message.length).toBeLessThan(400);
    expect(await peer.result('resources/subscribe', { uri: `file:///${'a'.repeat(92)}` })).toEqual({});
  });
});

describe('listen filters and streams', () => {
  it('refuses a filter URI longer than maxUriChars, and more URIs than maxSubscriptions', async () => {
    const peer = await ServerPeer.connect(
      fixtureServer({ maxUriChars: 64, maxSubscriptions: 3 }).server,
      REV,
    );
    const long = await peer.error(
      'subscriptions/listen',
      modern({ notifications: { resourceSubscriptions: [`file:///${'b'.repeat(100)}`] } }),
    );
    expect(long).toMatchObject({ code: -32602, data: { limit: { name: 'maxUriChars', value: 64 } } });
    const many = await peer.error(
      'subscriptions/listen',
      modern({ notifications: { resourceSubscriptions: ['a://1', 'a://2', 'a://3', 'a://4'] } }),
    );
    expect(many).toMatchObject({ code: -32602, data: { limit: { name: 'maxSubscriptions', value: 3 } } });
  });

  it('caps the streams of one principal, not the others, and frees a slot when a stream ends', async () => {
    const { server } = fixtureServer({ maxSubscriptionsPerPrincipal: 2 });
    const peer = await ServerPeer.connect(server, REV);
    const listen = (who: string) =>
      peer.send('subscriptions/listen', modern({ notifications: { toolsListChanged: true } }), {
        authInfo: { clientId: who },
      });
    const first = listen('alice');
    listen('alice');
    await flush();
    const third = await peer.error('subscriptions/listen', modern({ notifications: {} }), {
      authInfo: { clientId: 'alice' },
    });
    expect(third).toMatchObject({
      code: -32603,
      message: expect.stringMatching(/this principal/),
      data: { limit: { name: 'maxSubscriptionsPerPrincipal', value: 2 } },
    });
    listen('bob');
    await flush();
    expect(peer.notifications('notifications/subscriptions/acknowledged')).toHaveLength(3);
    // Alice ends one stream: her next listen is accepted.
    peer.notify('notifications/cancelled', { requestId: first, reason: 'done' });
    await flush();
    listen('alice');
    await flush();
    expect(peer.notifications('notifications/subscriptions/acknowledged')).toHaveLength(4);
  });

  it('counts unauthenticated streams per remote address, and leaves address-less ones to maxSubscriptions', async () => {
    const { server } = fixtureServer({ maxSubscriptionsPerPrincipal: 1 });
    const peer = await ServerPeer.connect(server, REV);
    const from = (remoteAddress: string | undefined) => ({
      requestInfo: { headers: {}, ...(remoteAddress === undefined ? {} : { remoteAddress }) },
    });
    peer.send('subscriptions/listen', modern({ notifications: {} }), from('10.0.0.1'));
    await flush();
    const again = await peer.error('subscriptions/listen', modern({ notifications: {} }), from('10.0.0.1'));
    expect(again).toMatchObject({ code: -32603, message: expect.stringMatching(/client address/) });
    peer.send('subscriptions/listen', modern({ notifications: {} }), from('10.0.0.2'));
    peer.send('subscriptions/listen', modern({ notifications: {} }), from(undefined));
    peer.send('subscriptions/listen', modern({ notifications: {} }), from(undefined));
    await flush();
    expect(peer.notifications('notifications/subscriptions/acknowledged')).toHaveLength(4);
  });
});

describe('client strings echoed in errors are excerpts', () => {
  it('cuts an unknown resource URI in data.uri, and a long unknown key in argument issues', async () => {
    const peer = await legacyPeer();
    await peer.initialize('2025-06-18');
    const uri = `file:///${'u'.repeat(100_000)}`;
    const missing = await peer.error('resources/read', { uri });
    expect(missing.code).toBe(-32002);
    expect((missing.data as { uri: string }).uri.length).toBeLessThanOrEqual(201);
  });

  it.each([
    ['zod', z.strictObject({})],
    ['JSON Schema', { type: 'object' as const, additionalProperties: false }],
  ])('cuts a long unknown key in the argument issues of a %s schema', async (_kind, inputSchema) => {
    const server = new McpServer({ name: 'strict', version: '1' });
    server.registerTool('strict', { inputSchema }, () => ({ content: [] }));
    const peer = await ServerPeer.connect(server, '2025-06-18');
    await peer.initialize('2025-06-18');
    const key = 'k'.repeat(100_000);
    const bad = await peer.error('tools/call', { name: 'strict', arguments: { [key]: 1 } });
    expect(bad.code).toBe(-32602);
    expect(JSON.stringify(bad)).toContain('kkkk');
    expect(JSON.stringify(bad).length).toBeLessThan(2_000);
  });
});
