/**
 * Serves Streamable HTTP (both eras unless told otherwise) at `http://<host>:<port>/mcp` and prints
 * `listening http://<host>:<port>` on stdout once ready. SIGINT/SIGTERM end every session and stream,
 * then the process exits.
 */
import type { McpServer, ServerContext } from '@mcpwire/protocol-core';
import { listenStreamableHttp, type StreamableHttpHandler } from '@mcpwire/transport-http';
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

/** Listens, prints the line, and resolves once a signal closed everything. */
export async function serveHttp(
  server: McpServer,
  options: HttpServeOptions,
  log: Logger,
  onHandler?: (handler: StreamableHttpHandler) => void,
): Promise<void> {
  const { host, port, era } = options;
  const listener = await listenStreamableHttp({
    server,
    host,
    port,
    // A modern-only server has no sessions: GET and DELETE are 405, every POST is a 2026-07-28 request.
    legacy: era !== 'modern',
    // Bound to a named interface, that name must pass the DNS-rebinding check too.
    ...(WILDCARDS.has(host) || ['127.0.0.1', 'localhost', '::1'].includes(host)
      ? {}
      : { allowedHosts: ['localhost', '127.0.0.1', '[::1]', host.includes(':') ? `[${host}]` : host] }),
    onerror: (error) => log(`http error: ${error.message}`),
  });
  onHandler?.(listener.handler);
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
  process.stdout.write(`listening http://${urlHost}:${listener.port}\n`);
  log(`era: ${era}; endpoint ${listener.url}`);
  await stopped;
  await listener.close();
  await server.close();
  log('closed: exiting');
  // Handler timers may still be pending (a cancelled call's pause); they must not keep a dead server alive.
  setTimeout(() => process.exit(0), EXIT_GRACE_MS).unref();
}
