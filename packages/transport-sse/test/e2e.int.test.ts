// Our McpClient and McpServer end to end over the HTTP+SSE wire: tools/call in the legacy era
// (initialize) and with a 2026-07-28 client (this wire carries whatever era the client speaks).
import { request } from 'node:http';
import { McpClient, type TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { settle, TransportRecorder } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import { createSseClientTransport, listenSse, type SseServerTransport } from '../src/index.js';
import { createSseClientTransport as createFetchTransport } from '../src/fetch.js';
import { onCleanup, testServer } from './support/fixtures.js';

async function listening() {
  const listener = await listenSse({ server: testServer() });
  onCleanup(() => listener.close());
  return listener;
}

describe('McpClient ↔ McpServer over HTTP+SSE', () => {
  it.each(['legacy', 'modern'] as const)('calls a tool in the %s era (undici client)', async (era) => {
    const listener = await listening();
    const client = new McpClient({ name: 'e2e', version: '1.0.0' }, { era });
    onCleanup(() => client.close());
    const transport = createSseClientTransport({ url: listener.url });
    await client.connect(transport);
    expect(client.era).toBe(era);
    expect(transport.endpoint?.searchParams.get('sessionId')).toMatch(/^[0-9a-f-]{36}$/);
    // No sessionId property: the SDK's Client would take it for a reconnection and skip initialize.
    expect('sessionId' in transport).toBe(false);
    expect(listener.handler.stats.sessions).toBe(1);
    const result = await client.callTool({ name: 'echo', arguments: { text: `hi ${era}` } });
    expect(result.content).toEqual([{ type: 'text', text: `hi ${era}` }]);
    const who = await client.callTool({ name: 'whoami', arguments: {} });
    expect(JSON.parse((who.content[0] as { text: string }).text)).toMatchObject({ era });
  });

  it('calls a tool with the auto-detecting client over the fetch entry', async () => {
    const listener = await listening();
    const client = new McpClient({ name: 'e2e', version: '1.0.0' });
    onCleanup(() => client.close());
    await client.connect(createFetchTransport({ url: listener.url }));
    const result = await client.callTool({ name: 'echo', arguments: { text: 'fetch' } });
    expect(result.content).toEqual([{ type: 'text', text: 'fetch' }]);
  });
});

describe('close paths: nothing pending is lost silently', () => {
  /** A server whose `hang` tool answers only when released; `started` resolves when a call arrived. */
  async function hangingServer() {
    const server = testServer();
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived!: () => void;
    const started = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    server.registerTool('hang', {}, async () => {
      arrived();
      await released;
      return { content: [{ type: 'text', text: 'late' }] };
    });
    onCleanup(() => release());
    const listener = await listenSse({ server });
    onCleanup(() => listener.close());
    return { listener, started };
  }

  it('closing the client mid-call rejects the call and fires onclose once; the server ends the session', async () => {
    const { listener, started } = await hangingServer();
    const client = new McpClient({ name: 'e2e', version: '1.0.0' }, { era: 'legacy' });
    let closes = 0;
    client.onclose = () => closes++;
    await client.connect(createSseClientTransport({ url: listener.url }));
    const call = client.callTool({ name: 'hang', arguments: {} }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await started;
    await client.close();
    expect(await call).toBeInstanceOf(Error);
    expect(closes).toBe(1);
    // The server saw the stream go: its session is gone.
    while (listener.handler.stats.sessions > 0) await settle(5);
    expect(listener.handler.stats.sessionsCreated).toBe(1);
  });

  it('the server closing while calls are pending fails them at once, with an error', async () => {
    const { listener, started } = await hangingServer();
    const client = new McpClient({ name: 'e2e', version: '1.0.0' }, { era: 'legacy' });
    onCleanup(() => client.close());
    let closes = 0;
    client.onclose = () => closes++;
    await client.connect(createSseClientTransport({ url: listener.url }));
    const calls = [1, 2, 3].map(() =>
      client.callTool({ name: 'hang', arguments: {} }).then(
        () => 'resolved',
        (error: unknown) => error,
      ),
    );
    await started;
    await listener.handler.close();
    const outcomes = await Promise.all(calls);
    for (const outcome of outcomes) expect(outcome).toBeInstanceOf(Error);
    expect(closes).toBe(1);
  });
});

describe('a client that stops reading (real sockets)', () => {
  it('is cut at maxStreamBufferBytes: LimitExceeded on the session, which closes', async () => {
    let session!: SseServerTransport;
    let connected!: () => void;
    const ready = new Promise<void>((resolve) => {
      connected = resolve;
    });
    const listener = await listenSse({
      maxStreamBufferBytes: 256 * 1024,
      keepAliveMs: 0,
      server: async (transport) => {
        session = transport;
        await transport.start();
        connected();
      },
    });
    onCleanup(() => listener.close());
    // A raw GET whose response is never read: the socket's buffers fill, then Node's.
    const req = request(listener.url, { headers: { accept: 'text/event-stream' } });
    req.on('response', (res) => res.pause());
    req.on('error', () => {});
    req.end();
    onCleanup(() => {
      req.destroy();
    });
    await ready;
    const recorder = new TransportRecorder(session);
    const big = {
      jsonrpc: '2.0' as const,
      method: 'notifications/message',
      params: { data: 'z'.repeat(128 * 1024) },
    };
    // Not awaited, as a server firing notifications does: the cap, not drain, bounds the memory.
    for (let i = 0; i < 2000 && !session.closed; i++) session.send(big).catch(() => {});
    expect(session.closed).toBe(true);
    await recorder.waitForClose();
    expect(recorder.errors.map((error) => (error as TransportError).code)).toEqual([
      TransportErrorCode.LimitExceeded,
    ]);
    expect(listener.handler.stats).toMatchObject({ sessions: 0, overflows: 1 });
  });
});
