// Per-process CPU for one stdio scenario at 64 in flight: `tsx src/split.ts raw|echo|legacy|modern`.
// A diagnostic for tuning (which side is the bottleneck), not part of `pnpm bench`.
import { readFileSync } from 'node:fs';
import { McpClient, ProtocolEngine } from '@mcpwire/protocol-core';
import { createStdioClientTransport } from '@mcpwire/transport-stdio';
import { RawStdioClient } from './raw.js';

const mode = process.argv[2] ?? 'legacy';
const serverPath = (name: string) => new URL(`./servers/${name}`, import.meta.url).pathname;
function cpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}
let call: () => Promise<unknown>;
let pid: number;
let close: () => Promise<void>;
if (mode === 'raw') {
  const client = new RawStdioClient(serverPath('raw-stdio.mjs'));
  call = () => client.call('bench/echo', { text: 'hello, mcp' });
  pid = client.child.pid ?? 0;
  close = () => client.close();
} else if (mode === 'echo') {
  const transport = createStdioClientTransport({
    command: process.execPath,
    args: [serverPath('ours-stdio.mjs')],
  });
  const engine = new ProtocolEngine();
  await engine.connect(transport);
  call = () => engine.request('bench/echo', { text: 'hello, mcp' });
  pid = transport.pid ?? 0;
  close = () => engine.close();
} else {
  const transport = createStdioClientTransport({
    command: process.execPath,
    args: [serverPath('ours-mcp-stdio.mjs')],
  });
  const client = new McpClient(
    { name: 'split', version: '1' },
    { era: mode === 'modern' ? 'modern' : 'legacy' },
  );
  await client.connect(transport);
  await client.listTools();
  call = () => client.callTool({ name: 'echo', arguments: { text: 'hello, mcp' } });
  pid = transport.pid ?? 0;
  close = () => client.close();
}
async function run(ms: number): Promise<number> {
  const end = performance.now() + ms;
  let calls = 0;
  const lane = async () => {
    while (performance.now() < end) {
      await call();
      calls++;
    }
  };
  await Promise.all(Array.from({ length: 64 }, lane));
  return calls;
}
await run(500);
const self0 = process.cpuUsage();
const child0 = cpuUs(pid);
const t0 = performance.now();
const calls = await run(3000);
const self = process.cpuUsage(self0);
const child = cpuUs(pid) - child0;
const perSecond = Math.round(calls / ((performance.now() - t0) / 1000));
console.log(
  `${mode.padEnd(7)} ${perSecond} calls/s  client ${((self.user + self.system) / calls).toFixed(2)} µs/call  server ${(child / calls).toFixed(2)} µs/call`,
);
await close();
