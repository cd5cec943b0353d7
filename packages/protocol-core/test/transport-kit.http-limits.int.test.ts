// createHttpServer: slow headers, slow bodies and socket floods are cut by default-bounded limits,
// while a response that streams for longer than the request timeout is left alone.
import { connect, type Socket } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, DEFAULT_HTTP_SERVER_LIMITS, listenOn } from '../src/transport-kit/node.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(server: Server): Promise<number> {
  const bound = await listenOn(server, { port: 0 });
  closers.push(bound.close);
  return bound.port;
}

/** A raw socket, and a promise of everything it read until the server closed it. */
async function rawSocket(port: number): Promise<{ socket: Socket; closed: Promise<string> }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let text = '';
  socket.on('data', (chunk) => {
    text += chunk.toString();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(text)));
  closers.push(async () => void socket.destroy());
  return { socket, closed };
}

describe('createHttpServer', () => {
  it('has bounded defaults', () => {
    expect(DEFAULT_HTTP_SERVER_LIMITS).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 10_000,
    });
    const server = createHttpServer(() => undefined);
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(30_000);
    expect(server.keepAliveTimeout).toBe(5_000);
    expect(server.maxConnections).toBe(10_000);
  });

  it('cuts a client that sends its headers too slowly (408)', async () => {
    const port = await serve(createHttpServer((_req, res) => res.end('ok'), { headersTimeoutMs: 300 }));
    const { socket, closed } = await rawSocket(port);
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts a client that sends its body too slowly (408)', async () => {
    const port = await serve(
      createHttpServer((req, res) => req.resume().on('end', () => res.end('ok')), {
        headersTimeoutMs: 200,
        requestTimeoutMs: 400,
      }),
    );
    const { socket, closed } = await rawSocket(port);
    socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"partial":');
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('leaves a response streaming past the request timeout alone', async () => {
    const port = await serve(
      createHttpServer(
        (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write('first ');
          setTimeout(() => res.end('last'), 1_200);
        },
        { headersTimeoutMs: 200, requestTimeoutMs: 400 },
      ),
    );
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(await response.text()).toBe('first last');
  });

  it('closes sockets beyond maxConnections as they arrive', async () => {
    const port = await serve(createHttpServer((_req, res) => res.end('ok'), { maxConnections: 2 }));
    await rawSocket(port);
    await rawSocket(port);
    const third = await rawSocket(port);
    expect(await third.closed).toBe('');
  });

  it('refuses limits that are not positive integers, and headers allowed longer than the request', () => {
    expect(() => createHttpServer(() => undefined, { maxConnections: 0 })).toThrow(/maxConnections/);
    expect(() => createHttpServer(() => undefined, { headersTimeoutMs: 1.5 })).toThrow(RangeError);
    expect(() =>
      createHttpServer(() => undefined, { headersTimeoutMs: 5000, requestTimeoutMs: 1000 }),
    ).toThrow(/must not exceed requestTimeoutMs/);
  });
});
