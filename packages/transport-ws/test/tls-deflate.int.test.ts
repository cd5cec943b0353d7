// wss: (TLS) and permessage-deflate, end to end. The server attaches to an https.Server; the client
// verifies its certificate against a private CA given in `tls` (test/fixtures holds a self-signed
// localhost certificate made for these tests only). Compression is off unless both sides ask for it,
// and `maxMessageBytes` bounds the inflated size, so a small compressed frame cannot blow up.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { McpClient, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createWebSocketClientTransport, createWebSocketHandler } from '../src/index.js';
import { closing, listen, onCleanup, testServer, useCleanup } from './support/helpers.js';

useCleanup();

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const cert = fixture('localhost-cert.pem');
const key = fixture('localhost-key.pem');

/** An https.Server on 127.0.0.1 with our endpoint at /ws; its wss: URL for `localhost`. */
async function wssEndpoint(): Promise<string> {
  const https = createHttpsServer({ cert, key });
  const endpoint = createWebSocketHandler({ server: testServer(), httpServer: https, path: '/ws' });
  https.listen(0, '127.0.0.1');
  await once(https, 'listening');
  onCleanup(async () => {
    await endpoint.close();
    https.closeAllConnections();
    await new Promise<void>((resolve) => https.close(() => resolve()));
  });
  return `wss://localhost:${(https.address() as AddressInfo).port}/ws`;
}

async function connect(
  options: Parameters<typeof createWebSocketClientTransport>[0],
  era: 'legacy' | 'modern' = 'legacy',
): Promise<McpClient> {
  const client = new McpClient({ name: 'tls-test', version: '1.0.0' }, { era });
  await client.connect(closing(createWebSocketClientTransport(options)));
  onCleanup(() => client.close());
  return client;
}

describe('wss:', () => {
  it.each([
    'legacy',
    'modern',
  ] as const)('%s: connects through TLS with a private CA given in `tls`', async (era) => {
    const url = await wssEndpoint();
    const client = await connect({ url, tls: { ca: cert } }, era);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'über TLS' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo:über TLS' }]);
    const whoami = await client.callTool({ name: 'whoami', arguments: {} });
    expect(JSON.parse((whoami.content[0] as { text: string }).text).url).toMatch(
      /^wss:\/\/localhost:\d+\/ws$/,
    );
  });

  it('refuses a certificate it cannot verify, with a typed error', async () => {
    const url = await wssEndpoint();
    const client = new McpClient({ name: 'tls-test', version: '1.0.0' }, { era: 'legacy' });
    const error = await client.connect(createWebSocketClientTransport({ url })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe(TransportErrorCode.Network);
    expect(String((error as TransportError).cause ?? (error as Error).message)).toMatch(
      /self[- ]signed|certificate/i,
    );
  });
});

describe('permessage-deflate', () => {
  /** What a raw `ws` peer offering compression gets from a server with `perMessageDeflate`. */
  async function negotiated(perMessageDeflate: boolean | undefined): Promise<string> {
    const { url } = await listen({
      server: testServer(),
      ...(perMessageDeflate === undefined ? {} : { perMessageDeflate }),
    });
    const peer = new WebSocket(url, ['mcp'], { perMessageDeflate: true });
    onCleanup(() => peer.terminate());
    await once(peer, 'open');
    return peer.extensions;
  }

  it('is off unless the server enables it, and negotiated when both sides ask', async () => {
    expect(await negotiated(undefined)).toBe('');
    expect(await negotiated(true)).toMatch(/^permessage-deflate/);
  });

  it('carries calls compressed end to end, a 1 MiB argument included', async () => {
    const { url } = await listen({ server: testServer(), perMessageDeflate: true });
    const client = await connect({ url, perMessageDeflate: true });
    const big = 'compressible '.repeat(80_000);
    const result = await client.callTool({ name: 'echo', arguments: { text: big } });
    expect(result.content).toEqual([{ type: 'text', text: `echo:${big}` }]);
  });

  it('bounds the inflated size: a small frame that inflates past maxMessageBytes closes with 1009', async () => {
    const { url } = await listen({
      server: testServer(),
      perMessageDeflate: true,
      maxMessageBytes: 64 * 1024,
    });
    const peer = new WebSocket(url, ['mcp'], { perMessageDeflate: true });
    onCleanup(() => peer.terminate());
    await once(peer, 'open');
    const bomb = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'ping',
      params: { pad: 'a'.repeat(1024 * 1024) },
    });
    // The premise: compressed, the message is far under the limit; only inflated is it over.
    expect(deflateRawSync(bomb).length).toBeLessThan(8 * 1024);
    peer.send(bomb, { compress: true });
    const [code] = (await once(peer, 'close')) as [number];
    expect(code).toBe(1009);
  });
});
