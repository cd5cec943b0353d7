// The official SDK 2.x Client against our server: over its own Streamable HTTP transport in the
// legacy era (its default) and with `auto` negotiation, and over OUR client transport (a drop-in
// under its Client) in both eras. The 2026-07-28 pin over its own transport is in
// server-sdk-interop.int.test.ts.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  createEraCache,
  createStreamableHttpClientTransport,
  listenStreamableHttp,
  type StreamableHttpListener,
} from '../src/index.js';
import { testServer } from './server-support/http.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

/** Our server with the shared test tools, plus one whose result is an error. */
async function start(): Promise<StreamableHttpListener> {
  const server = testServer();
  server.registerTool('fail', { inputSchema: z.object({ reason: z.string() }) }, ({ reason }) => ({
    content: [{ type: 'text', text: `failed:${reason}` }],
    isError: true,
  }));
  const listener = await listenStreamableHttp({ server });
  open.push(listener);
  return listener;
}

type Mode = 'legacy' | 'auto' | { pin: string };

/** An SDK 2.x client answering elicitation and sampling through its request handlers. */
function sdkClient(mode: Mode): Client {
  const client = new Client(
    { name: 'sdk-v2', version: '2.4.0' },
    { capabilities: { elicitation: { form: {} }, sampling: {} }, versionNegotiation: { mode } },
  );
  client.setRequestHandler('elicitation/create', () => ({ action: 'accept', content: { name: 'SDK2' } }));
  client.setRequestHandler('sampling/createMessage', () => ({
    role: 'assistant',
    content: { type: 'text', text: 'from sdk2' },
    model: 'test',
  }));
  open.push(client);
  return client;
}

/** Tools, an error result, and both kinds of input (server requests or MRTR, per era). */
async function exercise(client: Client): Promise<void> {
  const names = (await client.listTools()).tools.map((tool) => tool.name);
  expect(names).toEqual(expect.arrayContaining(['echo', 'progress', 'ask', 'sample', 'fail']));
  const echoed = await client.callTool({ name: 'echo', arguments: { text: 'sdk2' } });
  expect(echoed.content).toEqual([{ type: 'text', text: 'sdk2' }]);
  const failed = await client.callTool({ name: 'fail', arguments: { reason: 'boom' } });
  expect(failed.isError).toBe(true);
  expect(failed.content).toEqual([{ type: 'text', text: 'failed:boom' }]);
  const asked = await client.callTool({ name: 'ask', arguments: {} });
  expect(asked.content).toEqual([{ type: 'text', text: 'hello SDK2' }]);
  const sampled = await client.callTool({ name: 'sample', arguments: {} });
  expect(sampled.content).toEqual([{ type: 'text', text: 'sampled from sdk2' }]);
}

/** Progress notifications reach the caller's `onprogress` before the call resolves. */
async function expectProgress(client: Client): Promise<void> {
  const progress: number[] = [];
  const done = await client.callTool(
    { name: 'progress', arguments: { steps: 3 } },
    {
      onprogress: (event) => progress.push(event.progress),
    },
  );
  expect(done.content).toEqual([{ type: 'text', text: 'done 3' }]);
  expect(progress).toEqual([1, 2, 3]);
}

describe('SDK 2.x client over its own transport', () => {
  it('legacy (its default): a session, server requests answered by its handlers, DELETE ends it', async () => {
    const listener = await start();
    const client = sdkClient('legacy');
    const transport = new StreamableHTTPClientTransport(new URL(listener.url));
    await client.connect(transport);
    expect(client.getNegotiatedProtocolVersion()).toBe('2025-11-25');
    expect(client.getServerVersion()?.name).toBe('http-test');
    expect(transport.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(listener.handler.stats.sessions).toBe(1);
    await exercise(client);
    await expectProgress(client);
    await transport.terminateSession();
    expect(listener.handler.stats.sessions).toBe(0);
  });

  it('auto: the server/discover probe finds our server modern, and no session is opened', async () => {
    const listener = await start();
    const client = sdkClient('auto');
    await client.connect(new StreamableHTTPClientTransport(new URL(listener.url)));
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    await exercise(client);
    await expectProgress(client);
    expect(listener.handler.stats.sessions).toBe(0);
  });
});

describe('SDK 2.x client over our client transport', () => {
  function ourTransport(listener: StreamableHttpListener) {
    const transport = createStreamableHttpClientTransport({ url: listener.url, eraCache: createEraCache() });
    open.push(transport);
    return transport;
  }

  it('legacy: our transport keeps its session and carries its server requests', async () => {
    const listener = await start();
    const client = sdkClient('legacy');
    const transport = ourTransport(listener);
    await client.connect(transport);
    expect(client.getNegotiatedProtocolVersion()).toBe('2025-11-25');
    expect(transport.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(listener.handler.stats.sessions).toBe(1);
    await exercise(client);
    // Closing the client closes our transport, which DELETEs the session.
    await client.close();
    expect(listener.handler.stats.sessions).toBe(0);
  });

  // The SDK's Protocol runs notification handlers one microtask late but responses at once, and
  // forgets a request's progress handler when its response arrives: progress that shares an SSE
  // chunk with the response reaches it only because our transport gives that response its own microtask.
  it('legacy: progress sent on the POST stream reaches its onprogress', async () => {
    const listener = await start();
    const client = sdkClient('legacy');
    await client.connect(ourTransport(listener));
    await expectProgress(client);
  });

  it.each<[string, Mode]>([
    ['pinned to 2026-07-28', { pin: '2026-07-28' }],
    ['auto', 'auto'],
  ])('modern (%s): every request its own POST, MRTR input answered by its handlers', async (_name, mode) => {
    const listener = await start();
    const client = sdkClient(mode);
    const transport = ourTransport(listener);
    await client.connect(transport);
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    await exercise(client);
    await expectProgress(client);
    expect(transport.sessionId).toBeUndefined();
    expect(listener.handler.stats.sessions).toBe(0);
  });
});
