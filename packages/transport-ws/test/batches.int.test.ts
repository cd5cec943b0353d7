// JSON-RPC batches over a real WebSocket server: under 2025-03-26 a frame holding an array is answered
// with one frame holding the array of its responses; under 2025-06-18 it is refused -32600 as before.
import { type JSONRPCMessage, McpClient } from '@mcpwire/protocol-core';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createWebSocketClientTransport } from '../src/index.js';
import {
  closing,
  listen,
  onCleanup,
  rawClient,
  rawServer,
  testServer,
  useCleanup,
} from './support/helpers.js';

useCleanup();

/** Every frame a raw socket receives, parsed, taken in order. */
function inboxOf(socket: WebSocket): () => Promise<unknown> {
  const frames: unknown[] = [];
  const waiting: ((frame: unknown) => void)[] = [];
  socket.on('message', (data: Buffer) => {
    const frame: unknown = JSON.parse(data.toString('utf8'));
    const waiter = waiting.shift();
    if (waiter === undefined) frames.push(frame);
    else waiter(frame);
  });
  return () =>
    frames.length > 0 ? Promise.resolve(frames.shift()) : new Promise((resolve) => waiting.push(resolve));
}

const ping = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'ping' });
const initialized = { jsonrpc: '2.0', method: 'notifications/initialized' };

/** A raw client that initialized the server at `version`. */
async function session(version: string): Promise<{ socket: WebSocket; next: () => Promise<unknown> }> {
  const server = testServer();
  const { url } = await listen({ server });
  const socket = await rawClient(url);
  const next = inboxOf(socket);
  socket.send(
    JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    }),
  );
  expect(await next()).toMatchObject({ id: 0, result: { protocolVersion: version } });
  socket.send(JSON.stringify(initialized));
  return { socket, next };
}

describe('JSON-RPC batches over WebSocket', () => {
  it('2025-03-26: two requests and a notification get one frame with both responses', async () => {
    const { socket, next } = await session('2025-03-26');
    const call = {
      jsonrpc: '2.0',
      id: 'call',
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'hi' } },
    };
    socket.send(
      JSON.stringify([call, ping(2), { jsonrpc: '2.0', method: 'notifications/roots/list_changed' }]),
    );
    const answer = await next();
    expect(Array.isArray(answer)).toBe(true);
    expect(answer).toHaveLength(2);
    expect(answer).toEqual(
      expect.arrayContaining([
        { jsonrpc: '2.0', id: 2, result: {} },
        expect.objectContaining({
          id: 'call',
          result: expect.objectContaining({ content: [{ type: 'text', text: 'echo:hi' }] }),
        }),
      ]),
    );
    // Nothing else was sent for the batch: the next frame answers the next request.
    socket.send(JSON.stringify(ping(3)));
    expect(await next()).toEqual({ jsonrpc: '2.0', id: 3, result: {} });
  });

  it('2025-03-26: malformed items get their errors inside the array; an empty array is one error', async () => {
    const { socket, next } = await session('2025-03-26');
    socket.send(JSON.stringify([ping(4), { jsonrpc: '2.0', id: 5 }, 42]));
    const answer = await next();
    expect(answer).toHaveLength(3);
    expect(answer).toEqual(
      expect.arrayContaining([
        { jsonrpc: '2.0', id: 4, result: {} },
        expect.objectContaining({ id: 5, error: expect.objectContaining({ code: -32600 }) }),
        expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32600 }) }),
      ]),
    );
    socket.send('[]');
    expect(await next()).toMatchObject({
      id: null,
      error: { code: -32600, message: expect.stringContaining('empty batch') },
    });
  });

  it('2025-03-26: a batch of notifications gets nothing back', async () => {
    const { socket, next } = await session('2025-03-26');
    socket.send(
      JSON.stringify([initialized, { jsonrpc: '2.0', method: 'notifications/roots/list_changed' }]),
    );
    socket.send(JSON.stringify(ping(6)));
    expect(await next()).toEqual({ jsonrpc: '2.0', id: 6, result: {} });
  });

  it('2025-06-18: a batch is refused -32600 and nothing in it is answered', async () => {
    const { socket, next } = await session('2025-06-18');
    socket.send(JSON.stringify([ping(7), ping(8)]));
    expect(await next()).toMatchObject({ id: null, error: { code: -32600 } });
    socket.send(JSON.stringify(ping(9)));
    expect(await next()).toEqual({ jsonrpc: '2.0', id: 9, result: {} });
  });
});

describe('JSON-RPC batches sent to a WebSocket client', () => {
  it('2025-03-26: our McpClient answers a batch of two server requests with one array', async () => {
    const frames: unknown[] = [];
    let answered!: () => void;
    const done = new Promise<void>((resolve) => {
      answered = resolve;
    });
    const { url } = await rawServer((socket) => {
      socket.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString('utf8')) as { id?: unknown; method?: string };
        frames.push(frame);
        if (!Array.isArray(frame) && frame.method === 'initialize') {
          socket.send(
            JSON.stringify({
              jsonrpc: '2.0',
              id: frame.id,
              result: {
                protocolVersion: '2025-03-26',
                capabilities: {},
                serverInfo: { name: 'raw', version: '1' },
              },
            }),
          );
        }
        if (!Array.isArray(frame) && frame.method === 'notifications/initialized') {
          socket.send(JSON.stringify([ping(1), ping(2), initialized]));
        }
        if (Array.isArray(frame)) answered();
      });
    });
    const client = new McpClient({ name: 'batch-test', version: '1.0.0' }, { era: 'legacy' });
    await client.connect(closing(createWebSocketClientTransport({ url })));
    onCleanup(() => client.close());
    expect(client.protocolVersion).toBe('2025-03-26');
    await done;
    const answer = frames.find((frame) => Array.isArray(frame));
    expect(answer).toHaveLength(2);
    expect(answer).toEqual(
      expect.arrayContaining([
        { jsonrpc: '2.0', id: 1, result: {} },
        { jsonrpc: '2.0', id: 2, result: {} },
      ]),
    );
  });
});
