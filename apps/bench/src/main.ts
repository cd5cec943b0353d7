// `pnpm bench`: the JSON-RPC echo over in-memory and stdio, mcpwire against the official SDK 1.x and a raw
// baseline, in one run. A benchmark, never a pass/fail test: it prints numbers and ratios.
import { fileURLToPath } from 'node:url';
import { type Measurement, measure } from './measure.js';
import { oursInMemory, oursStdio } from './ours.js';
import { RawStdioClient, rawInProcessEcho } from './raw.js';
import { printTable, type Row } from './report.js';
import { type SdkEcho, sdkInMemory, sdkStdio } from './sdk.js';

const quick = process.argv.includes('--quick');
const durationMs = quick ? 300 : 2000;
const warmupMs = quick ? 100 : 500;
const server = (name: string) => fileURLToPath(new URL(`./servers/${name}`, import.meta.url));
const params = { text: 'hello, mcp', n: 42 };
const rows: Row[] = [];

async function run(
  scenario: string,
  impl: string,
  open: () => Promise<SdkEcho>,
  inFlight: number,
): Promise<void> {
  const echo = await open();
  let result: Measurement;
  try {
    result = await measure(() => echo.call(params), {
      inFlight,
      durationMs,
      warmupMs,
      childPids: echo.childPids,
    });
  } finally {
    await echo.close();
  }
  rows.push({ scenario, impl, result });
  process.stderr.write(`  ${scenario} / ${impl}: ${Math.round(result.callsPerSecond)} calls/s\n`);
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

console.log(`mcpwire bench: node ${process.version}, ${durationMs} ms per run after ${warmupMs} ms warm-up`);
for (const inFlight of [1, 64]) {
  const scenario = `in-memory echo (each library's own pair), ${inFlight} in flight`;
  await run(scenario, 'raw (bare call)', rawInMemory, inFlight);
  await run(scenario, 'official SDK', sdkInMemory, inFlight);
  await run(scenario, 'mcpwire', () => oursInMemory('ours'), inFlight);
}
for (const inFlight of [1, 64]) {
  // The engines alone: both on the SDK's zero-copy InMemoryTransport, so only the engine differs.
  const scenario = `engine only (SDK InMemoryTransport under both), ${inFlight} in flight`;
  await run(scenario, 'raw (bare call)', rawInMemory, inFlight);
  await run(scenario, 'official SDK', sdkInMemory, inFlight);
  await run(scenario, 'mcpwire engine', () => oursInMemory('sdk'), inFlight);
}
for (const inFlight of [1, 64]) {
  const scenario = `stdio echo, ${inFlight} in flight`;
  await run(scenario, 'raw NDJSON pipe', rawStdio, inFlight);
  await run(scenario, 'official SDK', () => sdkStdio(server('sdk-stdio.mjs')), inFlight);
  await run(scenario, 'mcpwire', () => oursStdio(server('ours-stdio.mjs')), inFlight);
}
printTable(rows, 'official SDK');
