/**
 * Heap per idle legacy session (a measurement, not a test). Run from packages/transport-http:
 *   node --expose-gc --import tsx --conditions=@mcpwire/source test/server-support/session-memory.ts [sessions] [--no-store]
 * Opens the sessions through the Fetch handler in this process (initialize + notifications/initialized,
 * bodies read to the end), collects garbage, and divides the heap growth by the session count.
 */
import { McpServer } from '@mcpwire/protocol-core';
import * as z from 'zod';
import { createStreamableHttpWebHandler } from '../../src/fetch.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');
const count = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 2000);
const noStore = process.argv.includes('--no-store');

const server = new McpServer({ name: 'memory', version: '1.0.0' });
server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
  content: [{ type: 'text', text }],
}));
const handler = createStreamableHttpWebHandler({
  server,
  ...(noStore ? { eventStore: false as const } : {}),
});
const accept = 'application/json, text/event-stream';

async function openSession(id: number): Promise<void> {
  const init = await handler.handleRequest(
    new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id,
        method: 'initialize',
        params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'm', version: '1' } },
      }),
    }),
  );
  const sessionId = init.headers.get('mcp-session-id')!;
  await init.text();
  const done = await handler.handleRequest(
    new Request('http://localhost/mcp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept,
        'mcp-session-id': sessionId,
        'mcp-protocol-version': '2025-11-25',
      },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    }),
  );
  await done.text();
}

async function settle(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc!();
  }
  return process.memoryUsage().heapUsed;
}

// Warm-up: lazily built module state and JIT are paid before the baseline.
for (let i = 0; i < 50; i++) await openSession(i);
const before = await settle();
for (let i = 0; i < count; i++) await openSession(1000 + i);
const after = await settle();
const perSession = (after - before) / count;
console.log(
  `${count} idle legacy sessions (${noStore ? 'no event store' : 'in-memory event store'}): ` +
    `${(perSession / 1024).toFixed(2)} KB of heap each (sessions open: ${handler.stats.sessions})`,
);
await handler.close();
