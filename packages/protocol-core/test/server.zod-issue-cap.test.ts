// A zod input schema and a huge wrong value: the answer names at most MAX_REPORTED_ISSUES issues, as the
// JSON Schema path does, however many zod found (a 2 MB array once made an 85 MB -32602 answer).
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { MAX_REPORTED_ISSUES } from '../src/engine/schema.js';
import { McpServer } from '../src/index.js';
import { ServerPeer } from './support/server-harness.js';

function listServer(): McpServer {
  const server = new McpServer({ name: 'cap', version: '1' });
  server.registerTool(
    'sum',
    { inputSchema: z.object({ items: z.array(z.string()) }) },
    async ({ items }) => ({
      content: [{ type: 'text', text: String(items.length) }],
    }),
  );
  return server;
}

const WRONG = { items: new Array(50_000).fill(1) };

describe('zod input issues are capped', () => {
  it(`2025-06-18: -32602 with ${MAX_REPORTED_ISSUES} issues in data, 5 named in the message with the true total`, async () => {
    const peer = await ServerPeer.connect(listServer(), '2025-06-18');
    await peer.initialize('2025-06-18');
    const error = await peer.error('tools/call', { name: 'sum', arguments: WRONG });
    expect(error.code).toBe(-32602);
    const issues = (error.data as { issues: { path: unknown[] }[] }).issues;
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(issues[0]!.path).toEqual(['items', 0]);
    expect(error.message).toMatch(/; and 49995 more$/);
    expect(JSON.stringify(error).length).toBeLessThan(5_000);
  });

  it('2025-11-25 and modern: the tool error result is just as bounded', async () => {
    const peer = await ServerPeer.connect(listServer(), '2025-11-25');
    await peer.initialize('2025-11-25');
    const result = await peer.result('tools/call', { name: 'sum', arguments: WRONG });
    expect(result['isError']).toBe(true);
    expect(JSON.stringify(result).length).toBeLessThan(5_000);
    expect(JSON.stringify(result['content'])).toMatch(/and 49995 more/);
  });

  it('keeps every issue when there are no more than the cap', async () => {
    const peer = await ServerPeer.connect(listServer(), '2025-06-18');
    await peer.initialize('2025-06-18');
    const error = await peer.error('tools/call', { name: 'sum', arguments: { items: [1, 'a', 2] } });
    expect((error.data as { issues: { path: unknown[] }[] }).issues.map((issue) => issue.path)).toEqual([
      ['items', 0],
      ['items', 2],
    ]);
    expect(error.message).not.toMatch(/more/);
  });
});
