// Backpressure against a peer that stops reading (its socket paused, so the kernel buffers fill up):
// send() waits above highWaterMarkBytes until the peer reads again, and past maxBufferedBytes the
// connection is dropped instead of buffering without bound.
import { once } from 'node:events';
import { type JSONRPCNotification, McpServer, TransportErrorCode } from '@mcpwire/protocol-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listen, nextJson, rawClient, recordingServer, useCleanup } from './support/helpers.js';

useCleanup();

const CHUNK = 256 * 1024;
const big = (i: number): JSONRPCNotification => ({
  jsonrpc: '2.0',
  method: 'bulk',
  params: { i, pad: 'z'.repeat(CHUNK) },
});

describe('backpressure', () => {
  it('send() waits while more than highWaterMarkBytes are buffered, and resolves once the peer reads', async () => {
    const highWaterMarkBytes = 64 * 1024;
    const { listener, next } = await recordingServer({ highWaterMarkBytes, maxBufferedBytes: 256 << 20 });
    const socket = await rawClient(listener.url, { maxPayload: 1 << 20 });
    const { transport } = await next();
    let received = 0;
    socket.on('message', () => {
      received++;
    });
    socket.pause();
    // Fill the kernel's buffers until the socket holds more than the mark: that send must wait.
    let sent = 0;
    let waiting: Promise<void> | undefined;
    while (waiting === undefined && sent < 400) {
      const sending = transport.send(big(sent++));
      if (transport.bufferedAmount > highWaterMarkBytes) waiting = sending;
      else await sending;
    }
    expect(waiting).toBeDefined();
    let resolved = false;
    void waiting?.then(() => {
      resolved = true;
    });
    // A round trip on another connection lets the event loop run: a paused peer cannot drain anything.
    const other = await rawClient(listener.url);
    other.ping();
    await once(other, 'pong');
    expect(resolved).toBe(false);
    expect(transport.bufferedAmount).toBeGreaterThan(highWaterMarkBytes);
    socket.resume();
    await waiting;
    expect(transport.bufferedAmount).toBeLessThanOrEqual(highWaterMarkBytes);
    await expect.poll(() => received, { timeout: 10_000 }).toBe(sent);
  });

  it('drops a peer that does not read once maxBufferedBytes are buffered (LimitExceeded, then onclose)', async () => {
    const maxBufferedBytes = 1 << 20;
    const { listener, next } = await recordingServer({ highWaterMarkBytes: 64 * 1024, maxBufferedBytes });
    const socket = await rawClient(listener.url, { maxPayload: 1 << 20 });
    const { transport, recorder } = await next();
    socket.pause();
    const sends: Promise<unknown>[] = [];
    // Not awaited: a server answering many requests does not wait for each answer to drain either.
    for (let i = 0; i < 400 && recorder.errors.length === 0; i++) {
      sends.push(
        transport.send(big(i)).then(
          () => 'sent',
          (error: { code?: string }) => error.code,
        ),
      );
    }
    expect(recorder.errors).toHaveLength(1);
    expect(recorder.errors[0]).toMatchObject({
      code: TransportErrorCode.LimitExceeded,
      details: { limit: { name: 'maxBufferedBytes', value: maxBufferedBytes } },
    });
    const outcomes = await Promise.all(sends);
    // The send that crossed the cap names the limit; the ones still waiting learn the connection closed.
    expect(outcomes.at(-1)).toBe(TransportErrorCode.LimitExceeded);
    expect(outcomes.filter((outcome) => outcome === TransportErrorCode.Closed).length).toBeGreaterThan(0);
    await recorder.waitForClose();
    expect(recorder.closeCount).toBe(1);
    expect(transport.closeCode).toBe(1008);
    expect(transport.bufferedAmount).toBe(0);
    await expect(transport.send(big(0))).rejects.toMatchObject({ code: TransportErrorCode.Closed });
    expect(listener.handler.stats.sessions).toBe(0);
    // The close frame was queued behind what the peer never read, and dropped with it.
    const closed = once(socket, 'close');
    socket.resume();
    const [code] = (await closed) as [number];
    expect(code).toBe(1006);
  });
});

describe('a client that sends many large requests but reads its answers slowly', () => {
  it('is served without being dropped: the server stops reading while its answers wait', async () => {
    const server = new McpServer({ name: 'echo', version: '1.0.0' });
    server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
      content: [{ type: 'text', text }],
    }));
    const errors: Error[] = [];
    server.onerror = (error) => errors.push(error);
    // 40 answers of 256 KiB are 10 MiB, more than twice the cap, were they all produced before any was read.
    const { url } = await listen({ server, highWaterMarkBytes: 256 * 1024, maxBufferedBytes: 4 << 20 });
    const socket = await rawClient(url);
    socket.send(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: {
          protocolVersion: '2025-11-25',
          capabilities: {},
          clientInfo: { name: 'raw', version: '1' },
        },
      }),
    );
    await nextJson(socket);
    socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    let answers = 0;
    socket.on('message', () => {
      answers++;
    });
    socket.pause();
    const text = 't'.repeat(CHUNK);
    const sent: Promise<void>[] = [];
    for (let id = 1; id <= 40; id++) {
      const request = {
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'echo', arguments: { text } },
      };
      sent.push(new Promise((resolve) => socket.send(JSON.stringify(request), () => resolve())));
    }
    // Everything the server would read, it had the time to: a round trip on another connection.
    const probe = await rawClient(url);
    probe.ping();
    await once(probe, 'pong');
    expect(errors).toEqual([]);
    socket.resume();
    await Promise.all(sent);
    await expect.poll(() => answers, { timeout: 10_000 }).toBe(40);
    expect(errors).toEqual([]);
    expect(socket.readyState).toBe(socket.OPEN);
  });
});
