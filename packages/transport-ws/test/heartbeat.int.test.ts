// Heartbeat over real sockets, its clock faked: a peer that stops answering pings is dropped at the
// second interval, one that answers is kept; on the client side the drop rejects McpClient's pending call.
import { once } from 'node:events';
import { McpClient, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { FakeTimers, TransportRecorder } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createWebSocketClientTransport } from '../src/index.js';
import { closeOf, closing, rawClient, rawServer, recordingServer, useCleanup } from './support/helpers.js';

useCleanup();

const INTERVAL = 1000;

/** One ping/pong initiated by the raw peer: once it returns, our side has processed every frame sent before. */
async function roundTrip(socket: WebSocket): Promise<void> {
  const pong = once(socket, 'pong');
  socket.ping();
  await pong;
}

describe('server heartbeat', () => {
  it('drops a peer that stops answering pings at the second interval (onerror + onclose here)', async () => {
    const timers = new FakeTimers();
    const { listener, next } = await recordingServer({ heartbeatIntervalMs: INTERVAL, timers });
    // autoPong off: the peer is there (its TCP stack answers) but its WebSocket side is silent.
    const socket = await rawClient(listener.url, { autoPong: false });
    const { recorder } = await next();
    const pinged = once(socket, 'ping');
    timers.advance(INTERVAL);
    await pinged;
    await roundTrip(socket);
    expect(recorder.closeCount).toBe(0);
    const closed = closeOf(socket);
    timers.advance(INTERVAL);
    // This peer still reads, so the close frame written just before the drop reaches it; a dead one sees nothing.
    expect(await closed).toEqual({ code: 1008, reason: 'heartbeat timeout' });
    await recorder.waitForClose();
    expect(recorder.errors).toHaveLength(1);
    expect(recorder.errors[0]).toBeInstanceOf(TransportError);
    expect(recorder.errors[0]).toMatchObject({
      code: TransportErrorCode.Network,
      details: { limit: { name: 'heartbeatIntervalMs', value: INTERVAL } },
    });
    expect(listener.handler.stats.sessions).toBe(0);
    // Nothing left scheduled once the connection is gone.
    expect(timers.pending).toBe(0);
  });

  it('keeps a peer that answers, interval after interval', async () => {
    const timers = new FakeTimers();
    const { listener, next } = await recordingServer({ heartbeatIntervalMs: INTERVAL, timers });
    const socket = await rawClient(listener.url);
    const { recorder } = await next();
    let pings = 0;
    socket.on('ping', () => {
      pings++;
    });
    for (let beat = 1; beat <= 5; beat++) {
      const pinged = once(socket, 'ping');
      timers.advance(INTERVAL);
      await pinged;
      // The peer's auto-pong went out before its own ping: once that returns, ours was read.
      await roundTrip(socket);
    }
    expect(pings).toBe(5);
    expect(recorder.closeCount).toBe(0);
    expect(recorder.errors).toEqual([]);
    expect(socket.readyState).toBe(socket.OPEN);
  });

  it('sends no pings when heartbeatIntervalMs is 0', async () => {
    const timers = new FakeTimers();
    const { listener, next } = await recordingServer({ heartbeatIntervalMs: 0, timers });
    await rawClient(listener.url, { autoPong: false });
    await next();
    expect(timers.pending).toBe(0);
  });
});

describe('client heartbeat', () => {
  it("drops a silent server and rejects McpClient's pending request, end to end", async () => {
    const timers = new FakeTimers();
    let serverSide!: WebSocket;
    const calls: string[] = [];
    // A raw MCP server that answers the handshake, never answers tools/call, and never pongs.
    const { url } = await rawServer(
      (socket) => {
        serverSide = socket;
        socket.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString()) as {
            id?: number;
            method?: string;
            params?: { protocolVersion?: string };
          };
          if (message.method !== undefined) calls.push(message.method);
          const reply = (result: unknown) =>
            socket.send(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
          if (message.method === 'initialize') {
            reply({
              protocolVersion: message.params?.protocolVersion,
              capabilities: { tools: {} },
              serverInfo: { name: 'silent', version: '1.0.0' },
            });
          } else if (message.method === 'tools/list') {
            reply({ tools: [{ name: 'slow', inputSchema: { type: 'object' } }] });
          }
        });
      },
      { autoPong: false },
    );
    const transport = closing(createWebSocketClientTransport({ url, heartbeatIntervalMs: INTERVAL, timers }));
    const client = new McpClient({ name: 'heartbeat-test', version: '1.0.0' }, { era: 'legacy' });
    const clientErrors: Error[] = [];
    client.onerror = (error) => clientErrors.push(error);
    await client.connect(transport);
    const call = client.callTool({ name: 'slow', arguments: {} }).catch((e: unknown) => e);
    await expect.poll(() => calls).toContain('tools/call');
    const pinged = once(serverSide, 'ping');
    timers.advance(INTERVAL);
    await pinged;
    const dropped = closeOf(serverSide);
    timers.advance(INTERVAL);
    const error = await call;
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe(TransportErrorCode.Closed);
    expect((await dropped).code).toBe(1008);
    expect(transport.closeCode).toBe(1008);
    expect(clientErrors.some((e) => (e as TransportError).code === TransportErrorCode.Network)).toBe(true);
  });

  it('a client whose server answers pings stays connected', async () => {
    const timers = new FakeTimers();
    let serverSide!: WebSocket;
    const { url } = await rawServer((socket) => {
      serverSide = socket;
    });
    const transport = closing(createWebSocketClientTransport({ url, heartbeatIntervalMs: INTERVAL, timers }));
    const recorder = new TransportRecorder(transport);
    await transport.start();
    for (let beat = 1; beat <= 3; beat++) {
      const pinged = once(serverSide, 'ping');
      timers.advance(INTERVAL);
      await pinged;
      await roundTrip(serverSide);
    }
    expect(recorder.closeCount).toBe(0);
    expect(recorder.errors).toEqual([]);
  });
});
