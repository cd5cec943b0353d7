// The Streamable HTTP client pointed at the everything-server's HTTP+SSE endpoint (GET /sse + POST
// /messages, in process on port 0) without a `fallback`: connect fails with a TransportError that
// carries the HTTP status and names the `fallback` option, not a bare -32600 "Method Not Allowed".
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpClient, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { createStreamableHttpClientTransport } from '@mcpwire/transport-http';
import { createSseClientTransport, createSseServerHandler } from '@mcpwire/transport-sse';
import { afterEach, expect, it } from 'vitest';
import { createEverythingServer } from '../src/server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sseEndpoint(): Promise<string> {
  const sse = createSseServerHandler({
    server: createEverythingServer(),
    ssePath: '/sse',
    messagesPath: '/messages',
  });
  const http = createServer((req, res) => {
    if (!sse.handleNode(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    await sse.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/sse`;
}

it('without fallback: a typed error with the HTTP status that names the fallback option', async () => {
  const url = await sseEndpoint();
  const client = new McpClient({ name: 'c', version: '1' }, { probeTimeoutMs: 15_000 });
  const error = await client.connect(createStreamableHttpClientTransport({ url })).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TransportError);
  expect(error).toMatchObject({
    code: TransportErrorCode.HttpStatus,
    details: { method: 'initialize', httpStatus: 405 },
  });
  expect((error as Error).message).toMatch(/HTTP 405 for "initialize".*pass the `fallback` option/);
  expect((error as Error).message).toContain('Method Not Allowed: POST');
});

it('with fallback: the same endpoint connects over HTTP+SSE', async () => {
  const url = await sseEndpoint();
  const client = new McpClient({ name: 'c', version: '1' }, { probeTimeoutMs: 15_000 });
  cleanups.push(() => client.close());
  const transport = createStreamableHttpClientTransport({
    url,
    fallback: (at) => createSseClientTransport({ url: at }),
  });
  await client.connect(transport);
  expect(transport.usingFallback).toBe(true);
  expect(client.era).toBe('legacy');
});
