/** Runs apps/everything-server (its built CLI) on a free port: Streamable HTTP, HTTP+SSE and WebSocket. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The everything-server's CLI, built by its own `build` (turbo runs it before this app's `test`). */
export const EVERYTHING_SERVER_CLI: string = fileURLToPath(
  new URL('../../../everything-server/dist/cli.js', import.meta.url),
);

/** A running everything-server. */
export interface EverythingServer {
  /** The Streamable HTTP endpoint, `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** The HTTP+SSE event stream on the same port, `http://127.0.0.1:<port>/sse` (POSTs to `/messages`). */
  readonly sseUrl: string;
  /** The WebSocket endpoint on the same port, `ws://127.0.0.1:<port>/ws`. */
  readonly wsUrl: string;
  /** What it wrote to stderr so far: its log, for failure messages. */
  stderr(): string;
  close(): Promise<void>;
}

/** How long the server may take to print its `listening` line. */
const START_TIMEOUT_MS = 15_000;

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  // It exits within a second of SIGTERM; SIGKILL only if it hangs, so no server outlives the test.
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Starts the server (`--port 0`) and resolves once it printed `listening http://127.0.0.1:N`. */
export async function startEverythingServer(): Promise<EverythingServer> {
  if (!existsSync(EVERYTHING_SERVER_CLI)) {
    throw new Error(
      `${EVERYTHING_SERVER_CLI} is missing: build apps/everything-server first (turbo's test task does, through ^build)`,
    );
  }
  const child = spawn(process.execPath, [EVERYTHING_SERVER_CLI, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const base = await new Promise<string>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(`everything-server did not start: ${why}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(
      () => fail(`no "listening" line within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^listening (http:\/\/\S+)$/m.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited early (${code ?? signal})`));
  }).catch(async (error: unknown) => {
    await stop(child);
    throw error;
  });
  return {
    url: `${base}/mcp`,
    sseUrl: `${base}/sse`,
    wsUrl: `${base.replace(/^http:/, 'ws:')}/ws`,
    stderr: () => stderr,
    close: () => stop(child),
  };
}
