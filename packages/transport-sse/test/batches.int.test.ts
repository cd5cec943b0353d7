// JSON-RPC batches over a real HTTP+SSE server: under 2025-03-26 a POSTed array is answered with one
// `message` event whose data is the array of its responses; under 2025-06-18 it is refused -32600.
import type { JSONRPCMessage } from '@mcpwire/protocol-core';
import { describe, expect, it } from 'vitest';
import {
  initializeRequest,
  mount,
  openRaw,
  postJson,
  type RawStream,
  testServer,
} from './support/fixtures.js';

const ping = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'ping' });
const initialized = { jsonrpc: '2.0', method: 'notifications/initialized' };
const listChanged = { jsonrpc: '2.0', method: 'notifications/roots/list_changed' };

/** A raw client whose session initialized our McpServer at `version`; `next()` is the next message event's data. */
async function session(
  version: string,
): Promise<{ endpoint: string; stream: RawStream; next: () => Promise<unknown> }> {
  const mounted = await mount({ server: testServer() });
  const stream = await openRaw(mounted.url);
  const endpoint = `${mounted.origin}${await stream.endpoint()}`;
  let read = 1;
  const next = async (): Promise<unknown> => {
    const events = await stream.waitForEvents(read + 1);
    const event = events[read++]!;
    expect(event.event).toBe('message');
    return JSON.parse(event.data) as unknown;
  };
  expect((await postJson(endpoint, initializeRequest(0, version))).status).toBe(202);
  expect(await next()).toMatchObject({ id: 0, result: { protocolVersion: version } });
  expect((await postJson(endpoint, initialized)).status).toBe(202);
  return { endpoint, stream, next };
}

describe('JSON-RPC batches over HTTP+SSE', () => {
  it('2025-03-26: two requests and a notification get one event with both responses', async () => {
    const { endpoint, next } = await session('2025-03-26');
    const call = {
      jsonrpc: '2.0',
      id: 'call',
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'hi' } },
    };
    expect((await postJson(endpoint, [call, ping(2), listChanged])).status).toBe(202);
    const answer = await next();
    expect(Array.isArray(answer)).toBe(true);
    expect(answer).toHaveLength(2);
    expect(answer).toEqual(
      expect.arrayContaining([
        { jsonrpc: '2.0', id: 2, result: {} },
        expect.objectContaining({
          id: 'call',
          result: expect.objectContaining({ content: [{ type: 'text', text: 'hi' }] }),
        }),
      ]),
    );
    // Nothing else was sent for the batch: the next event answers the next request.
    await postJson(endpoint, ping(3));
    expect(await next()).toEqual({ jsonrpc: '2.0', id: 3, result: {} });
  });

  it('2025-03-26: a batch with a malformed item is refused whole, its errors in one array', async () => {
    const { endpoint, next } = await session('2025-03-26');
    const mixed = await postJson(endpoint, [ping(4), { jsonrpc: '2.0', id: 5 }]);
    expect(mixed.status).toBe(400);
    expect(mixed.json()).toEqual([
      expect.objectContaining({ id: 5, error: expect.objectContaining({ code: -32600 }) }),
    ]);
    const empty = await postJson(endpoint, '[]');
    expect(empty.status).toBe(400);
    expect(empty.json()).toMatchObject({ id: null, error: { code: -32600 } });
    await postJson(endpoint, ping(6));
    expect(await next()).toEqual({ jsonrpc: '2.0', id: 6, result: {} });
  });

  it('2025-03-26: a batch of notifications gets nothing back', async () => {
    const { endpoint, next } = await session('2025-03-26');
    expect((await postJson(endpoint, [listChanged, listChanged])).status).toBe(202);
    await postJson(endpoint, ping(7));
    expect(await next()).toEqual({ jsonrpc: '2.0', id: 7, result: {} });
  });

  it('2025-06-18: a batch is refused -32600 and nothing in it is answered', async () => {
    const { endpoint, next } = await session('2025-06-18');
    const refused = await postJson(endpoint, [ping(8), ping(9)]);
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({ id: null, error: { code: -32600 } });
    await postJson(endpoint, ping(10));
    expect(await next()).toEqual({ jsonrpc: '2.0', id: 10, result: {} });
  });
});
