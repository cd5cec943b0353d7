// The Node client's opening and closing: typed failures of start() (refused, unreachable, too slow),
// close() while connecting, the start/send/close contract, and the close timeout against a silent server.
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { FakeTimers, TransportRecorder } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createWebSocketClientTransport } from '../src/index.js';
import { closeOf, closing, onCleanup, rawServer, useCleanup } from './support/helpers.js';

useCleanup();

/** A TCP server that accepts connections and never answers: an upgrade that hangs. */
async function silentTcpServer(): Promise<{ url: string; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
    // Read and ignore: a socket never read would not notice the peer leaving.
    socket.resume();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return { url: `ws://127.0.0.1:${(server.address() as { port: number }).port}/ws`, sockets };
}

describe('start()', () => {
  it('rejects with Network when nothing listens, and fires no onclose', async () => {
    // A port that was just free: a server listened there and stopped.
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const transport = createWebSocketClientTransport({ url: `ws://127.0.0.1:${port}/ws` });
    const recorder = new TransportRecorder(transport);
    const error = await transport.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe(TransportErrorCode.Network);
    expect((error as TransportError).message).toContain('ECONNREFUSED');
    await transport.close();
    expect(recorder.closeCount).toBe(0);
    await expect(transport.start()).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });

  it('rejects with Network after connectTimeoutMs, and drops the half-open socket', async () => {
    const timers = new FakeTimers();
    const { url, sockets } = await silentTcpServer();
    const transport = createWebSocketClientTransport({ url, connectTimeoutMs: 2000, timers });
    const starting = transport.start().catch((e: unknown) => e);
    await expect.poll(() => sockets.length).toBe(1);
    const dropped = once(sockets[0] as Socket, 'close');
    timers.advance(2000);
    const error = await starting;
    expect(error).toMatchObject({
      code: TransportErrorCode.Network,
      details: { limit: { name: 'connectTimeoutMs', value: 2000 } },
    });
    await dropped;
  });

  it('close() while connecting rejects start() with Closed and fires onclose once', async () => {
    const { url, sockets } = await silentTcpServer();
    const transport = createWebSocketClientTransport({ url });
    const recorder = new TransportRecorder(transport);
    const starting = transport.start().catch((e: unknown) => e);
    await expect.poll(() => sockets.length).toBe(1);
    await transport.close();
    expect(await starting).toMatchObject({ code: TransportErrorCode.Closed });
    await transport.close();
    expect(recorder.closeCount).toBe(1);
  });

  it('keeps the start/send/close contract: AlreadyStarted, NotStarted, close before start', async () => {
    const { url } = await rawServer(() => {});
    const transport = closing(createWebSocketClientTransport({ url: url.replace('ws:', 'http:') }));
    await expect(transport.send({ jsonrpc: '2.0', method: 'x' })).rejects.toMatchObject({
      code: TransportErrorCode.NotStarted,
    });
    await transport.start();
    await expect(transport.start()).rejects.toMatchObject({ code: TransportErrorCode.AlreadyStarted });
    const never = createWebSocketClientTransport({ url });
    const recorder = new TransportRecorder(never);
    await never.close();
    expect(recorder.closeCount).toBe(1);
    await expect(never.start()).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });

  it('refuses URLs that are not ws, wss, http or https at creation', () => {
    expect(() => createWebSocketClientTransport({ url: 'ftp://example.com/ws' })).toThrow(TypeError);
    expect(() => createWebSocketClientTransport({ url: 'not a url' })).toThrow(TypeError);
    expect(() => createWebSocketClientTransport({ url: 'ws://x/ws', protocols: [] })).toThrow(RangeError);
  });
});

describe('close()', () => {
  it('drops the socket after closeTimeoutMs when the server never answers the close frame', async () => {
    const timers = new FakeTimers();
    let serverSide!: WebSocket;
    const { url } = await rawServer((socket) => {
      serverSide = socket;
    });
    const transport = createWebSocketClientTransport({
      url,
      closeTimeoutMs: 3000,
      timers,
      heartbeatIntervalMs: 0,
    });
    const recorder = new TransportRecorder(transport);
    await transport.start();
    // The server stops reading: our close frame is never answered.
    serverSide.pause();
    let closed = false;
    const closing = transport.close().then(() => {
      closed = true;
    });
    const dropped = closeOf(serverSide);
    // Only the close timer is left, and the close waits for it: the server reads nothing.
    expect(timers.pending).toBe(1);
    await Promise.resolve();
    expect(closed).toBe(false);
    timers.advance(3000);
    await closing;
    expect(recorder.closeCount).toBe(1);
    expect(recorder.errors).toEqual([]);
    expect(transport.closeCode).toBe(1000);
    serverSide.resume();
    expect((await dropped).code).toBe(1000);
  });
});
