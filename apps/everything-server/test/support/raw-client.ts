/**
 * A bare NDJSON peer for a stdio server: writes exactly the lines a test gives it (valid or not) and
 * collects every line the server writes, so tests can send what no well-behaved client would.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import type { Command } from './processes.js';

/** One JSON-RPC message as the server wrote it. */
export type WireMessage = {
  jsonrpc?: unknown;
  id?: string | number | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
};

/** Spawns a server and talks raw NDJSON to it. */
export class RawClient {
  /** Every message the server wrote, in order. */
  readonly received: WireMessage[] = [];
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #waiters = new Map<string | number | null, (message: WireMessage) => void>();
  readonly #exited: Promise<void>;
  #carry = '';
  #nextId = 1000;

  constructor(command: Command) {
    this.#child = spawn(command.command, command.args, {
      stdio: 'pipe',
      env: { ...process.env, ...command.env },
    });
    this.#exited = new Promise((resolve) => this.#child.once('exit', () => resolve()));
    this.#child.stderr.resume();
    this.#child.stdout.setEncoding('utf8');
    this.#child.stdout.on('data', (chunk: string) => {
      const lines = (this.#carry + chunk).split('\n');
      this.#carry = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        const message = JSON.parse(line) as WireMessage;
        this.received.push(message);
        if (!('method' in message)) {
          const key = message.id ?? null;
          this.#waiters.get(key)?.(message);
          this.#waiters.delete(key);
        }
      }
    });
  }

  /** Writes one line as given: a string is sent verbatim (it may be garbage), an object as JSON. */
  write(line: string | object): void {
    this.#child.stdin.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
  }

  /** Resolves with the response whose id is `id` (`null` for errors the server could not attribute). */
  response(id: string | number | null): Promise<WireMessage> {
    const seen = this.received.find((m) => !('method' in m) && (m.id ?? null) === id);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.set(id, resolve));
  }

  /** Sends a request with a fresh id and resolves with its response. */
  request(method: string, params?: Record<string, unknown>): Promise<WireMessage> {
    const id = this.#nextId++;
    this.write(
      params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params },
    );
    return this.response(id);
  }

  /** Ends stdin (the stdio shutdown signal) and waits for the server to exit. */
  async close(): Promise<void> {
    this.#child.stdin.end();
    await this.#exited;
  }
}
