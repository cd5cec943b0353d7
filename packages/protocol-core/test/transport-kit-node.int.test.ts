// The Node-only part of the kit: a node:http server on port 0, and request bodies under a limit.
import { request as httpRequest, createServer, type IncomingMessage } from 'node:http';
import type { BodyRead } from '@mcpwire/protocol-core/transport-kit';
import { listenOn, readNodeBody, sendText } from '@mcpwire/protocol-core/transport-kit/node';
import { afterEach, describe, expect, it } from 'vitest';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A server answering each POST with what `readNodeBody` made of its body. */
async function bodyServer(limit: number): Promise<string> {
  const bound = await listenOn(
    createServer((req: IncomingMessage, res) => {
      void readNodeBody(req, limit).then((read: BodyRead) => sendText(res, 200, JSON.stringify(read)));
    }),
  );
  closers.push(bound.close);
  return bound.urlOf('http', '/');
}

function post(url: string, body: Buffer | string, chunked = false): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: chunked ? { 'transfer-encoding': 'chunked' } : {},
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('listenOn', () => {
  it('listens on a free port, names its URL, and closes with keep-alive sockets open', async () => {
    const bound = await listenOn(createServer((_, res) => sendText(res, 404, 'Not Found')));
    expect(bound.port).toBeGreaterThan(0);
    expect(bound.urlOf('ws', '/ws')).toBe(`ws://127.0.0.1:${bound.port}/ws`);
    const response = await fetch(bound.urlOf('http', '/x'));
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe('Not Found');
    await bound.close();
    await expect(fetch(bound.urlOf('http', '/x'))).rejects.toThrow();
  });

  it('runs closeFirst before it stops listening', async () => {
    const order: string[] = [];
    const httpServer = createServer();
    httpServer.on('close', () => order.push('server closed'));
    const bound = await listenOn(httpServer, {}, async () => {
      order.push(`closeFirst (listening: ${httpServer.listening})`);
    });
    await bound.close();
    expect(order).toEqual(['closeFirst (listening: true)', 'server closed']);
  });

  it('brackets an IPv6 host, and rejects with the listen error', async () => {
    const first = await listenOn(createServer(), { host: '::1' }).catch(() => undefined);
    if (first !== undefined) {
      closers.push(first.close);
      expect(first.urlOf('http', '/mcp')).toBe(`http://[::1]:${first.port}/mcp`);
    }
    const taken = await listenOn(createServer());
    closers.push(taken.close);
    await expect(listenOn(createServer(), { port: taken.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});

describe('readNodeBody', () => {
  it('reads UTF-8 text within the limit, declared or chunked', async () => {
    const url = await bodyServer(10);
    expect(await post(url, 'héllo')).toEqual({ kind: 'text', text: 'héllo' });
    expect(await post(url, 'héllo', true)).toEqual({ kind: 'text', text: 'héllo' });
  });

  it('refuses a body over the limit, declared or chunked, and bad UTF-8', async () => {
    const url = await bodyServer(4);
    expect(await post(url, 'hello')).toEqual({ kind: 'too-large' });
    expect(await post(url, 'hello', true)).toEqual({ kind: 'too-large' });
    expect(await post(url, Buffer.from([0xff, 0xfe]))).toEqual({ kind: 'bad-encoding' });
  });
});
