import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A bench HTTP server running in a child process (see servers/http-child.mjs), and how to stop it. */
export interface HttpServerChild {
  /** The MCP endpoint, e.g. `http://127.0.0.1:PORT/mcp`. */
  url: string;
  pid: number;
  close(): Promise<void>;
}

/**
 * Spawns `node script ...args` and waits for the URL it announces. The server runs in its own process so
 * its CPU is counted apart and it does not share the client's event loop.
 */
export async function startHttpServerChild(
  script: string,
  args: readonly string[] = [],
): Promise<HttpServerChild> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script, ...args], { stdio: 'pipe' });
  child.stderr.pipe(process.stderr);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  lines.close();
  return {
    url,
    pid: child.pid ?? 0,
    close: async () => {
      // The server exits when its stdin ends (servers/http-child.mjs).
      child.stdin.end();
      await exited;
    },
  };
}
