/**
 * Serves one client over this process's stdin/stdout. stdout carries MCP messages only; everything
 * else goes to stderr. The process exits when the client closes stdin (the stdio binding's shutdown
 * signal) or on SIGINT/SIGTERM.
 */
import type { McpServer } from '@mcpwire/protocol-core';
import { createStdioServerTransport } from '@mcpwire/transport-stdio';

/** Writes one line to stderr. */
export type Logger = (line: string) => void;

/** How long a closed server may take to let go of its last handles before the process exits anyway. */
const EXIT_GRACE_MS = 1000;

/** Connects `server` to stdio and resolves once the connection has closed and the server shut down. */
export async function serveStdio(server: McpServer, log: Logger): Promise<void> {
  const transport = createStdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    // Set before connect(): the engine chains callbacks it finds, so this still fires.
    transport.onclose = resolve;
  });
  const stop = (signal: string): void => {
    log(`${signal}: closing`);
    void transport.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await server.connect(transport);
  log('serving on stdio');
  await closed;
  await server.close();
  log('stdin closed: exiting');
  // Handler timers may still be pending (a cancelled call's pause); they must not keep a dead server alive.
  setTimeout(() => process.exit(0), EXIT_GRACE_MS).unref();
}
