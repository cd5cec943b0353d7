// What each kind of frame does to a connection: bad JSON and bad envelopes are answered and the socket
// keeps serving; oversized (1009), invalid UTF-8 (1007) and binary (1003) frames close it; close codes
// received become typed errors; the server's close() says 1001.
import { once } from 'node:events';
import { McpClient, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { TransportRecorder } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createWebSocketClientTransport } from '../src/index.js';
import {
  closeOf,
  closing,
  listen,
  nextJson,
  rawClient,
  rawServer,
  recordingServer,
  testServer,
  useCleanup,
} from './support/helpers.js';

useCleanup();

describe('malformed text frames', () => {
  it('answers bad JSON with -32700 (id null), reports it, and the socket keeps serving', async () => {
    const server = testServer();
    const errors: Error[] = [];
    server.onerror = (error) => errors.push(error);
    const { url } = await listen({ server });
    const socket = await rawClient(url);
    socket.send('{"jsonrpc":"2.0","id":1,"method":');
    expect(await nextJson(socket)).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    socket.send('{"jsonrpc":"2.0","id":"x","method":7}');
    expect(await nextJson(socket)).toMatchObject({ jsonrpc: '2.0', id: 'x', error: { code: -32600 } });
    socket.send('{"jsonrpc":"2.0","id":2,"method":"ping"}');
    expect(await nextJson(socket)).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
    expect(errors.map((error) => (error as TransportError).code)).toEqual([
      TransportErrorCode.Parse,
      TransportErrorCode.InvalidMessage,
    ]);
    expect((errors[0] as TransportError).details.excerpt).toContain('"method":');
    expect(socket.readyState).toBe(socket.OPEN);
  });

  it('does not answer a malformed response (no error loop between peers), but reports it', async () => {
    const { url, next } = await recordingServer().then(({ listener, next }) => ({ url: listener.url, next }));
    const socket = await rawClient(url);
    const { recorder } = await next();
    socket.send('{"jsonrpc":"2.0","id":3,"result":"not an object"}');
    socket.send('{"jsonrpc":"2.0","method":"notifications/initialized"}');
    await recorder.waitForMessages(1);
    expect(recorder.errors).toHaveLength(1);
    expect(recorder.errors[0]).toMatchObject({ code: TransportErrorCode.InvalidMessage });
    // The connection carries the upgrade request with each message.
    expect(recorder.extras[0]?.requestInfo?.url?.href).toBe(url);
    expect(recorder.extras[0]?.requestInfo?.remoteAddress).toBe('127.0.0.1');
    let answered = false;
    socket.once('message', () => {
      answered = true;
    });
    socket.send('{"jsonrpc":"2.0","id":4,"method":"ping"}');
    await recorder.waitForMessages(2);
    expect(answered).toBe(false);
  });
});

describe('frames that close the connection', () => {
  it('closes with 1009 above maxMessageBytes (and accepts exactly the limit)', async () => {
    const { listener, next } = await recordingServer({ maxMessageBytes: 1024 });
    const socket = await rawClient(listener.url);
    const { recorder, transport } = await next();
    const exact = JSON.stringify({ jsonrpc: '2.0', method: 'pad', params: { pad: '' } });
    socket.send(exact.replace('"pad":""', `"pad":"${'x'.repeat(1024 - exact.length)}"`));
    await recorder.waitForMessages(1);
    const closed = closeOf(socket);
    socket.send(`"${'x'.repeat(1100)}"`);
    expect((await closed).code).toBe(1009);
    await recorder.waitForClose();
    expect(recorder.errors).toHaveLength(1);
    expect(recorder.errors[0]).toMatchObject({
      code: TransportErrorCode.MessageTooLarge,
      details: { limit: { name: 'maxMessageBytes', value: 1024 } },
    });
    expect(recorder.closeCount).toBe(1);
    await expect(transport.send({ jsonrpc: '2.0', method: 'late' })).rejects.toMatchObject({
      code: TransportErrorCode.Closed,
    });
  });

  it('closes with 1007 on a text frame that is not UTF-8', async () => {
    const { listener, next } = await recordingServer();
    const socket = await rawClient(listener.url);
    const { recorder } = await next();
    const closed = closeOf(socket);
    // `ws` sends a Buffer as a text frame as is, without checking it.
    socket.send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { binary: false });
    expect((await closed).code).toBe(1007);
    await recorder.waitForClose();
    expect(recorder.errors.map((error) => (error as TransportError).code)).toEqual([
      TransportErrorCode.InvalidMessage,
    ]);
    expect(recorder.errors[0]?.message).toContain('UTF-8');
    expect(recorder.messages).toEqual([]);
  });

  it('refuses binary frames with 1003', async () => {
    const { listener, next } = await recordingServer();
    const socket = await rawClient(listener.url);
    const { recorder } = await next();
    const closed = closeOf(socket);
    socket.send(Buffer.from('{"jsonrpc":"2.0","method":"x"}'), { binary: true });
    const { code, reason } = await closed;
    expect([code, reason]).toEqual([1003, 'text frames only']);
    await recorder.waitForClose();
    expect(recorder.errors[0]).toMatchObject({ code: TransportErrorCode.InvalidMessage });
    expect(recorder.messages).toEqual([]);
  });

  it('our client closes with 1009 when the server sends more than its maxMessageBytes', async () => {
    let serverSide!: WebSocket;
    const { url } = await rawServer((socket) => {
      serverSide = socket;
    });
    const transport = closing(createWebSocketClientTransport({ url, maxMessageBytes: 100 }));
    const recorder = new TransportRecorder(transport);
    await transport.start();
    const closed = closeOf(serverSide);
    serverSide.send(JSON.stringify({ jsonrpc: '2.0', method: 'big', params: { pad: 'y'.repeat(200) } }));
    expect((await closed).code).toBe(1009);
    await recorder.waitForClose();
    expect(recorder.errors[0]).toMatchObject({
      code: TransportErrorCode.MessageTooLarge,
      details: { limit: { value: 100 } },
    });
    expect(transport.closeCode).toBe(1009);
  });
});

describe('close codes received', () => {
  async function closedBy(act: (socket: WebSocket) => void) {
    let serverSide!: WebSocket;
    const { url } = await rawServer((socket) => {
      serverSide = socket;
    });
    const transport = closing(createWebSocketClientTransport({ url }));
    const recorder = new TransportRecorder(transport);
    await transport.start();
    act(serverSide);
    await recorder.waitForClose();
    return { transport, recorder };
  }

  it('maps them to TransportError codes through onerror, before the one onclose', async () => {
    const normal = await closedBy((socket) => socket.close(1000));
    expect(normal.recorder.errors).toEqual([]);
    const away = await closedBy((socket) => socket.close(1001, 'restart'));
    expect(away.recorder.errors).toEqual([]);
    expect([away.transport.closeCode, away.transport.closeReason]).toEqual([1001, 'restart']);
    const tooBig = await closedBy((socket) => socket.close(1009, 'too big'));
    expect(tooBig.recorder.errors[0]).toMatchObject({ code: TransportErrorCode.MessageTooLarge });
    const refused = await closedBy((socket) => socket.close(1003));
    expect(refused.recorder.errors[0]).toMatchObject({ code: TransportErrorCode.InvalidMessage });
    const custom = await closedBy((socket) => socket.close(4000, 'bye'));
    expect(custom.recorder.errors[0]).toMatchObject({ code: TransportErrorCode.Closed });
    expect(custom.recorder.errors[0]?.message).toContain('4000: bye');
    const dropped = await closedBy((socket) => socket.terminate());
    expect(dropped.recorder.errors[0]).toMatchObject({ code: TransportErrorCode.Network });
    expect(dropped.transport.closeCode).toBe(1006);
    for (const { recorder } of [normal, away, tooBig, refused, custom, dropped]) {
      expect(recorder.closeCount).toBe(1);
    }
  });
});

describe('server shutdown and failures', () => {
  it('close() says 1001 to every client, rejects their pending requests, and resolves once all closed', async () => {
    const server = testServer();
    let release!: () => void;
    server.registerTool('wait', {}, async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { content: [] };
    });
    const listener = await listen({ server });
    const clients = await Promise.all(
      [1, 2].map(async () => {
        const transport = createWebSocketClientTransport({ url: listener.url });
        const client = new McpClient({ name: 'shutdown-test', version: '1.0.0' }, { era: 'legacy' });
        await client.connect(transport);
        return { client, transport };
      }),
    );
    const first = clients[0]!;
    // Caught at once: the rejection comes during close(), before the assertion looks at it.
    const pending = first.client.callTool({ name: 'wait', arguments: {} }).catch((e: unknown) => e);
    await expect.poll(() => typeof release).toBe('function');
    expect(listener.handler.stats.sessions).toBe(2);
    await listener.close();
    expect(listener.handler.stats.sessions).toBe(0);
    const error = await pending;
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe(TransportErrorCode.Closed);
    for (const { transport } of clients) expect(transport.closeCode).toBe(1001);
    release();
  });

  it('closes with 1011 when the MCP server fails to take a connection, and reports it', async () => {
    const errors: Error[] = [];
    const { url } = await listen({
      server: () => {
        throw new Error('no capacity');
      },
      onerror: (error) => errors.push(error),
    });
    const socket = await rawClient(url);
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(1011);
    expect(errors.map((error) => error.message)).toEqual([
      'The MCP server failed to take a WebSocket connection: no capacity',
    ]);
  });
});
