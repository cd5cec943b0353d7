// The `./browser` client driven with an injected WHATWG-style WebSocket (the `ws` package's class; Node
// 20 has no global one) against our server, and against a raw server for what a browser must check
// itself: the size limit (by length), binary frames, refused upgrades (no status in browsers).
import { McpClient, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { TransportRecorder } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createWebSocketClientTransport } from '../src/browser.js';
import { closeOf, closing, listen, onCleanup, rawServer, testServer, useCleanup } from './support/helpers.js';

useCleanup();

describe('the browser client', () => {
  it('carries McpClient tools/call in both eras against our server', async () => {
    const { url } = await listen({ server: testServer() });
    for (const era of ['legacy', 'modern'] as const) {
      const client = new McpClient({ name: 'browser', version: '1.0.0' }, { era });
      await client.connect(closing(createWebSocketClientTransport({ url, WebSocket })));
      onCleanup(() => client.close());
      const result = await client.callTool({ name: 'echo', arguments: { text: `é ${era}` } });
      expect(result.content).toEqual([{ type: 'text', text: `echo:é ${era}` }]);
    }
  });

  it('closes when a text is over maxMessageBytes in UTF-8 bytes (code 1000 + reason: browsers cannot send 1009)', async () => {
    let serverSide!: WebSocket;
    const { url } = await rawServer((socket) => {
      serverSide = socket;
    });
    const transport = closing(createWebSocketClientTransport({ url, WebSocket, maxMessageBytes: 64 }));
    const recorder = new TransportRecorder(transport);
    await transport.start();
    // 62 characters and 64 bytes: exactly the limit.
    const fits = JSON.stringify({ jsonrpc: '2.0', method: 'n', params: { t: 'éé'.padEnd(14, 'x') } });
    expect([fits.length, Buffer.byteLength(fits)]).toEqual([62, 64]);
    serverSide.send(fits);
    await recorder.waitForMessages(1);
    // 62 characters but 76 bytes: the length alone does not tell, the byte count does.
    const over = JSON.stringify({ jsonrpc: '2.0', method: 'n', params: { t: 'é'.repeat(14) } });
    expect([over.length, Buffer.byteLength(over)]).toEqual([62, 76]);
    const closed = closeOf(serverSide);
    serverSide.send(over);
    expect(await closed).toEqual({ code: 1000, reason: 'message too big' });
    await recorder.waitForClose();
    expect(recorder.errors[0]).toMatchObject({
      code: TransportErrorCode.MessageTooLarge,
      details: { limit: { value: 64 } },
    });
    expect(recorder.messages).toHaveLength(1);
  });

  it('refuses a binary frame', async () => {
    let serverSide!: WebSocket;
    const { url } = await rawServer((socket) => {
      serverSide = socket;
    });
    const transport = closing(createWebSocketClientTransport({ url, WebSocket }));
    const recorder = new TransportRecorder(transport);
    await transport.start();
    const closed = closeOf(serverSide);
    serverSide.send(Buffer.from('{}'), { binary: true });
    expect(await closed).toEqual({ code: 1000, reason: 'text frames only' });
    await recorder.waitForClose();
    expect(recorder.errors[0]).toMatchObject({ code: TransportErrorCode.InvalidMessage });
  });

  it('fails start() with Network when the upgrade is refused (browsers hide the status)', async () => {
    const { url } = await listen({ server: testServer() });
    // Refused 400 for want of the `mcp` subprotocol; a browser only sees the socket close.
    const refused = createWebSocketClientTransport({ url, WebSocket, protocols: ['not-mcp'] });
    const error = await refused.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe(TransportErrorCode.Network);
    expect((error as TransportError).message).toContain('closed before opening');
  });

  it('needs a WebSocket: the global one, or one injected', () => {
    const globals = globalThis as { WebSocket?: unknown };
    if (globals.WebSocket !== undefined) return;
    expect(() => createWebSocketClientTransport({ url: 'ws://127.0.0.1:1/ws' })).toThrow(
      /No global WebSocket/,
    );
  });
});
