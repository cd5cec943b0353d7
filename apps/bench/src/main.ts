// `pnpm bench`: mcpwire against the official SDK 1.x and a raw baseline, in one run. Two families of
// scenarios: the bare JSON-RPC echo (the engines and transports alone), and `tools/call` of an `echo` tool
// (client, server, schemas and all), over in-memory, stdio and Streamable HTTP, with small and 1 MiB
// payloads; then the server memory per idle legacy HTTP session.
// A benchmark, never a pass/fail test: it prints numbers and ratios.
import { fileURLToPath } from 'node:url';
import { rawHttp } from './http-raw.js';
import { oursToolsHttp } from './http-ours.js';
import { sdkToolsHttp } from './http-sdk.js';
import { oursToolsSse } from './sse-ours.js';
import { rawSse } from './sse-raw.js';
import { sdkToolsSse } from './sse-sdk.js';
import { oursToolsWs } from './ws-ours.js';
import { rawWs } from './ws-raw.js';
import { sdkToolsWs } from './ws-sdk.js';
import { type Measurement, measure } from './measure.js';
import { oursInMemory, oursStdio } from './ours.js';
import { oursToolsInMemory, oursToolsStdio } from './ours-tools.js';
import { RawStdioClient, rawInProcessEcho } from './raw.js';
import { printTable, type Row } from './report.js';
import { type SdkEcho, sdkInMemory, sdkStdio } from './sdk.js';
import { sdkToolsInMemory, sdkToolsStdio } from './sdk-tools.js';
import {
  MEMORY_TITLE,
  measureSessionMemory,
  printSessionMemory,
  type SessionMemory,
  sessionServers,
} from './session-memory.js';

const quick = process.argv.includes('--quick');
// `--rounds <n>`: rounds of each network scenario with small messages, reported as medians. @default 3 (1 with --quick)
const roundsAt = process.argv.indexOf('--rounds');
const networkRounds = roundsAt > 0 ? Math.max(1, Number(process.argv[roundsAt + 1]) || 1) : quick ? 1 : 3;
// Short runs keep the whole bench under two minutes; the ratios are stable at this length.
const durationMs = quick ? 300 : 1000;
const warmupMs = quick ? 100 : 250;
// `--only <text>`: run just the scenarios whose title contains it (the session memory's title is
// MEMORY_TITLE), to look at one transport without the whole run.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const server = (name: string) => fileURLToPath(new URL(`./servers/${name}`, import.meta.url));
const echoParams = { text: 'hello, mcp', n: 42 };
const rows: Row[] = [];

/** An implementation to measure: how to open it. */
type Impl = [name: string, open: () => Promise<SdkEcho>];

/** Opens `impl`, measures it once and closes it. */
async function run(
  scenario: string,
  impl: Impl,
  inFlight: number,
  params: Record<string, unknown>,
  warmup: number,
): Promise<Measurement> {
  const [name, open] = impl;
  const echo = await open();
  let result: Measurement;
  try {
    result = await measure(() => echo.call(params), {
      inFlight,
      durationMs,
      warmupMs: warmup,
      childPids: echo.childPids,
    });
  } finally {
    await echo.close();
  }
  process.stderr.write(`  ${scenario} / ${name}: ${Math.round(result.callsPerSecond)} calls/s\n`);
  return result;
}

/** The middle value (the upper one of an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Several rounds of one impl as one row: the run of median throughput, with the median CPU per call.
 * On two shared cores one 1 s run of a two-process scenario swings by ±20%; the median of rounds
 * whose impls ran interleaved does not.
 */
function medianOf(results: readonly Measurement[]): Measurement {
  const middle = median(results.map((r) => r.callsPerSecond));
  const chosen = results.find((r) => r.callsPerSecond === middle)!;
  return { ...chosen, cpuUsPerCall: median(results.map((r) => r.cpuUsPerCall)) };
}

async function scenario(
  title: string,
  impls: readonly Impl[],
  params: Record<string, unknown>,
  inFlight: readonly number[] = [1, 64],
  warmup: number = warmupMs,
  rounds = 1,
): Promise<void> {
  if (only !== undefined && !title.includes(only)) return;
  for (const n of inFlight) {
    const name = `${title}, ${n} in flight`;
    const results = impls.map((): Measurement[] => []);
    for (let round = 0; round < rounds; round++) {
      // Each round starts with another impl, so none always runs first (or last) after a quiet spell.
      for (let k = 0; k < impls.length; k++) {
        const i = (k + round) % impls.length;
        results[i]!.push(await run(name, impls[i]!, n, params, warmup));
      }
    }
    impls.forEach(([impl], i) => {
      rows.push({ scenario: name, impl, result: medianOf(results[i]!) });
    });
  }
}

async function rawStdio(): Promise<SdkEcho> {
  const client = new RawStdioClient(server('raw-stdio.mjs'));
  return {
    call: (p) => client.call('bench/echo', p),
    childPids: client.child.pid === undefined ? [] : [client.child.pid],
    close: () => client.close(),
  };
}

async function rawInMemory(): Promise<SdkEcho> {
  const call = rawInProcessEcho();
  return { call, childPids: [], close: async () => {} };
}

const RAW_BARE: Impl = ['raw (bare call)', rawInMemory];
const RAW_PIPE: Impl = ['raw NDJSON pipe', rawStdio];

console.log(
  `mcpwire bench: node ${process.version}, ${durationMs} ms per run after ${warmupMs} ms warm-up (${quick ? 300 : 1500} ms for HTTP)`,
);

// JSON-RPC echo: the engines and transports, no MCP semantics.
await scenario(
  "in-memory echo (each library's own pair)",
  [RAW_BARE, ['official SDK', sdkInMemory], ['mcpwire', () => oursInMemory('ours')]],
  echoParams,
);
// The engines alone: both on the SDK's zero-copy InMemoryTransport, so only the engine differs.
await scenario(
  'engine only (SDK InMemoryTransport under both)',
  [RAW_BARE, ['official SDK', sdkInMemory], ['mcpwire engine', () => oursInMemory('sdk')]],
  echoParams,
);
await scenario(
  'stdio echo',
  [
    RAW_PIPE,
    ['official SDK', () => sdkStdio(server('sdk-stdio.mjs'))],
    ['mcpwire', () => oursStdio(server('ours-stdio.mjs'))],
  ],
  echoParams,
);

// tools/call of an `echo` tool: McpClient → McpServer, arguments checked against a zod schema on the server
// and the result against the CallToolResult schema on the client. The raw rows echo the same params bare.
const TOOLS_IN_MEMORY: readonly Impl[] = [
  RAW_BARE,
  ['official SDK', () => sdkToolsInMemory('ours')],
  ['mcpwire legacy', () => oursToolsInMemory('legacy')],
  ['mcpwire modern', () => oursToolsInMemory('modern')],
];
const TOOLS_STDIO: readonly Impl[] = [
  RAW_PIPE,
  ['official SDK', () => sdkToolsStdio(server('sdk-mcp-stdio.mjs'))],
  ['mcpwire legacy', () => oursToolsStdio(server('ours-mcp-stdio.mjs'), 'legacy')],
  ['mcpwire modern', () => oursToolsStdio(server('ours-mcp-stdio.mjs'), 'modern')],
];
const small = { text: 'hello, mcp' };
// The client/server stacks alone: each on the SDK's zero-copy pair, so the transport costs nothing.
await scenario(
  "tools/call echo, in-memory (SDK's zero-copy pair under both)",
  [
    RAW_BARE,
    ['official SDK', () => sdkToolsInMemory('sdk')],
    ['mcpwire legacy', () => oursToolsInMemory('legacy', 'sdk')],
    ['mcpwire modern', () => oursToolsInMemory('modern', 'sdk')],
  ],
  small,
);
const oneMiB = { text: 'x'.repeat(1024 * 1024) };
// In memory, both libraries run on our pair, which copies every message through JSON like a wire: the
// SDK's own pair hands objects across, so a 1 MiB text would cost it nothing and compare nothing.
await scenario('tools/call echo, in-memory (our JSON-copying pair under both)', TOOLS_IN_MEMORY, small);
await scenario('tools/call echo, stdio', TOOLS_STDIO, small);
await scenario('tools/call echo 1 MiB text, in-memory (our pair under both)', TOOLS_IN_MEMORY, oneMiB);
await scenario('tools/call echo 1 MiB text, stdio', TOOLS_STDIO, oneMiB);

// Streamable HTTP, every server in a child process. The baseline is undici `request` on a 64-connection
// keep-alive Pool against a bare node:http JSON echo; the SDK rows use its StreamableHTTPServerTransport
// with JSON responses (faster than its default SSE answers here) and its client on Node's fetch.
// "official SDK" is its stateful setup (one transport + McpServer per session), the ratios' reference.
const TOOLS_HTTP: readonly Impl[] = [
  ['raw HTTP (undici)', () => rawHttp(server('raw-http.mjs'))],
  ['official SDK', () => sdkToolsHttp(server('sdk-http.mjs'), 'stateful')],
  ['SDK stateless', () => sdkToolsHttp(server('sdk-http.mjs'), 'stateless')],
  ['mcpwire legacy', () => oursToolsHttp(server('ours-http.mjs'), 'legacy')],
  ['mcpwire modern', () => oursToolsHttp(server('ours-http.mjs'), 'modern')],
];
// Every HTTP row starts fresh server and client processes whose HTTP stacks (node:http, undici, ours
// or the SDK's) take longer than 250 ms to reach steady state under the JIT: 1.5 s of warm-up for all
// of them, the raw baseline included, so the ratios compare warmed code.
const httpWarmupMs = quick ? 300 : 1500;
await scenario('tools/call echo, Streamable HTTP', TOOLS_HTTP, small, [1, 64], httpWarmupMs, networkRounds);
await scenario('tools/call echo 1 MiB text, Streamable HTTP', TOOLS_HTTP, oneMiB, [1, 64], httpWarmupMs);

// The deprecated HTTP+SSE transport (2024-11-05): one event stream per client, each message a POST
// answered 202. The baseline is a bare node:http SSE echo and undici; the SDK rows are its 1.x
// SSEServerTransport and SSEClientTransport.
const TOOLS_SSE: readonly Impl[] = [
  ['raw HTTP+SSE (undici)', () => rawSse(server('raw-sse.mjs'))],
  ['official SDK', () => sdkToolsSse(server('sdk-sse.mjs'))],
  ['mcpwire legacy', () => oursToolsSse(server('ours-sse.mjs'), 'legacy')],
  ['mcpwire modern', () => oursToolsSse(server('ours-sse.mjs'), 'modern')],
];
await scenario(
  'tools/call echo, HTTP+SSE (2024-11-05)',
  TOOLS_SSE,
  small,
  [1, 64],
  httpWarmupMs,
  networkRounds,
);
await scenario('tools/call echo 1 MiB text, HTTP+SSE (2024-11-05)', TOOLS_SSE, oneMiB, [1, 64], httpWarmupMs);

// WebSocket: one JSON-RPC message per text frame. The baseline is a raw `ws` echo; the SDK has a
// WebSocket client but no server, so its row runs an SDK McpServer per connection behind our endpoint.
const TOOLS_WS: readonly Impl[] = [
  ['raw ws', () => rawWs(server('raw-ws.mjs'))],
  ['official SDK', () => sdkToolsWs(server('sdk-ws.mjs'))],
  ['mcpwire legacy', () => oursToolsWs(server('ours-ws.mjs'), 'legacy')],
  ['mcpwire modern', () => oursToolsWs(server('ours-ws.mjs'), 'modern')],
];
await scenario('tools/call echo, WebSocket', TOOLS_WS, small, [1, 64], httpWarmupMs, networkRounds);
await scenario('tools/call echo 1 MiB text, WebSocket', TOOLS_WS, oneMiB, [1, 64], httpWarmupMs);

// Server heap per idle legacy session (initialize + initialized, nothing else), in a forked child each.
const memory: SessionMemory[] = [];
if (only === undefined || MEMORY_TITLE.includes(only)) {
  for (const target of sessionServers()) {
    memory.push(await measureSessionMemory(target, quick ? 300 : 1000));
  }
}

printTable(rows, 'official SDK');
if (memory.length > 0) printSessionMemory(memory);
