// The `./fetch` entry: nothing in its import graph reaches `node:` or undici (so browsers, workers,
// Deno and Bun can load it), and its transport runs over an injected fetch.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { McpClient } from '@mcpwire/protocol-core';
import { importGraph, nodeOnlyImports } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import { createEraCache, createStreamableHttpClientTransport, type FetchLike } from '../src/fetch.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('the ./fetch entry', () => {
  it('imports nothing from node: nor undici, directly or through protocol-core', () => {
    const graph = importGraph(resolve(here, '../src/fetch.ts'));
    const { files, packages } = graph;
    // The walk must have reached the client and protocol-core, or it proves nothing.
    expect([...files].some((file) => file.endsWith('client/transport.ts'))).toBe(true);
    expect([...files].some((file) => file.includes('protocol-core/src/engine'))).toBe(true);
    expect(nodeOnlyImports(graph, ['undici'])).toEqual([]);
    // The SSE parser is the one package the client adds; it runs anywhere.
    expect(packages.has('eventsource-parser')).toBe(true);
  });

  it('the walk would catch a node: import', () => {
    // The Node entry does import undici: the same walk finds it there.
    expect(importGraph(resolve(here, '../src/index.ts')).packages.has('undici')).toBe(true);
  });
});

interface FetchCall {
  url: string;
  init: Parameters<FetchLike>[1];
}

/** A fetch that answers like a small modern MCP server, SSE for tools/call. */
function fakeFetch(calls: FetchCall[]): FetchLike {
  return async (url, init) => {
    calls.push({ url, init });
    const request = JSON.parse(init.body ?? '{}');
    const reply = (body: unknown): Response =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    switch (request.method) {
      case 'server/discover':
        return reply({
          jsonrpc: '2.0',
          id: request.id,
          result: {
            resultType: 'complete',
            ttlMs: 0,
            cacheScope: 'private',
            supportedVersions: ['2026-07-28'],
            capabilities: { tools: {} },
          },
        });
      case 'tools/list':
        return reply({
          jsonrpc: '2.0',
          id: request.id,
          result: {
            resultType: 'complete',
            ttlMs: 0,
            cacheScope: 'private',
            tools: [
              {
                name: 'echo',
                inputSchema: {
                  type: 'object',
                  properties: { text: { type: 'string', 'x-mcp-header': 'Text' } },
                },
              },
            ],
          },
        });
      default: {
        const sse =
          `data: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'hi' } })}\n\n` +
          `data: ${JSON.stringify({ jsonrpc: '2.0', id: request.id, result: { resultType: 'complete', content: [{ type: 'text', text: init.headers['mcp-param-text'] }] } })}\n\n`;
        return new Response(sse, { status: 200, headers: { 'content-type': 'text/event-stream' } });
      }
    }
  };
}

describe('the fetch transport', () => {
  it('carries McpClient end to end over an injected fetch', async () => {
    const calls: FetchCall[] = [];
    const transport = createStreamableHttpClientTransport({
      url: 'https://mcp.example/mcp?tenant=1',
      fetch: fakeFetch(calls),
      eraCache: createEraCache(),
      headers: { Authorization: 'Bearer x' },
    });
    const client = new McpClient({ name: 'browser', version: '1' });
    const logs: unknown[] = [];
    client.onLogMessage((params) => logs.push(params.data));
    await client.connect(transport);
    expect(client.era).toBe('modern');
    await client.listTools();
    const answer = await client.callTool({ name: 'echo', arguments: { text: 'héllo' } });
    await client.close();
    expect(calls.map((call) => JSON.parse(call.init.body ?? '{}').method)).toEqual([
      'server/discover',
      'tools/list',
      'tools/call',
    ]);
    expect(
      calls.every((call) => call.url === 'https://mcp.example/mcp?tenant=1' && call.init.method === 'POST'),
    ).toBe(true);
    expect(calls[2]?.init.headers).toMatchObject({
      authorization: 'Bearer x',
      'mcp-method': 'tools/call',
      'mcp-name': 'echo',
      'mcp-param-text': `=?base64?${Buffer.from('héllo').toString('base64')}?=`,
    });
    expect(calls[2]?.init.signal).toBeInstanceOf(AbortSignal);
    expect(answer.content).toEqual([
      { type: 'text', text: `=?base64?${Buffer.from('héllo').toString('base64')}?=` },
    ]);
    expect(logs).toEqual(['hi']);
  });

  it('refuses a non-http URL', () => {
    expect(() =>
      createStreamableHttpClientTransport({ url: 'ws://mcp.example/mcp', fetch: fakeFetch([]) }),
    ).toThrow(TypeError);
  });
});
