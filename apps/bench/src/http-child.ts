import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { SdkEcho } from './sdk.js';

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

/** What both our McpClient and the SDK's Client offer a tools/call echo row. */
export interface ToolsClient {
  connect(transport: never): Promise<void>;
  listTools(): Promise<unknown>;
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Connects `client` over `transport` to the server child and returns the echo row; on a failure to
 * connect the child is stopped. `listTools` first: it learns the tools' output schemas, as every
 * tools row does, outside the measurement.
 */
export async function toolsEchoRow<C extends ToolsClient>(
  server: HttpServerChild,
  client: C,
  transport: Parameters<C['connect']>[0],
): Promise<SdkEcho> {
  try {
    await client.connect(transport);
    await client.listTools();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    call: (args) => client.callTool({ name: 'echo', arguments: args }),
    childPids: [server.pid],
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
