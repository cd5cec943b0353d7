// JSON-RPC batches over stdio with our McpServer: under 2025-03-26 a line holding an array is answered
// with one line holding the array of its responses; under 2025-06-18 it is refused -32600 as before.
import { PassThrough } from 'node:stream';
import { type JSONRPCMessage, McpServer } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createStdioServerTransport } from '../src/index.js';

const ping = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'ping' });
const listChanged = { jsonrpc: '2.0', method: 'notifications/roots/list_changed' };
const servers: McpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** Our McpServer on in-process stdio, initialized at `version`; `next()` is the next line it wrote, parsed. */
async function session(version: string): Promise<{ stdin: PassThrough; next: () => Promise<unknown> }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const lines: unknown[] = [];
  const waiting: ((line: unknown) => void)[] = [];
  let rest = '';
  stdout.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      const line: unknown = JSON.parse(part);
      const waiter = waiting.shift();
      if (waiter === undefined) lines.push(line);
      else waiter(line);
    }
  });
  const next = (): Promise<unknown> =>
    lines.length > 0 ? Promise.resolve(lines.shift()) : new Promise((resolve) => waiting.push(resolve));
  const server = new McpServer({ name: 'stdio-batch', version: '1.0.0' });
  servers.push(server);
  await server.connect(createStdioServerTransport({ stdin, stdout }));
  const send = (value: unknown): void => {
    stdin.write(`${JSON.stringify(value)}\n`);
  };
  send({
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  });
  expect(await next()).toMatchObject({ id: 0, result: { protocolVersion: version } });
  send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  return { stdin, next };
}

describe('JSON-RPC batches over stdio', () => {
  it('2025-03-26: requests, a notification and a malformed item get one line; notifications alone none', async () => {
    const { stdin, next } = await session('2025-03-26');
    stdin.write(`${JSON.stringify([ping(1), listChanged, ping(2), { jsonrpc: '2.0', id: 3 }])}\n`);
    const answer = await next();
    expect(answer).toHaveLength(3);
    expect(answer).toEqual(
      expect.arrayContaining([
        { jsonrpc: '2.0', id: 1, result: {} },
        { jsonrpc: '2.0', id: 2, result: {} },
        expect.objectContaining({ id: 3, error: expect.objectContaining({ code: -32600 }) }),
      ]),
    );
    stdin.write(`${JSON.stringify([listChanged, listChanged])}\n`);
    stdin.write(`${JSON.stringify(ping(4))}\n`);
    expect(await next()).toEqual({ jsonrpc: '2.0', id: 4, result: {} });
  });

  it('2025-06-18: a batch is refused -32600 and nothing in it is answered', async () => {
    const { stdin, next } = await session('2025-06-18');
    stdin.write(`${JSON.stringify([ping(5), ping(6)])}\n`);
    expect(await next()).toMatchObject({ id: null, error: { code: -32600 } });
    stdin.write(`${JSON.stringify(ping(7))}\n`);
    expect(await next()).toEqual({ jsonrpc: '2.0', id: 7, result: {} });
  });
});
