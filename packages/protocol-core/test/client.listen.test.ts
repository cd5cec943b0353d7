/**
 * `listen()`: modern `subscriptions/listen` streams (acknowledgment, routing by subscription id,
 * cancellation, graceful and abrupt ends) and the legacy emulation over `resources/subscribe`.
 */
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../src/engine/types.js';
import { ProtocolError, TransportErrorCode } from '../src/errors.js';
import type { JSONRPCParams, RequestId } from '../src/jsonrpc.js';
import { connectedClient, fakeServer, flush } from './support/client-fake-server.js';
import { assertClientTraffic } from './support/client-wire.js';

const SUB = 'io.modelcontextprotocol/subscriptionId';

/** A modern server whose listen streams the test drives: ack, notify, end gracefully. */
async function streamingServer(options?: {
  ack?: boolean;
  honour?: (filter: JSONRPCParams) => JSONRPCParams;
}) {
  const streams = new Map<RequestId, { ctx: HandlerContext; end: () => void }>();
  const server = await fakeServer({
    kind: 'modern',
    capabilities: { tools: { listChanged: true }, resources: { subscribe: true } },
    handlers: {
      'tools/list': () => ({ resultType: 'complete', tools: [], ttlMs: 60_000, cacheScope: 'public' }),
      'subscriptions/listen': (params, ctx) =>
        new Promise<JSONRPCParams>((resolve, reject) => {
          const filter = (params?.['notifications'] ?? {}) as JSONRPCParams;
          streams.set(ctx.requestId, {
            ctx,
            end: () => resolve({ resultType: 'complete', _meta: { [SUB]: ctx.requestId } }),
          });
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
          if (options?.ack !== false) {
            void ctx.notify('notifications/subscriptions/acknowledged', {
              _meta: { [SUB]: ctx.requestId },
              notifications: options?.honour?.(filter) ?? filter,
            });
          }
        }),
    },
  });
  const push = (id: RequestId, method: string, params: JSONRPCParams = {}): Promise<void> =>
    server.engine.notify(method, { ...params, _meta: { [SUB]: id } });
  return { server, streams, push };
}

describe('McpClient.listen (modern)', () => {
  it('opens a stream, resolves on the acknowledgment, and routes notifications by subscription id', async () => {
    const { server, push } = await streamingServer({
      honour: ({ toolsListChanged }) => ({ toolsListChanged }),
    });
    const client = await connectedClient(server);
    const seen: string[] = [];
    client.onToolsListChanged(() => seen.push('global tools'));
    const handle = await client.listen(
      { toolsListChanged: true, resourceSubscriptions: ['file:///a'] },
      {
        onToolsListChanged: () => seen.push('tools'),
        onResourceUpdated: (p) => seen.push(`updated ${p.uri}`),
      },
    );
    const listen = server.requests('subscriptions/listen')[0];
    expect(handle.id).toBe(listen?.id);
    expect(listen?.params?.['notifications']).toEqual({
      toolsListChanged: true,
      resourceSubscriptions: ['file:///a'],
    });
    expect(handle.acknowledged).toEqual({ toolsListChanged: true });
    // The stream has no timeout: hours later it is still open.
    server.clock.advance(10 * 3_600_000);
    await push(handle.id!, 'notifications/tools/list_changed');
    await push(999, 'notifications/tools/list_changed');
    await push(handle.id!, 'notifications/resources/updated', { uri: 'file:///a' });
    await flush();
    // The other subscription's notification reaches the client-wide listener only; the update was not acknowledged.
    expect(seen).toEqual(['tools', 'global tools', 'global tools']);
    await handle.close();
    expect(await handle.closed).toEqual({ reason: 'client' });
    expect(server.sent().at(-1)).toMatchObject({
      method: 'notifications/cancelled',
      params: { requestId: handle.id },
    });
    assertClientTraffic('2026-07-28', server.sent());
  });

  it('invalidates the list cache on a list_changed delivered by a stream', async () => {
    const { server, push } = await streamingServer();
    const client = await connectedClient(server);
    const handle = await client.listen({ toolsListChanged: true });
    await client.listTools();
    await client.listTools();
    expect(server.requests('tools/list')).toHaveLength(1);
    await push(handle.id!, 'notifications/tools/list_changed');
    await flush();
    await client.listTools();
    expect(server.requests('tools/list')).toHaveLength(2);
  });

  it('ends with reason server on a graceful result or a server cancellation', async () => {
    const { server, streams } = await streamingServer();
    const client = await connectedClient(server);
    const graceful = await client.listen({ toolsListChanged: true });
    streams.get(graceful.id!)?.end();
    expect(await graceful.closed).toEqual({ reason: 'server' });
    const cancelled = await client.listen({ promptsListChanged: true });
    await server.engine.notify('notifications/cancelled', { requestId: cancelled.id!, reason: 'shutdown' });
    expect(await cancelled.closed).toEqual({ reason: 'server' });
    expect(client.connected).toBe(true);
  });

  it('fails listen() with MCPWIRE_ERR_REQUEST_TIMEOUT when no acknowledgment comes', async () => {
    const { server } = await streamingServer({ ack: false });
    const client = await connectedClient(server);
    const opening = client.listen({ toolsListChanged: true }, {}, { ackTimeoutMs: 2000 });
    const settled = opening.catch((e: unknown) => e);
    await flush();
    server.clock.advance(2000);
    const error = await settled;
    expect(error).toMatchObject({
      code: TransportErrorCode.RequestTimeout,
      details: { method: 'subscriptions/listen', limit: { name: 'ackTimeoutMs', value: 2000 } },
    });
    expect(server.notifications()).toContain('notifications/cancelled');
  });

  it('fails listen() with the server error when the request is refused', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'subscriptions/listen': () => {
          throw new ProtocolError(-32602, 'bad filter');
        },
      },
    });
    const client = await connectedClient(server);
    await expect(client.listen({ toolsListChanged: true })).rejects.toMatchObject({ code: -32602 });
  });

  it('ends every stream with reason connection when the connection closes, and honours an abort signal', async () => {
    const { server } = await streamingServer();
    const client = await connectedClient(server);
    const controller = new AbortController();
    const aborted = await client.listen({ toolsListChanged: true }, {}, { signal: controller.signal });
    controller.abort();
    expect(await aborted.closed).toEqual({ reason: 'client' });
    const open = await client.listen({ toolsListChanged: true });
    await client.close();
    expect(await open.closed).toEqual({ reason: 'connection' });
  });
});

describe('McpClient.listen (legacy emulation)', () => {
  it('acknowledges what the capabilities allow, subscribes each URI once, unsubscribes with the last holder', async () => {
    const server = await fakeServer({
      kind: 'legacy',
      capabilities: { tools: { listChanged: true }, resources: { subscribe: true } },
      handlers: { 'resources/subscribe': () => ({}), 'resources/unsubscribe': () => ({}) },
    });
    const client = await connectedClient(server);
    const seen: string[] = [];
    const first = await client.listen(
      { toolsListChanged: true, promptsListChanged: true, resourceSubscriptions: ['file:///a'] },
      {
        onResourceUpdated: (p) => seen.push(`first ${p.uri}`),
        onToolsListChanged: () => seen.push('first tools'),
      },
    );
    const second = await client.listen(
      { resourceSubscriptions: ['file:///a'] },
      { onResourceUpdated: (p) => seen.push(`second ${p.uri}`) },
    );
    expect(first.id).toBeUndefined();
    expect(first.acknowledged).toEqual({ toolsListChanged: true, resourceSubscriptions: ['file:///a'] });
    expect(server.requests('resources/subscribe').map((r) => r.params)).toEqual([{ uri: 'file:///a' }]);
    await server.engine.notify('notifications/resources/updated', { uri: 'file:///a' });
    await server.engine.notify('notifications/resources/updated', { uri: 'file:///other' });
    await server.engine.notify('notifications/tools/list_changed');
    await flush();
    expect(seen).toEqual(['first file:///a', 'second file:///a', 'first tools']);
    await first.close();
    expect(server.requests('resources/unsubscribe')).toHaveLength(0);
    await second.close();
    expect(server.requests('resources/unsubscribe').map((r) => r.params)).toEqual([{ uri: 'file:///a' }]);
    expect(await second.closed).toEqual({ reason: 'client' });
    assertClientTraffic('2025-11-25', server.sent());
  });

  it('subscribes nothing when the server cannot, and subscribeResource works directly', async () => {
    const server = await fakeServer({
      kind: 'legacy',
      capabilities: { resources: {} },
      handlers: { 'resources/subscribe': () => ({}), 'resources/unsubscribe': () => ({}) },
    });
    const client = await connectedClient(server);
    const handle = await client.listen({ resourceSubscriptions: ['file:///a'] });
    expect(handle.acknowledged).toEqual({});
    expect(server.requests('resources/subscribe')).toHaveLength(0);
    await client.subscribeResource('file:///b');
    await client.unsubscribeResource('file:///b');
    expect(
      server
        .requests()
        .map((r) => r.method)
        .slice(-2),
    ).toEqual(['resources/subscribe', 'resources/unsubscribe']);
  });
});
