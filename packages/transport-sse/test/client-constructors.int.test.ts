// Every exported client transport class is constructible by a user: SseClientTransport with its
// documented options (the global fetch by default), SSEClientTransport with the official SDK's shape.
import { McpClient } from '@mcpwire/protocol-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import * as fetchEntry from '../src/fetch.js';
import { listenSse, SSEClientTransport, SseClientTransport, type SseListener } from '../src/index.js';
import { onCleanup, testServer } from './support/fixtures.js';

async function ourServer(): Promise<SseListener> {
  const listener = await listenSse({ server: testServer() });
  onCleanup(() => listener.close());
  return listener;
}

describe('new SseClientTransport(options)', () => {
  it('carries McpClient over the global fetch', async () => {
    const listener = await ourServer();
    const client = new McpClient({ name: 'c', version: '1' }, { era: 'legacy' });
    onCleanup(() => client.close());
    await client.connect(new SseClientTransport({ url: listener.url }));
    const result = await client.callTool({ name: 'echo', arguments: { text: 'plain' } });
    expect(result.content).toEqual([{ type: 'text', text: 'plain' }]);
  });

  it('is the same class in the ./fetch entry, and checks its options', () => {
    expect(fetchEntry.SseClientTransport).toBe(SseClientTransport);
    expect(fetchEntry.SSEClientTransport).toBe(SSEClientTransport);
    expect(() => new SseClientTransport({ url: 'ws://x/' })).toThrow(TypeError);
  });
});

describe("new SSEClientTransport(url, opts) (the official SDK's shape)", () => {
  it("carries the SDK's Client, with requestInit.headers on the GET and the POSTs", async () => {
    const listener = await ourServer();
    const seen: string[] = [];
    const transport = new SSEClientTransport(new URL(listener.url), {
      requestInit: { headers: { 'x-app': 'ported' } },
      fetch: (url, init) => {
        seen.push(`${init?.method ?? 'GET'} ${(init?.headers as Record<string, string>)['x-app']}`);
        return fetch(url, init);
      },
    });
    const client = new Client({ name: 'sdk', version: '1' });
    onCleanup(() => client.close());
    await client.connect(transport);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'ported' } });
    expect(result.content).toEqual([{ type: 'text', text: 'ported' }]);
    expect(seen[0]).toBe('GET ported');
    expect(seen).toContain('POST ported');
  });

  it('refuses what it would not apply, at construction, naming it', () => {
    const url = new URL('http://127.0.0.1:1/sse');
    expect(() => new SSEClientTransport(url, { authProvider: {} })).toThrow(
      /SSEClientTransport: authProvider \(OAuth\) is not supported/,
    );
    expect(() => new SSEClientTransport(url, { redirectPolicy: 'same-origin' })).toThrow(/redirectPolicy/);
    expect(() => new SSEClientTransport(url, { eventSourceInit: { withCredentials: true } })).toThrow(
      /eventSourceInit\.withCredentials is not supported/,
    );
    expect(() => new SSEClientTransport(url, { requestInit: { mode: 'cors' } })).toThrow(
      /SSEClientTransport: requestInit\.mode is not supported/,
    );
  });
});
