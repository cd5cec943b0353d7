/**
 * Serves Streamable HTTP (both eras unless told otherwise) at `http://<host>:<port>/mcp`, HTTP+SSE at
 * `/sse` and WebSocket at `/ws` on the same port, and prints `listening http://<host>:<port>` on stdout
 * once ready. SIGINT/SIGTERM end every session, stream and socket, then the process exits.
 */
import type { AddressInfo } from 'node:net';
import { LOOPBACK_HOSTS, type McpServer, type ServerContext } from '@mcpwire/protocol-core';
import { pathOf } from '@mcpwire/protocol-core/transport-kit';
import { createHttpServer, sendText } from '@mcpwire/protocol-core/transport-kit/node';
import { createStreamableHttpHandler, type StreamableHttpHandler } from '@mcpwire/transport-http';
import { createSseHandler } from '@mcpwire/transport-sse';
import { createWebSocketHandler } from '@mcpwire/transport-ws';
import type { ServerEra } from '../server.js';
import type { Logger } from './stdio.js';

/** Where and what to serve. */
export interface HttpServeOptions {
  port: number;
  host: string;
  era: ServerEra;
}

/** How long a closed server may take to let go of its last handles before the process exits anyway. */
const EXIT_GRACE_MS = 1000;

/** Names that reach a loopback-bound server; a wildcard bind lets any of the machine's names in. */
const WILDCARDS: ReadonlySet<string> = new Set(['0.0.0.0', '::']);

/**
 * The hook behind `test_reconnection`: ends the HTTP stream of the request `ctx` serves. Set once the
 * handler exists; the server is built before it.
 */
export function streamCloser(): {
  close: (ctx: ServerContext) => boolean;
  attach: (handler: StreamableHttpHandler) => void;
} {
  let handler: StreamableHttpHandler | undefined;
  return {
    close: (ctx) => {
      const sessionId = ctx.requestInfo?.headers['mcp-session-id'];
      return typeof sessionId === 'string' && handler !== undefined
        ? handler.closeSseStream(sessionId, ctx.requestId)
        : false;
    },
    attach: (value) => {
      handler = value;
    },
  };
}

/** The paths of each transport on the one port. */
export const PATHS = {
  streamableHttp: '/mcp',
  sse: '/sse',
  sseMessages: '/messages',
  webSocket: '/ws',
} as const;

/**
 * Listens, prints the line, and resolves once a signal closed everything. One node:http server carries
 * every network transport: Streamable HTTP at /mcp, HTTP+SSE (2024-11-05) at GET /sse + POST /messages,
 * and WebSocket upgrades at /ws. Each refuses foreign Hosts and Origins the same way.
 */
export async function serveHttp(
  server: McpServer,
  options: HttpServeOptions,
  log: Logger,
  onHandler?: (handler: StreamableHttpHandler) => void,
): Promise<void> {
  const { host, port, era } = options;
  // Bound to a named interface, that name must pass the DNS-rebinding check too.
  const hosts =
    WILDCARDS.has(host) || ['127.0.0.1', 'localhost', '::1'].includes(host)
      ? {}
      : { allowedHosts: [...LOOPBACK_HOSTS, host.includes(':') ? `[${host}]` : host] };
  const onerror = (wire: string) => (error: Error) => log(`${wire} error: ${error.message}`);
  const streamable = createStreamableHttpHandler({
    server,
    // A modern-only server has no sessions: GET and DELETE are 405, every POST is a 2026-07-28 request.
    legacy: era !== 'modern',
    ...hosts,
    onerror: onerror('http'),
  });
  const sse = createSseHandler({
    server,
    ssePath: PATHS.sse,
    messagesPath: PATHS.sseMessages,
    ...hosts,
    onerror: onerror('sse'),
  });
  // Bounded timeouts and a socket cap (the kit's defaults): slow clients are cut, not kept for minutes.
  const httpServer = createHttpServer((req, res) => {
    if (sse.handleNode(req, res)) return;
    const path = pathOf(req.url);
    if (path === PATHS.streamableHttp) {
      void streamable.handleNode(req, res);
      return;
    }
    // A plain request where upgrades are served: say how to connect, as RFC 6455 servers do.
    if (path === PATHS.webSocket) {
      sendText(res, 426, 'Upgrade Required: connect with a WebSocket (subprotocol "mcp")', {
        upgrade: 'websocket',
        connection: 'Upgrade',
      });
      return;
    }
    sendText(res, 404, 'Not Found');
  });
  const webSocket = createWebSocketHandler({
    server,
    httpServer,
    path: PATHS.webSocket,
    ...hosts,
    onerror: onerror('ws'),
  });
  onHandler?.(streamable);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  // Handlers first: a supervisor may signal as soon as it reads the line.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      log(`${signal}: closing`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const boundPort = (httpServer.address() as AddressInfo).port;
  const origin = `http://${urlHost}:${boundPort}`;
  process.stdout.write(`listening ${origin}\n`);
  log(
    `era: ${era}; Streamable HTTP ${origin}${PATHS.streamableHttp}, SSE ${origin}${PATHS.sse}, ` +
      `WebSocket ws://${urlHost}:${boundPort}${PATHS.webSocket}`,
  );
  await stopped;
  await Promise.all([streamable.close(), sse.close(), webSocket.close()]);
  await new Promise<void>((resolve) => {
    httpServer.close(() => resolve());
    // Keep-alive sockets would hold close() open until they time out.
    httpServer.closeAllConnections();
  });
  await server.close();
  log('closed: exiting');
  // Handler timers may still be pending (a cancelled call's pause); they must not keep a dead server alive.
  setTimeout(() => process.exit(0), EXIT_GRACE_MS).unref();
}
