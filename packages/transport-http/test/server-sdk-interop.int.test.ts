// Our server under the official SDK's own Streamable HTTP clients: 1.x (legacy sessions, with a server
// request and progress) and 2.x pinned to 2026-07-28 (stateless requests, MRTR input handled by it).
import {
  Client as ClientV2,
  StreamableHTTPClientTransport as TransportV2,
} from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { listenStreamableHttp, type StreamableHttpListener } from '../src/index.js';
import { testServer } from './server-support/http.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function start(): Promise<StreamableHttpListener> {
  const listener = await listenStreamableHttp({ server: testServer() });
  open.push(listener);
  return listener;
}

describe('official SDK 1.x client (legacy era)', () => {
  it('opens a session, calls tools with progress and sampling, and ends it with DELETE', async () => {
    const listener = await start();
    const client = new Client({ name: 'sdk-v1', version: '1.0.0' }, { capabilities: { sampling: {} } });
    client.setRequestHandler(CreateMessageRequestSchema, () => ({
      role: 'assistant',
      content: { type: 'text', text: 'from sdk' },
      model: 'test',
    }));
    const transport = new StreamableHTTPClientTransport(new URL(listener.url));
    await client.connect(transport);
    open.push(client);
    expect(transport.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('echo');
    const progress: number[] = [];
    const result = await client.callTool({ name: 'progress', arguments: { steps: 3 } }, undefined, {
      onprogress: (event) => progress.push(event.progress),
    });
    expect(result.content).toEqual([{ type: 'text', text: 'done 3' }]);
    expect(progress).toEqual([1, 2, 3]);
    const sampled = await client.callTool({ name: 'sample', arguments: {} });
    expect(sampled.content).toEqual([{ type: 'text', text: 'sampled from sdk' }]);
    await transport.terminateSession();
    expect(listener.handler.stats.sessions).toBe(0);
  });
});

describe('official SDK 2.x client pinned to 2026-07-28', () => {
  it('calls tools statelessly, answering the input a tool asks for', async () => {
    const listener = await start();
    const client = new ClientV2(
      { name: 'sdk-v2', version: '2.0.0' },
      { capabilities: { elicitation: { form: {} } }, versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    client.setRequestHandler('elicitation/create', () => ({ action: 'accept', content: { name: 'SDK' } }));
    await client.connect(new TransportV2(new URL(listener.url)));
    open.push(client);
    const echoed = await client.callTool({ name: 'echo', arguments: { text: 'v2' } });
    expect(echoed.content).toEqual([{ type: 'text', text: 'v2' }]);
    const asked = await client.callTool({ name: 'ask', arguments: {} });
    expect(asked.content).toEqual([{ type: 'text', text: 'hello SDK' }]);
    expect(listener.handler.stats.sessions).toBe(0);
  });
});
