// Every exported client transport class is constructible by a user: ours with its documented options
// (the global fetch by default), and the official SDK's spelling with the SDK's constructor shape.
import { McpClient } from '@mcpwire/protocol-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import * as fetchEntry from '../src/fetch.js';
import {
  listenStreamableHttp,
  StreamableHTTPClientTransport,
  StreamableHttpClientTransport,
  type StreamableHttpListener,
} from '../src/index.js';
import { testServer } from './server-support/http.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function ourServer(): Promise<StreamableHttpListener> {
  const listener = await listenStreamableHttp({ server: testServer() });
  cleanups.push(() => listener.close());
  return listener;
}

describe('new StreamableHttpClientTransport(options)', () => {
  it('sends over the global fetch when given no fetch, http or dispatcher (both eras)', async () => {
    const listener = await ourServer();
    for (const era of ['modern', 'legacy'] as const) {
      const transport = new StreamableHttpClientTransport({ url: listener.url });
      const client = new McpClient({ name: 'c', version: '1' }, { era });
      cleanups.push(() => client.close());
      await client.connect(transport);
      expect(client.era).toBe(era);
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('echo');
      const result = await client.callTool({ name: 'echo', arguments: { text: 'hi' } });
      expect(result.content).toEqual([{ type: 'text', text: 'hi' }]);
    }
  });

  it('is the same class in the ./fetch entry', () => {
    expect(fetchEntry.StreamableHttpClientTransport).toBe(StreamableHttpClientTransport);
    expect(fetchEntry.StreamableHTTPClientTransport).toBe(StreamableHTTPClientTransport);
  });

  it('checks its options at construction', () => {
    expect(() => new StreamableHttpClientTransport({ url: 'ftp://x/' })).toThrow(TypeError);
    expect(() => new StreamableHttpClientTransport({ url: 'http://x/', maxMessageBytes: 0 })).toThrow(
      RangeError,
    );
  });
});

describe("new StreamableHTTPClientTransport(url, opts) (the official SDK's shape)", () => {
  it("carries the SDK's Client, with requestInit.headers on every request and its fetch", async () => {
    const listener = await ourServer();
    const seen: string[] = [];
    const transport = new StreamableHTTPClientTransport(new URL(listener.url), {
      requestInit: { headers: new Headers({ 'x-app': 'ported' }) },
      fetch: (url, init) => {
        seen.push(String((init?.headers as Record<string, string> | undefined)?.['x-app']));
        return fetch(url, init);
      },
      reconnectionOptions: {
        initialReconnectionDelay: 10,
        maxReconnectionDelay: 100,
        reconnectionDelayGrowFactor: 2,
        maxRetries: 1,
      },
    });
    const client = new Client({ name: 'sdk', version: '1' });
    cleanups.push(() => client.close());
    await client.connect(transport);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'ported' } });
    expect(result.content).toEqual([{ type: 'text', text: 'ported' }]);
    expect(transport.sessionId).toBeTypeOf('string');
    expect(transport.protocolVersion).toBe('2025-11-25');
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen)).toEqual(new Set(['ported']));
    // The SDK's terminateSession(): DELETE, then the session id is gone and its requests are refused.
    await transport.terminateSession();
    expect(transport.sessionId).toBeUndefined();
    await expect(client.callTool({ name: 'echo', arguments: { text: 'late' } })).rejects.toThrow();
  });

  it('refuses what it would not apply, at construction, naming it', () => {
    const url = new URL('http://127.0.0.1:1/mcp');
    expect(() => new StreamableHTTPClientTransport(url, { authProvider: {} })).toThrow(
      /authProvider \(OAuth\) is not supported; send a token with requestInit/,
    );
    expect(() => new StreamableHTTPClientTransport(url, { sessionId: 'abc' })).toThrow(/sessionId/);
    expect(() => new StreamableHTTPClientTransport(url, { redirectPolicy: 'same-origin' })).toThrow(
      /redirectPolicy/,
    );
    expect(() => new StreamableHTTPClientTransport(url, { requestInit: { credentials: 'include' } })).toThrow(
      /StreamableHTTPClientTransport: requestInit\.credentials is not supported/,
    );
    expect(() => new StreamableHTTPClientTransport(url, { redirectPolicy: 'follow' })).not.toThrow();
  });
});
