// The shared Transport suite, twice over real sockets: our server's connection against a wrapped raw
// `ws` client, and our client transport against a wrapped socket of a raw `ws` server. Raw frames are
// injected from the raw socket of the other end.
import { once } from 'node:events';
import { describeTransportSuite } from '@mcpwire/test-utils';
import { WebSocket, WebSocketServer } from 'ws';
import {
  createWebSocketClientTransport,
  createWebSocketTransport,
  listenWebSocket,
  type WebSocketTransport,
} from '../src/index.js';
import { DeferredTransport } from './support/deferred.js';

function sender(socket: WebSocket): (raw: string) => Promise<void> {
  return (raw) =>
    new Promise((resolve, reject) => socket.send(raw, (error) => (error ? reject(error) : resolve())));
}

// A frame over maxMessageBytes closes the connection with 1009 (it cannot be skipped): the harnesses say
// so with `oversizeCloses`, and the suite's size case checks that instead of the connection staying usable.
const LIMIT = 64 * 1024;

describeTransportSuite('ws: server connection ↔ wrapped ws client', async () => {
  let accept!: (transport: WebSocketTransport) => void;
  const accepted = new Promise<WebSocketTransport>((resolve) => {
    accept = resolve;
  });
  const listener = await listenWebSocket({
    server: (transport) => accept(transport),
    maxMessageBytes: LIMIT,
  });
  const socket = new WebSocket(listener.url, ['mcp']);
  socket.on('error', () => {});
  const b = createWebSocketTransport({ socket });
  await once(socket, 'open');
  const a = await accepted;
  return {
    a,
    b,
    injectRawToA: sender(socket),
    answersMalformedFrames: true,
    rawFrameTerminator: '',
    maxMessageBytes: LIMIT,
    oversizeCloses: true,
    // Waits end as soon as the message comes; a loaded CI machine may need more than the default 5 s.
    waitTimeoutMs: 15_000,
    dispose: () => listener.close(),
  };
});

describeTransportSuite('ws: client transport ↔ wrapped ws server socket', async () => {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
  let accept!: (socket: WebSocket) => void;
  const accepted = new Promise<WebSocket>((resolve) => {
    accept = resolve;
  });
  server.on('connection', (socket) => {
    socket.on('error', () => {});
    accept(socket);
  });
  const { port } = server.address() as { port: number };
  const a = createWebSocketClientTransport({ url: `ws://127.0.0.1:${port}`, maxMessageBytes: LIMIT });
  // The server side's transport wraps the socket as soon as it is accepted, so nothing it gets is lost.
  const wrapped = accepted.then((socket) => ({ socket, transport: createWebSocketTransport({ socket }) }));
  return {
    a,
    b: new DeferredTransport(wrapped.then(({ transport }) => transport)),
    injectRawToA: async (raw) => sender((await wrapped).socket)(raw),
    answersMalformedFrames: true,
    rawFrameTerminator: '',
    maxMessageBytes: LIMIT,
    oversizeCloses: true,
    // Waits end as soon as the message comes; a loaded CI machine may need more than the default 5 s.
    waitTimeoutMs: 15_000,
    dispose: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
});
