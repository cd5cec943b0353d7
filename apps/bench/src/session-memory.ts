// Memory per idle legacy session, server side: `pnpm --filter @mcpwire/bench run session-memory [--sessions N]`
// (also printed at the end of `pnpm bench`). Each server runs in a forked child with --expose-gc and reports
// its own heap after gc; the sessions are opened from this process with bare undici requests (initialize,
// then notifications/initialized, nothing else), so no client state is counted.
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Pool } from 'undici';

/** A server to measure: its script in servers/ and the arguments that select a legacy, stateful setup. */
export interface SessionServer {
  name: string;
  script: string;
  args?: readonly string[];
}

/** What one server holds per idle session. */
export interface SessionMemory {
  name: string;
  sessions: number;
  heapBytesPerSession: number;
}

interface HeapReport {
  type: 'heap';
  heapUsed: number;
  gc: boolean;
  sessions?: number;
}

/** The title of the memory table (and what `pnpm bench --only` matches it by). */
export const MEMORY_TITLE = 'memory per idle legacy Streamable HTTP session';

const PROTOCOL_VERSION = '2025-11-25';
// Sessions opened before the baseline: connections, JIT and lazily built module state are paid by then.
const WARMUP_SESSIONS = 50;
// Sessions opened at once: enough to be quick, few enough that the server holds only a handful of sockets
// (their buffers would otherwise show up as per-session heap).
const CONCURRENCY = 8;

/** One legacy session the way a client opens it: initialize, then notifications/initialized. */
async function openSession(pool: Pool, path: string, id: number): Promise<string> {
  const accept = 'application/json, text/event-stream';
  const init = await pool.request({
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method: 'initialize',
      params: {
        protocolVersion: PROTOCOL_VERSION,
        capabilities: {},
        clientInfo: { name: 'session-memory', version: '1.0.0' },
      },
    }),
  });
  // Read to the end whatever the framing (JSON or one SSE event); only the status and header matter here.
  const text = await init.body.text();
  const sessionId = init.headers['mcp-session-id'];
  if (init.statusCode !== 200 || typeof sessionId !== 'string') {
    throw new Error(`initialize failed: HTTP ${init.statusCode} ${text.slice(0, 200)}`);
  }
  const initialized = await pool.request({
    path,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      'mcp-session-id': sessionId,
      'mcp-protocol-version': PROTOCOL_VERSION,
    },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  });
  await initialized.body.dump();
  if (initialized.statusCode !== 202) {
    throw new Error(`notifications/initialized: HTTP ${initialized.statusCode}`);
  }
  return sessionId;
}

async function openSessions(pool: Pool, path: string, count: number, ids: Set<string>): Promise<void> {
  let next = 0;
  async function lane(): Promise<void> {
    while (next < count) {
      next++;
      ids.add(await openSession(pool, path, next));
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

/** Opens `sessions` idle legacy sessions against one server child and returns its heap growth per session. */
export async function measureSessionMemory(server: SessionServer, sessions: number): Promise<SessionMemory> {
  // A fork, not a spawn: the IPC channel carries the heap reports, and --expose-gc lets the child collect
  // before each one, so the difference is live objects only.
  const child = fork(server.script, [...(server.args ?? [])], {
    execArgv: ['--expose-gc'],
    stdio: 'inherit',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The next IPC message of `type`; the child exiting first fails the measurement instead of hanging it.
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (msg: { type?: string }) => {
        if (msg.type !== type) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(msg as T);
      };
      const onExit = (code: number | null) => reject(new Error(`${server.name} server exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const heap = () => {
    const report = next<HeapReport>('heap');
    child.send({ type: 'heap' });
    return report;
  };
  try {
    const { url } = await next<{ url: string }>('listening');
    const target = new URL(url);
    const pool = new Pool(target.origin, { connections: CONCURRENCY });
    const ids = new Set<string>();
    try {
      await openSessions(pool, target.pathname, WARMUP_SESSIONS, ids);
      const before = await heap();
      if (!before.gc) throw new Error('the server child has no gc(): run it with --expose-gc');
      await openSessions(pool, target.pathname, sessions, ids);
      // The growth from here on is what the `sessions` new ones hold: the warm-up ones are in both readings.
      const after = await heap();
      if (ids.size !== WARMUP_SESSIONS + sessions) throw new Error(`${server.name}: session ids were reused`);
      // Where the server counts its sessions, all of them must still be live: an evicted session costs nothing.
      if (after.sessions !== undefined && after.sessions !== ids.size) {
        throw new Error(`${server.name}: ${after.sessions} sessions live, ${ids.size} opened`);
      }
      return {
        name: server.name,
        sessions,
        heapBytesPerSession: (after.heapUsed - before.heapUsed) / sessions,
      };
    } finally {
      await pool.close();
    }
  } finally {
    child.disconnect();
    await exited;
  }
}

/** Prints KB per idle session and each server's ratio to the first (the official SDK). */
export function printSessionMemory(results: readonly SessionMemory[]): void {
  const base = results[0];
  console.log(`\n${MEMORY_TITLE} (server heapUsed growth after gc, ${base?.sessions ?? 0} sessions)`);
  console.log(`${'impl'.padEnd(28)} ${'KB/session'.padStart(11)} ${'vs SDK'.padStart(8)}`);
  for (const r of results) {
    const kb = r.heapBytesPerSession / 1024;
    const ratio = base ? (r.heapBytesPerSession / base.heapBytesPerSession).toFixed(2) : '-';
    console.log(`${r.name.padEnd(28)} ${kb.toFixed(1).padStart(11)} ${`${ratio}x`.padStart(8)}`);
  }
}

const serverPath = (name: string) => fileURLToPath(new URL(`./servers/${name}`, import.meta.url));

/**
 * The servers compared, each as the HTTP bench runs it (JSON answers): the SDK's stateful transport with an
 * McpServer per session, then ours (one McpServer, sessions kept by the handler).
 */
export function sessionServers(): SessionServer[] {
  return [
    { name: 'official SDK (stateful)', script: serverPath('sdk-http.mjs'), args: ['stateful'] },
    { name: 'mcpwire (legacy session)', script: serverPath('ours-http.mjs') },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf('--sessions');
  const sessions = flag > 0 ? Number(process.argv[flag + 1]) : 1000;
  const results: SessionMemory[] = [];
  for (const server of sessionServers()) results.push(await measureSessionMemory(server, sessions));
  printSessionMemory(results);
}
