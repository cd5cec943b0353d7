// The 2026-07-28 era over a real node:http server: JSON or request-scoped SSE answers, header
// validation (-32020), the status codes the spec ties to error codes, cancellation by closing the
// response, and statelessness (an MRTR round trip split across two handlers of a "fleet").
import { McpServer, type ToolResult } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  listenStreamableHttp,
  type ListenStreamableHttpOptions,
  type StreamableHttpListener,
} from '../src/index.js';
import {
  type Json,
  modernHeaders,
  modernRequest,
  post,
  SseReader,
  testServer,
} from './server-support/http.js';
import { raw } from './server-support/raw.js';
import { MAX_DECIMAL_HEADER_CHARS } from '../src/server/modern-headers.js';

const open: StreamableHttpListener[] = [];

afterEach(async () => {
  for (const listener of open.splice(0)) await listener.close();
});

async function start(options?: Partial<ListenStreamableHttpOptions>): Promise<StreamableHttpListener> {
  const listener = await listenStreamableHttp({ server: testServer(), ...options });
  open.push(listener);
  return listener;
}

/** POSTs a modern request with conforming headers, `overrides` applied (undefined removes one). */
async function call(
  url: string,
  body: Record<string, unknown>,
  overrides: Record<string, string | undefined> = {},
): Promise<{ status: number; json: Json; contentType: string | null }> {
  const headers: Record<string, string> = modernHeaders(body);
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const response = await post(url, body, headers);
  return {
    status: response.status,
    json: await response.json(),
    contentType: response.headers.get('content-type'),
  };
}

describe('answers', () => {
  it('answers JSON when the handler sends no notification', async () => {
    const { url } = await start();
    const body = modernRequest('tools/call', { name: 'echo', arguments: { text: 'hi' } }, 'a');
    const response = await call(url, body);
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('application/json');
    expect(response.json).toMatchObject({
      id: 'a',
      result: { content: [{ type: 'text', text: 'hi' }], resultType: 'complete' },
    });
  });

  it('switches to a request-scoped SSE stream at the first notification, the response last', async () => {
    const { url } = await start();
    const body = modernRequest('tools/call', { name: 'progress', arguments: { steps: 3 } }, 5, {
      progressToken: 'p',
    });
    const response = await post(url, body, modernHeaders(body));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const messages = await new SseReader(response).rest();
    expect(messages.map((m) => m.method ?? 'response')).toEqual([
      'notifications/progress',
      'notifications/progress',
      'notifications/progress',
      'response',
    ]);
    expect(messages[2].params).toMatchObject({ progressToken: 'p', progress: 3, total: 3 });
    expect(messages[3]).toMatchObject({ id: 5, result: { content: [{ text: 'done 3' }] } });
  });

  it('accepts a notification with 202 and no body', async () => {
    const { url } = await start();
    const response = await post(
      url,
      { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } },
      {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
      },
    );
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
  });

  it('refuses a JSON-RPC response from a modern client (400, -32600)', async () => {
    const { url } = await start();
    const response = await post(
      url,
      { jsonrpc: '2.0', id: 3, result: {} },
      {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ id: 3, error: { code: -32600 } });
  });
});

describe('status codes of JSON-RPC errors', () => {
  it('answers an unknown method 404 with -32601 and the request id', async () => {
    const { url } = await start();
    const response = await call(url, modernRequest('initialize', {}, 41));
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ id: 41, error: { code: -32601 } });
  });

  it.each([
    'toString',
    '__proto__',
    'constructor',
    'hasOwnProperty',
  ])('answers a method named %s 404 with -32601, like any unknown method (no prototype lookups)', async (method) => {
    const { url } = await start();
    const response = await call(url, modernRequest(method, {}, 7));
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ id: 7, error: { code: -32601 } });
  });

  it('refuses a request nested deeper than the bound -32600 with its id, and keeps serving', async () => {
    const { url } = await start();
    const deep = modernRequest(
      'tools/call',
      { name: 'echo', arguments: { text: 'x', v: JSON.parse(`${'['.repeat(3000)}${']'.repeat(3000)}`) } },
      5,
    );
    const refused = await call(url, deep);
    expect(refused.json).toMatchObject({
      id: 5,
      error: { code: -32600, message: expect.stringMatching(/nested deeper than 128/) },
    });
    const fine = await call(url, modernRequest('tools/call', { name: 'echo', arguments: { text: 'x' } }, 6));
    expect(fine.status).toBe(200);
  });

  it('answers an unsupported version 400 with -32022 naming the supported ones', async () => {
    const { url } = await start();
    const body = modernRequest('server/discover', {}, 2, {
      'io.modelcontextprotocol/protocolVersion': 'v999',
    });
    const response = await call(url, body, { 'mcp-protocol-version': 'v999' });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: -32022, data: { requested: 'v999' } });
    expect(response.json.error.data.supported).toContain('2026-07-28');
  });

  it('answers a missing client capability 400 with -32021', async () => {
    const { url } = await start();
    const response = await call(url, modernRequest('tools/call', { name: 'sample', arguments: {} }, 3));
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      id: 3,
      error: { code: -32021, data: { requiredCapabilities: { sampling: {} } } },
    });
  });

  it('answers a request whose _meta lacks a required field 400 with -32602', async () => {
    const { url } = await start();
    const noCapabilities = {
      jsonrpc: '2.0',
      id: 4,
      method: 'server/discover',
      params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } },
    };
    const first = await call(url, noCapabilities);
    expect(first.status).toBe(400);
    expect(first.json).toMatchObject({ id: 4, error: { code: -32602 } });
    // No _meta version at all: the modern header routes it here, and it is malformed.
    const noVersion = { jsonrpc: '2.0', id: 5, method: 'server/discover', params: {} };
    const second = await call(url, noVersion);
    expect(second.status).toBe(400);
    expect(second.json).toMatchObject({ id: 5, error: { code: -32602 } });
  });

  it('answers other JSON-RPC errors 200 with the error body', async () => {
    const { url } = await start();
    const response = await call(url, modernRequest('prompts/get', { name: 'missing' }, 6));
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ id: 6, error: { code: -32602 } });
  });
});

describe('header validation (-32020)', () => {
  const list = modernRequest('tools/list', {}, 9);

  it.each([
    ['MCP-Protocol-Version missing', { 'mcp-protocol-version': undefined }],
    ['MCP-Protocol-Version differing from _meta', { 'mcp-protocol-version': '2025-11-25' }],
    ['Mcp-Method missing', { 'mcp-method': undefined }],
    ['Mcp-Method differing', { 'mcp-method': 'prompts/list' }],
    ['Mcp-Method in another case', { 'mcp-method': 'TOOLS/LIST' }],
  ])('refuses %s with 400, -32020 and the request id', async (_case, overrides) => {
    const { url } = await start();
    const response = await call(url, list, overrides);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ jsonrpc: '2.0', id: 9, error: { code: -32020 } });
  });

  it('checks Mcp-Name against params.name and params.uri, decoding the Base64 sentinel', async () => {
    const { url } = await start();
    const echo = modernRequest('tools/call', { name: 'echo', arguments: { text: 'x' } });
    expect((await call(url, echo, { 'mcp-name': undefined })).json.error.code).toBe(-32020);
    expect((await call(url, echo, { 'mcp-name': 'other' })).json.error.code).toBe(-32020);
    expect((await call(url, echo, { 'mcp-name': '=?base64?ZWNobw==?=' })).status).toBe(200);
    expect((await call(url, echo, { 'mcp-name': '=?base64?ZWNobw?=' })).json.error.code).toBe(-32020);
    const read = modernRequest('resources/read', { uri: 'test://nothing' });
    expect((await call(url, read, { 'mcp-name': 'test://other' })).json.error.code).toBe(-32020);
    // Matching name: past the headers, the server answers "not found" (-32602, not -32020).
    expect((await call(url, read)).json.error.code).toBe(-32602);
  });

  describe('Mcp-Param-* of x-mcp-header parameters', () => {
    const args = { region: 'us-west1', count: 42, flag: true, nested: { zone: 'b' } };
    const body = modernRequest('tools/call', { name: 'headers', arguments: args });
    const good = {
      'mcp-param-region': 'us-west1',
      'mcp-param-count': '42',
      'mcp-param-flag': 'true',
      'mcp-param-zone': 'b',
    };

    it('accepts matching headers: integers compared numerically, names case-insensitive, sentinel decoded', async () => {
      const { url } = await start();
      expect((await call(url, body, good)).status).toBe(200);
      expect((await call(url, body, { ...good, 'mcp-param-count': '42.0' })).status).toBe(200);
      const encoded = {
        ...good,
        'MCP-PARAM-REGION': undefined,
        'mcp-param-region': '=?base64?dXMtd2VzdDE=?=',
      };
      expect((await call(url, body, encoded)).status).toBe(200);
      // Parameters absent from the arguments need no header.
      const bare = modernRequest('tools/call', { name: 'headers', arguments: {} });
      expect((await call(url, bare)).status).toBe(200);
    });

    it.each([
      ['a header missing while the argument has a value', { 'mcp-param-zone': undefined }],
      ['a string that differs', { 'mcp-param-region': 'eu-west1' }],
      ['an integer that differs', { 'mcp-param-count': '43' }],
      ['an integer that is not decimal', { 'mcp-param-count': '0x2A' }],
      ['a boolean in another case', { 'mcp-param-flag': 'TRUE' }],
      ['invalid Base64', { 'mcp-param-region': '=?base64?!!!?=' }],
    ])('refuses %s (400, -32020)', async (_case, overrides) => {
      const { url } = await start();
      const response = await call(url, body, { ...good, ...overrides });
      expect(response.status).toBe(400);
      expect(response.json.error.code).toBe(-32020);
    });

    it('checks an integer header without backtracking: 15,500 digits and an x are refused, padded decimals within the bound accepted', async () => {
      const { url } = await start();
      // Before the fix this value took about 0.5 s of one core per request (quadratic backtracking).
      const hostile = `${'1'.repeat(15_500)}x`;
      const refused = await call(url, body, { ...good, 'mcp-param-count': hostile });
      expect(refused.status).toBe(400);
      expect(refused.json.error.code).toBe(-32020);
      // The bound refuses long text before the pattern runs, even when it would be numerically equal.
      const long = `${'0'.repeat(MAX_DECIMAL_HEADER_CHARS)}42`;
      expect((await call(url, body, { ...good, 'mcp-param-count': long })).json.error.code).toBe(-32020);
      const padded = `${'0'.repeat(MAX_DECIMAL_HEADER_CHARS - 2)}42`;
      expect((await call(url, body, { ...good, 'mcp-param-count': padded })).status).toBe(200);
      expect((await call(url, body, { ...good, 'mcp-param-count': '4.2e1' })).status).toBe(200);
      expect((await call(url, body, { ...good, 'mcp-param-count': '42.' })).status).toBe(200);
      expect((await call(url, body, { ...good, 'mcp-param-count': '4.2.0' })).json.error.code).toBe(-32020);
    });

    it('refuses a header whose argument is absent, and a value with characters a header may not carry', async () => {
      const { url } = await start();
      const bare = modernRequest('tools/call', { name: 'headers', arguments: {} });
      expect((await call(url, bare, { 'mcp-param-region': 'us-west1' })).json.error.code).toBe(-32020);
      const latin = modernRequest('tools/call', { name: 'headers', arguments: { region: 'café' } });
      const response = await raw(url, {
        headers: {
          ...modernHeaders(latin),
          'mcp-param-region': Buffer.from('café', 'latin1').toString('latin1'),
        },
        body: JSON.stringify(latin),
      });
      expect(response.status).toBe(400);
      expect(response.json.error.code).toBe(-32020);
    });
  });
});

describe('cancellation and isolation', () => {
  it('aborts the handler when the client closes the response, and keeps serving', async () => {
    const server = testServer();
    let aborted: () => void = () => {};
    const sawAbort = new Promise<void>((resolve) => {
      aborted = resolve;
    });
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    server.registerTool('wait', {}, (_args, ctx) => {
      started();
      return new Promise<ToolResult>((resolve) => {
        ctx.signal.addEventListener('abort', () => {
          aborted();
          resolve({ content: [{ type: 'text', text: 'too late' }] });
        });
      });
    });
    const listener = await start({ server });
    const controller = new AbortController();
    const body = modernRequest('tools/call', { name: 'wait', arguments: {} });
    const pending = post(listener.url, body, modernHeaders(body), controller.signal).catch(
      (error: unknown) => error,
    );
    await running;
    controller.abort();
    await sawAbort;
    expect(await pending).toBeInstanceOf(Error);
    const next = await call(
      listener.url,
      modernRequest('tools/call', { name: 'echo', arguments: { text: 'still here' } }),
    );
    expect(next.json.result.content[0].text).toBe('still here');
    await expect.poll(() => listener.handler.stats.modernInFlight).toBe(0);
  });

  it('gives two clients using the same request id concurrently their own results', async () => {
    const { url } = await start();
    const slow = modernRequest('tools/call', { name: 'progress', arguments: { steps: 50 } }, 1, {
      progressToken: 1,
    });
    const fast = modernRequest('tools/call', { name: 'echo', arguments: { text: 'fast' } }, 1);
    const [slowResponse, fastResult] = await Promise.all([
      post(url, slow, modernHeaders(slow)).then((response) => new SseReader(response).rest()),
      call(url, fast),
    ]);
    expect(fastResult.json).toMatchObject({ id: 1, result: { content: [{ text: 'fast' }] } });
    expect(slowResponse.at(-1)).toMatchObject({ id: 1, result: { content: [{ text: 'done 50' }] } });
  });
});

describe('statelessness', () => {
  it('serves an MRTR round trip split across two processes sharing the requestState key', async () => {
    const a = await start({ server: testServer({ requestStateKey: 'fleet-secret-0123456789-0123456789' }) });
    const b = await start({ server: testServer({ requestStateKey: 'fleet-secret-0123456789-0123456789' }) });
    const capabilities = { 'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } } };
    const first = await call(
      a.url,
      modernRequest('tools/call', { name: 'ask', arguments: {} }, 1, capabilities),
    );
    expect(first.json.result.resultType).toBe('input_required');
    const [key] = Object.keys(first.json.result.inputRequests);
    const retry = modernRequest(
      'tools/call',
      {
        name: 'ask',
        arguments: {},
        requestState: first.json.result.requestState,
        inputResponses: { [key!]: { action: 'accept', content: { name: 'Ada' } } },
      },
      2,
      capabilities,
    );
    const second = await call(b.url, retry);
    expect(second.json.result).toMatchObject({ resultType: 'complete', content: [{ text: 'hello Ada' }] });
    // A process with another key cannot read the state: the split works because of the shared key.
    const stranger = await start({
      server: testServer({ requestStateKey: 'other-secret-0123456789-0123456789' }),
    });
    expect((await call(stranger.url, retry)).json.error.code).toBe(-32602);
  });
});

describe('subscriptions/listen', () => {
  it('streams the acknowledgement, then the changes asked for, until the client leaves', async () => {
    const server = testServer();
    const listener = await start({ server });
    const controller = new AbortController();
    const body = modernRequest('subscriptions/listen', { notifications: { toolsListChanged: true } }, 'l');
    const response = await post(listener.url, body, modernHeaders(body), controller.signal);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = new SseReader(response);
    expect((await reader.nextMessage())?.message.method).toBe('notifications/subscriptions/acknowledged');
    server.registerTool('added', {}, () => ({ content: [] }));
    const change = await reader.nextMessage();
    expect(change?.message).toMatchObject({
      method: 'notifications/tools/list_changed',
      params: { _meta: { 'io.modelcontextprotocol/subscriptionId': expect.anything() } },
    });
    expect(listener.handler.stats.modernInFlight).toBe(1);
    controller.abort();
    await expect.poll(() => listener.handler.stats.modernInFlight).toBe(0);
    await expect.poll(() => listener.handler.stats.openStreams).toBe(0);
  });
});

it('keeps the McpServer serving other transports after the handler closes', async () => {
  const server = new McpServer({ name: 'shared', version: '1' });
  const listener = await listenStreamableHttp({ server });
  await listener.close();
  expect(server.connections).toEqual([]);
});
