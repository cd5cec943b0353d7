import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/** The in-process baseline: a bare async call to the same echo handler, no protocol at all. */
export function rawInProcessEcho(): (params: Record<string, unknown>) => Promise<unknown> {
  const handler = async (params: Record<string, unknown>) => params;
  return (params) => handler(params);
}

/** The pipe baseline: NDJSON JSON-RPC over a child's stdio with bare JSON.parse/stringify and an id map. */
export class RawStdioClient {
  readonly child: ChildProcessWithoutNullStreams;
  #nextId = 0;
  /** Pieces of the current, unfinished line: joined once, when its newline arrives. */
  #pieces: string[] = [];
  readonly #pending = new Map<number, (value: unknown) => void>();

  constructor(serverScript: string) {
    this.child = spawn(process.execPath, [serverScript], { stdio: 'pipe' });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.#pieces.push(chunk);
      if (!chunk.includes('\n')) return;
      const lines = this.#pieces.join('').split('\n');
      this.#pieces = [lines.pop() ?? ''];
      for (const line of lines) {
        if (line.length === 0) continue;
        const msg = JSON.parse(line) as { id: number; result: unknown };
        const resolve = this.#pending.get(msg.id);
        this.#pending.delete(msg.id);
        resolve?.(msg.result);
      }
    });
  }

  call(method: string, params: Record<string, unknown>): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    await exited;
  }
}
