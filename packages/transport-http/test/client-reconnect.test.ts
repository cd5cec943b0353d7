// Stream resumption with an injected clock: the server's `retry` is waited exactly (jitter pinned to
// 0), Last-Event-ID is kept across repeated drops, backoff without `retry`, and bounded attempts.
import { TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { FakeTimers, TransportRecorder } from '@mcpwire/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEraCache,
  createStreamableHttpClientTransport,
  type HttpResponse,
  type NodeStreamableHttpClientTransportOptions,
  type StreamableHttpClientTransport,
} from '../src/index.js';
import { flush, jsonResponse, ScriptedHttp, SseBody } from './client-support/scripted-http.js';

const open: StreamableHttpClientTransport[] = [];
afterEach(async () => {
  await Promise.allSettled(open.splice(0).map((t) => t.close()));
});

const initialize = {
  jsonrpc: '2.0' as const,
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
};
const initResult = {
  jsonrpc: '2.0',
  id: 1,
  result: { protocolVersion: '2025-11-25', capabilities: {}, serverInfo: { name: 's', version: '1' } },
};

async function setup(options: Partial<NodeStreamableHttpClientTransportOptions> = {}) {
  const http = new ScriptedHttp();
  const timers = new FakeTimers();
  const transport = createStreamableHttpClientTransport({
    url: 'http://mcp.test/mcp',
    http: http.requester,
    timers,
    random: () => 0,
    eraCache: createEraCache(),
    closeTimeoutMs: 10,
    ...options,
  });
  open.push(transport);
  const recorder = new TransportRecorder(transport);
  await transport.start();
  return { http, timers, transport, recorder };
}

/** initialize + initialized; `get` answers the GET stream that follows, if any. */
async function handshake(
  http: ScriptedHttp,
  transport: StreamableHttpClientTransport,
  get?: HttpResponse,
): Promise<void> {
  http.answer(jsonResponse(200, initResult, { 'mcp-session-id': 'S1' }));
  http.answer(jsonResponse(202));
  if (get !== undefined) http.answer(get);
  await transport.send(initialize);
  await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  await flush();
}

describe('the GET stream', () => {
  it("reconnects after the server's retry, resuming from the last event id across repeated drops", async () => {
    const { http, timers, transport, recorder } = await setup();
    const first = new SseBody();
    await handshake(http, transport, first.response);
    expect(http.of('GET')).toHaveLength(1);
    expect(http.of('GET')[0]?.request.headers['last-event-id']).toBeUndefined();

    first.event({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' }, { id: 'a', retry: 3000 });
    first.end();
    await flush();
    expect(recorder.messages.at(-1)).toEqual({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    const second = new SseBody();
    http.answer(second.response);
    timers.advance(2999);
    await flush();
    expect(http.of('GET')).toHaveLength(1);
    timers.advance(1);
    await flush();
    expect(http.of('GET')).toHaveLength(2);
    expect(http.of('GET')[1]?.request.headers).toMatchObject({
      'last-event-id': 'a',
      'mcp-session-id': 'S1',
    });

    // A break after another event: resumes from that one, still after the retry given earlier.
    second.event('', { id: 'b' });
    second.fail();
    await flush();
    const third = new SseBody();
    http.answer(third.response);
    timers.advance(3000);
    await flush();
    expect(http.of('GET')[2]?.request.headers['last-event-id']).toBe('b');

    // A drop with no new event keeps the id it had.
    third.end();
    await flush();
    http.answer(new SseBody().response);
    timers.advance(3000);
    await flush();
    expect(http.of('GET')[3]?.request.headers['last-event-id']).toBe('b');
    expect(recorder.errors).toEqual([]);
  });

  it('backs off without a retry, and gives up after reconnect.maxAttempts failed openings', async () => {
    const { http, timers, transport, recorder } = await setup({
      reconnect: { maxAttempts: 2, initialDelayMs: 100, backoffFactor: 2 },
    });
    await handshake(http, transport, jsonResponse(503));
    expect(http.of('GET')).toHaveLength(1);
    // Failure 1: 100 * 2^1 ms.
    http.answer(jsonResponse(503));
    timers.advance(199);
    await flush();
    expect(http.of('GET')).toHaveLength(1);
    timers.advance(1);
    await flush();
    expect(http.of('GET')).toHaveLength(2);
    // Failure 2: 400 ms, then failure 3 is one too many.
    http.answer(jsonResponse(503));
    timers.advance(400);
    await flush();
    expect(http.of('GET')).toHaveLength(3);
    timers.runAll();
    await flush();
    expect(http.of('GET')).toHaveLength(3);
    const codes = recorder.errors.map((e) => (e as TransportError).code);
    expect(codes).toEqual([
      TransportErrorCode.HttpStatus,
      TransportErrorCode.HttpStatus,
      TransportErrorCode.HttpStatus,
      TransportErrorCode.Network,
    ]);
    expect(recorder.errors.at(-1)?.message).toContain('reconnect.maxAttempts');
  });

  it('is not reopened after a 405', async () => {
    const { http, timers, transport, recorder } = await setup();
    await handshake(http, transport, jsonResponse(405));
    timers.runAll();
    await flush();
    expect(http.of('GET')).toHaveLength(1);
    expect(recorder.errors).toEqual([]);
  });
});

describe('a POST stream that ends before its response', () => {
  it('is resumed with GET after retry, and fails with MCPWIRE_ERR_NETWORK after maxAttempts', async () => {
    const { http, timers, transport, recorder } = await setup({
      openGetStream: false,
      reconnect: { maxAttempts: 2 },
    });
    await handshake(http, transport);
    const post = new SseBody();
    http.answer(post.response);
    const call = transport
      .send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'slow' } })
      .catch((e: unknown) => e);
    await flush();
    post.event('', { id: 'p1', retry: 1000 });
    post.end();
    await flush();
    http.answer(jsonResponse(500));
    http.answer(jsonResponse(500));
    timers.advance(999);
    await flush();
    expect(http.of('GET')).toHaveLength(0);
    timers.advance(1);
    await flush();
    expect(http.of('GET')[0]?.request.headers['last-event-id']).toBe('p1');
    timers.advance(1000);
    await flush();
    expect(http.of('GET')).toHaveLength(2);
    const error = (await call) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.code).toBe(TransportErrorCode.Network);
    expect(error.details).toMatchObject({ requestId: 2, method: 'tools/call' });
    expect(recorder.errors).toContain(error);
  });

  it('delivers the response from the resumed stream and keeps polling while streams open', async () => {
    const { http, timers, transport, recorder } = await setup({
      openGetStream: false,
      reconnect: { maxAttempts: 1 },
    });
    await handshake(http, transport);
    const post = new SseBody();
    http.answer(post.response);
    const call = transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'slow' } });
    await flush();
    post.event('', { id: 'p1', retry: 500 });
    post.end();
    // Three polls that open and close without the answer: each resets the attempt count.
    for (let poll = 0; poll < 3; poll++) {
      const empty = new SseBody();
      http.answer(empty.response);
      await flush();
      timers.advance(500);
      await flush();
      empty.event('', { id: `q${poll}` });
      empty.end();
      await flush();
    }
    const last = new SseBody();
    http.answer(last.response);
    timers.advance(500);
    await flush();
    last.event({ jsonrpc: '2.0', id: 2, result: { content: [] } }, { id: 'r' });
    await call;
    expect(http.of('GET').map((c) => c.request.headers['last-event-id'])).toEqual(['p1', 'q0', 'q1', 'q2']);
    expect(recorder.messages.at(-1)).toEqual({ jsonrpc: '2.0', id: 2, result: { content: [] } });
    await flush();
    expect(last.cancelled).toBe(true);
  });
});

describe('modern re-issue', () => {
  it("waits the stream's retry before the new POST", async () => {
    const { http, timers, transport, recorder } = await setup();
    const request = {
      jsonrpc: '2.0' as const,
      id: 1,
      method: 'tools/call',
      params: { name: 't', _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } },
    };
    const first = new SseBody();
    http.answer(first.response);
    const sent = transport.send(request);
    await flush();
    first.event('', { retry: 2000 });
    first.fail();
    await flush();
    http.answer(jsonResponse(200, { jsonrpc: '2.0', id: 1, result: {} }));
    timers.advance(1999);
    await flush();
    expect(http.of('POST')).toHaveLength(1);
    timers.advance(1);
    await sent;
    expect(http.of('POST')).toHaveLength(2);
    expect(recorder.messages).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
  });
});
