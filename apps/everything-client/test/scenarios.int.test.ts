// Two scenarios run in-process against small 2026-07-28 servers: the invalid-tool one calls only the
// tools the transport kept, and the custom-header one sends the context's arguments as Mcp-Param-*.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { RunConfig } from '../src/run-config.js';
import { scenarios } from '../src/scenarios.js';

interface Seen {
  method: string;
  name: unknown;
  headers: IncomingHttpHeaders;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A modern server listing `tools` and answering every call; records what it was sent. */
async function modernServer(tools: unknown[]): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      if (req.method !== 'POST') {
        res.writeHead(405);
        res.end();
        return;
      }
      const request = JSON.parse(text);
      seen.push({ method: request.method, name: request.params?.name, headers: req.headers });
      const base = { resultType: 'complete', ttlMs: 0, cacheScope: 'private' };
      const result =
        request.method === 'server/discover'
          ? { ...base, supportedVersions: ['2026-07-28'], capabilities: { tools: {} } }
          : request.method === 'tools/list'
            ? { ...base, tools }
            : { resultType: 'complete', content: [{ type: 'text', text: 'ok' }] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: request.id, result }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`, seen };
}

function config(scenario: string, serverUrl: string, context: Record<string, unknown> = {}): RunConfig {
  return { scenario, serverUrl, era: 'modern', protocolVersion: '2026-07-28', context };
}

const quiet = (): void => {};

it('http-invalid-tool-headers calls the valid tool only', async () => {
  const server = await modernServer([
    {
      name: 'valid_tool',
      inputSchema: {
        type: 'object',
        properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
        required: ['region'],
      },
    },
    {
      name: 'invalid_space',
      inputSchema: { type: 'object', properties: { v: { type: 'string', 'x-mcp-header': 'A B' } } },
    },
  ]);
  await scenarios['http-invalid-tool-headers']?.(config('http-invalid-tool-headers', server.url), quiet);
  const calls = server.seen.filter((s) => s.method === 'tools/call');
  expect(calls.map((call) => call.name)).toEqual(['valid_tool']);
  expect(calls[0]?.headers['mcp-param-region']).toBe('us-west1');
});

it("http-custom-headers sends the context's arguments, mirrored", async () => {
  const server = await modernServer([
    {
      name: 'test_custom_headers',
      inputSchema: { type: 'object', properties: { n: { type: 'integer', 'x-mcp-header': 'N' } } },
    },
  ]);
  const context = { toolCalls: [{ name: 'test_custom_headers', arguments: { n: 42 } }] };
  await scenarios['http-custom-headers']?.(config('http-custom-headers', server.url, context), quiet);
  const call = server.seen.find((s) => s.method === 'tools/call');
  expect(call?.headers).toMatchObject({
    'mcp-method': 'tools/call',
    'mcp-name': 'test_custom_headers',
    'mcp-param-n': '42',
  });
});
