/** Test helpers: servers on port 0 cleaned up after each test, raw upgrades, raw `ws` peers. */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { type IncomingHttpHeaders, request } from 'node:http';
import { McpServer, type Transport } from '@mcpwire/protocol-core';
import { afterEach } from 'vitest';
import { type ClientOptions, WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { TransportRecorder } from '@mcpwire/test-utils';
import {
  type ListenWebSocketOptions,
  listenWebSocket,
  type WebSocketConnectionInfo,
  type WebSocketListener,
  type WebSocketTransport,
} from '../../src/index.js';

const cleanups: (() => Promise<void> | void)[] = [];

/** Registers the cleanup hook in the calling test file: everything opened is closed after each test. */
export function useCleanup(): void {
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
}

/** Runs `cleanup` after the current test. */
export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

/** Our McpServer with the tools the end-to-end tests call. */
export function testServer(): McpServer {
  const server = new McpServer({ name: 'ws-test', version: '1.0.0' });
  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text: `echo:${text}` }],
  }));
  server.registerTool('whoami', {}, (_args, ctx) => ({
    content: [
      {
        type: 'text',
        text: JSON.stringify({
          authInfo: ctx.authInfo ?? null,
          era: ctx.era,
          url: ctx.requestInfo?.url?.href ?? null,
          authorization: ctx.requestInfo?.headers['authorization'] ?? null,
        }),
      },
    ],
  }));
  return server;
}

/** `listenWebSocket` on port 0, closed after the test. */
export async function listen(options: ListenWebSocketOptions): Promise<WebSocketListener> {
  const listener = await listenWebSocket(options);
  onCleanup(() => listener.close());
  return listener;
}

/** A transport closed after the test. */
export function closing<T extends Transport>(transport: T): T {
  onCleanup(() => transport.close());
  return transport;
}

/** What a raw upgrade request got: refused with a status, or switched (then the socket is destroyed). */
export interface UpgradeOutcome {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends a WebSocket upgrade request by hand, so every header (Host, Origin, protocols) is ours to set. */
export function rawUpgrade(
  url: string,
  headers: Record<string, string> = {},
  options: { protocol?: string | null; setHost?: boolean } = {},
): Promise<UpgradeOutcome> {
  const target = new URL(url);
  const protocol = options.protocol === undefined ? 'mcp' : options.protocol;
  return new Promise((resolve, reject) => {
    const req = request({
      hostname: target.hostname,
      port: target.port,
      path: `${target.pathname}${target.search}`,
      setHost: options.setHost ?? true,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        ...(protocol === null ? {} : { 'sec-websocket-protocol': protocol }),
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A raw `ws` client offering `mcp`, open, closed (terminated) after the test. */
export async function rawClient(url: string, options: ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, ['mcp'], options);
  onCleanup(() => socket.terminate());
  socket.on('error', () => {});
  await once(socket, 'open');
  return socket;
}

/** The next text message a raw socket receives, parsed. */
export async function nextJson(socket: WebSocket): Promise<unknown> {
  const [data] = (await once(socket, 'message')) as [Buffer, boolean];
  return JSON.parse(data.toString('utf8')) as unknown;
}

/** Resolves with the close code and reason a raw socket gets. */
export async function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  if (socket.readyState === WebSocket.CLOSED) throw new Error('already closed: listen before closing');
  const [code, reason] = (await once(socket, 'close')) as [number, Buffer];
  return { code, reason: reason.toString() };
}

/** A raw `ws` server on port 0 whose accepted sockets go to `onSocket`; closed after the test. */
export async function rawServer(
  onSocket: (socket: WebSocket) => void,
  options: { autoPong?: boolean } = {},
): Promise<{ url: string; server: WebSocketServer }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', autoPong: options.autoPong ?? true });
  server.on('connection', (socket) => {
    socket.on('error', () => {});
    onSocket(socket);
  });
  await once(server, 'listening');
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}`, server };
}

/** One connection a recording server accepted, started, with its recorder. */
export interface Accepted {
  transport: WebSocketTransport;
  info: WebSocketConnectionInfo;
  recorder: TransportRecorder;
}

/** A server whose connections are recorded and started; `next()` is the next one accepted. */
export async function recordingServer(
  options: Omit<ListenWebSocketOptions, 'server'> = {},
): Promise<{ listener: WebSocketListener; next: () => Promise<Accepted> }> {
  const waiting: ((accepted: Accepted) => void)[] = [];
  const ready: Accepted[] = [];
  const listener = await listen({
    ...options,
    server: async (transport, info) => {
      const accepted = { transport, info, recorder: new TransportRecorder(transport) };
      await transport.start();
      const waiter = waiting.shift();
      if (waiter !== undefined) waiter(accepted);
      else ready.push(accepted);
    },
  });
  const next = (): Promise<Accepted> => {
    const accepted = ready.shift();
    return accepted !== undefined
      ? Promise.resolve(accepted)
      : new Promise((resolve) => waiting.push(resolve));
  };
  return { listener, next };
}
