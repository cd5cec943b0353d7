// 2026-07-28 requests in flight are bounded per connection (HTTP/1.1 pipelining) and per principal
// (or address), answered 429 with Retry-After beyond the bound, and the slots come back when requests end.
import { connect } from 'node:net';
import { McpServer } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { listenStreamableHttp, type StreamableHttpListener } from '../src/index.js';
import { modernHeaders, modernRequest, post } from './server-support/http.js';

const open: StreamableHttpListener[] = [];
afterEach(async () => {
  for (const listener of open.splice(0)) await listener.close();
});

/** A server whose `wait` tool returns once `release()` is called. */
function gatedServer(): { server: McpServer; release: () => void; started: () => number } {
  const server = new McpServer({ name: 'gated', version: '1' });
  let open = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.registerTool('wait', { inputSchema: z.object({}) }, async () => {
    open++;
    await gate;
    return { content: [{ type: 'text', text: 'done' }] };
  });
  return { server, release, started: () => open };
}

const waitCall = (id: number) => modernRequest('tools/call', { name: 'wait', arguments: {} }, id);

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe('modern requests in flight', () => {
  it('caps one principal, not another, and frees the slots when requests end', async () => {
    const gated = gatedServer();
    const listener = await listenStreamableHttp({
      server: gated.server,
      maxInFlightPerPrincipal: 2,
      authenticate: ({ header }) => ({ clientId: header('authorization') ?? 'anonymous' }),
    });
    open.push(listener);
    const as = (who: string, id: number) =>
      post(listener.url, waitCall(id), { ...modernHeaders(waitCall(id)), authorization: who });
    const first = [as('alice', 1), as('alice', 2)];
    await until(() => gated.started() === 2);
    const refused = await as('alice', 3);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({
      id: 3,
      error: { data: { limit: { name: 'maxInFlightPerPrincipal', value: 2 } } },
    });
    const bob = as('bob', 4);
    await until(() => gated.started() === 3);
    gated.release();
    for (const response of [...first, bob]) expect((await response).status).toBe(200);
    expect((await as('alice', 5)).status).toBe(200);
  });

  it('caps the requests pipelined on one connection', async () => {
    const gated = gatedServer();
    const listener = await listenStreamableHttp({ server: gated.server, maxInFlightPerConnection: 2 });
    open.push(listener);
    const socket = connect(listener.port, '127.0.0.1');
    socket.on('error', () => undefined);
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    const raw = (id: number) => {
      const body = JSON.stringify(waitCall(id));
      const headers = Object.entries({ ...modernHeaders(waitCall(id)), host: `127.0.0.1:${listener.port}` })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      return `POST /mcp HTTP/1.1\r\n${headers}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    socket.write(raw(1) + raw(2) + raw(3));
    await until(() => gated.started() === 2);
    gated.release();
    // Answers go out in request order: two results, then the refusal of the third.
    await until(() => (received.match(/HTTP\/1\.1 /g) ?? []).length === 3);
    expect(received.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200', 'HTTP/1.1 429']);
    expect(received).toContain('maxInFlightPerConnection');
    socket.destroy();
  });

  it('refuses limits that are not positive integers', async () => {
    await expect(
      listenStreamableHttp({
        server: new McpServer({ name: 's', version: '1' }),
        maxInFlightPerConnection: 0,
      }),
    ).rejects.toThrow(/maxInFlightPerConnection/);
  });
});
