// The 2026-07-28 side of the client transport against a hand-written server: one POST per request
// with the metadata headers, JSON and SSE answers, HTTP errors, re-issue after a broken stream, and
// cancellation by closing the POST.
import { ErrorCode, type JSONRPCMessage, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  event,
  json,
  modernRequest,
  openSse,
  type Recorded,
  result,
  rpcError,
} from './client-support/fake-server.js';
import { Harness } from './client-support/harness.js';

const h = new Harness();
afterEach(() => h.dispose());

async function rejection(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('request metadata headers', () => {
  it('sends Accept, Content-Type, MCP-Protocol-Version, Mcp-Method and Mcp-Name on each POST', async () => {
    const { server, transport, recorder } = await h.open((req, res) => json(res, result(req, { ok: true })));
    await transport.send(modernRequest(1, 'tools/call', { name: 'get_weather', arguments: {} }));
    await transport.send(modernRequest(2, 'resources/read', { uri: 'file:///a b.txt' }));
    await transport.send(modernRequest(3, 'prompts/get', { name: 'greet' }));
    await transport.send(modernRequest(4, 'tools/list'));
    const [call, read, prompt, list] = server.posts();
    expect(call?.headers).toMatchObject({
      accept: 'application/json, text/event-stream',
      'content-type': 'application/json',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'get_weather',
    });
    expect(read?.headers['mcp-name']).toBe('file:///a b.txt');
    expect(prompt?.headers['mcp-name']).toBe('greet');
    expect(list?.headers['mcp-method']).toBe('tools/list');
    expect(list?.headers['mcp-name']).toBeUndefined();
    expect(call?.headers['mcp-session-id']).toBeUndefined();
    expect(recorder.messages.map((m) => (m as { id: number }).id)).toEqual([1, 2, 3, 4]);
  });

  it('encodes a name that is not plain ASCII with the Base64 sentinel', async () => {
    const { server, transport } = await h.open((req, res) => json(res, result(req, {})));
    await transport.send(modernRequest(1, 'tools/call', { name: 'météo', arguments: {} }));
    await transport.send(modernRequest(2, 'prompts/get', { name: ' padded ' }));
    await transport.send(modernRequest(3, 'tools/call', { name: '=?base64?abc?=', arguments: {} }));
    const names = server.posts().map((r) => r.headers['mcp-name']);
    expect(names).toEqual([
      `=?base64?${Buffer.from('météo').toString('base64')}?=`,
      `=?base64?${Buffer.from(' padded ').toString('base64')}?=`,
      `=?base64?${Buffer.from('=?base64?abc?=').toString('base64')}?=`,
    ]);
  });

  it('uses the version of the body, adds the caller headers, and lets protocol headers win', async () => {
    let token = 0;
    const { server, transport } = await h.open((req, res) => json(res, result(req, {})), {
      headers: () => ({ Authorization: `Bearer t${++token}`, 'MCP-Method': 'forged' }),
    });
    const request = modernRequest(1, 'tools/list');
    request.params._meta['io.modelcontextprotocol/protocolVersion'] = '2026-01-01';
    await transport.send(request);
    await transport.send(modernRequest(2, 'tools/list'));
    const [first, second] = server.posts();
    expect(first?.headers['mcp-protocol-version']).toBe('2026-01-01');
    expect(first?.headers['mcp-method']).toBe('tools/list');
    expect([first?.headers.authorization, second?.headers.authorization]).toEqual(['Bearer t1', 'Bearer t2']);
  });
});

describe('answers', () => {
  it('delivers the notifications of an SSE answer, then the response, before send() resolves', async () => {
    const { transport, recorder } = await h.open((req, res) => {
      openSse(res);
      res.write(': a comment\n\n');
      event(res, '', { id: 'prime' });
      event(res, {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 1, progress: 1 },
      });
      res.write('event: other\ndata: ignored\n\n');
      event(res, { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x' } });
      event(res, result(req, { done: true }));
      res.end();
    });
    await transport.send(modernRequest(7, 'tools/call', { name: 't', arguments: {} }));
    expect(recorder.messages).toEqual([
      { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 1 } },
      { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x' } },
      { jsonrpc: '2.0', id: 7, result: { done: true } },
    ]);
    expect(recorder.errors).toEqual([]);
  });

  it('delivers a JSON-RPC error carried by an HTTP error, answering the request id', async () => {
    const { transport, recorder } = await h.open((req, res) => {
      if (req.body.id === 1) json(res, result(req, {}));
      else json(res, rpcError(null, ErrorCode.InvalidParams, 'bad arguments'), 400);
    });
    await transport.send(modernRequest(1, 'tools/list'));
    await transport.send(modernRequest(2, 'tools/call', { name: 't', arguments: {} }));
    expect(recorder.messages[1]).toEqual(rpcError(2, ErrorCode.InvalidParams, 'bad arguments'));
  });

  it('rejects with MCPWIRE_ERR_HTTP_STATUS for an HTTP error without a JSON-RPC body', async () => {
    const { transport, recorder } = await h.open((req, res) => {
      if (req.body.id === 1) json(res, result(req, {}));
      else {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('bad gateway');
      }
    });
    await transport.send(modernRequest(1, 'tools/list'));
    const error = await rejection(transport.send(modernRequest(2, 'tools/list')));
    expect(error.code).toBe(TransportErrorCode.HttpStatus);
    expect(error.details).toMatchObject({ httpStatus: 502, requestId: 2, method: 'tools/list' });
    expect(error.message).toContain('bad gateway');
    expect(recorder.messages).toHaveLength(1);
  });

  it('rejects an answer that is neither JSON nor SSE, and a JSON answer to another id', async () => {
    const { transport } = await h.open((req, res) => {
      if (req.body.id === 1) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html></html>');
      } else json(res, { jsonrpc: '2.0', id: 99, result: {} });
    });
    expect((await rejection(transport.send(modernRequest(1, 'tools/list')))).code).toBe(
      TransportErrorCode.InvalidMessage,
    );
    expect((await rejection(transport.send(modernRequest(2, 'tools/list')))).code).toBe(
      TransportErrorCode.InvalidMessage,
    );
  });

  it('rejects with MCPWIRE_ERR_NETWORK when no server answers', async () => {
    const server = await h.server(() => {});
    const { transport } = await h.transport(server);
    await server.close();
    const error = await rejection(transport.send(modernRequest(1, 'tools/list')));
    expect(error.code).toBe(TransportErrorCode.Network);
    expect(error.details.requestId).toBe(1);
  });
});

describe('a response stream that breaks before the response', () => {
  it('is re-issued as a new POST of the same request', async () => {
    let posts = 0;
    const { server, transport, recorder } = await h.open((req, res) => {
      posts++;
      openSse(res);
      if (posts === 1) {
        event(res, { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 1 } });
        setTimeout(() => res.socket?.destroy(), 10);
        return;
      }
      event(res, result(req, { attempt: posts }));
      res.end();
    });
    await transport.send(modernRequest(5, 'tools/call', { name: 't', arguments: {} }));
    expect(server.posts().map((r) => r.body)).toEqual([server.posts()[0]?.body, server.posts()[0]?.body]);
    expect(recorder.messages.at(-1)).toEqual({ jsonrpc: '2.0', id: 5, result: { attempt: 2 } });
  });

  it('rejects with MCPWIRE_ERR_NETWORK after maxReissues new POSTs', async () => {
    const { server, transport } = await h.open(
      (_req, res) => {
        openSse(res);
        res.end();
      },
      { maxReissues: 2 },
    );
    const error = await rejection(
      transport.send(modernRequest(1, 'tools/call', { name: 't', arguments: {} })),
    );
    expect(error.code).toBe(TransportErrorCode.Network);
    expect(error.message).toContain('maxReissues');
    expect(server.posts()).toHaveLength(3);
  });
});

describe('cancellation', () => {
  it('aborts the POST of a cancelled request instead of sending notifications/cancelled', async () => {
    let closed!: () => void;
    const streamClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const { server, transport, recorder } = await h.open((_req, res) => {
      openSse(res);
      res.on('close', () => closed());
    });
    const pending = rejection(
      transport.send(modernRequest(3, 'tools/call', { name: 'slow', arguments: {} })),
    );
    await waitFor(() => server.posts().length === 1);
    await transport.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 3 } });
    await streamClosed;
    const error = await pending;
    expect(error.code).toBe(TransportErrorCode.Cancelled);
    expect(server.posts()).toHaveLength(1);
    expect(recorder.messages).toEqual([]);
  });

  it('aborts the POST through a requester that reads request.signal (fetch)', async () => {
    let closed!: () => void;
    const streamClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const { server, transport } = await h.open(
      (_req, res) => {
        openSse(res);
        res.on('close', () => closed());
      },
      { fetch: globalThis.fetch },
    );
    const pending = rejection(
      transport.send(modernRequest(4, 'tools/call', { name: 'slow', arguments: {} })),
    );
    await waitFor(() => server.posts().length === 1);
    await transport.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 4 } });
    await streamClosed;
    expect((await pending).code).toBe(TransportErrorCode.Cancelled);
  });

  it('keeps a subscriptions/listen stream open, delivering its notifications until cancelled', async () => {
    let stream: import('node:http').ServerResponse | undefined;
    const { transport, recorder } = await h.open((req: Recorded, res) => {
      openSse(res);
      stream = res;
      event(res, {
        jsonrpc: '2.0',
        method: 'notifications/subscriptions/acknowledged',
        params: { _meta: { 'io.modelcontextprotocol/subscriptionId': req.body.id } },
      });
    });
    const listening = rejection(
      transport.send(modernRequest('listen-1', 'subscriptions/listen', { notifications: {} })),
    );
    await recorder.waitForMessages(1);
    event(stream!, { jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    await recorder.waitForMessages(2);
    await transport.send({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 'listen-1' },
    });
    expect((await listening).code).toBe(TransportErrorCode.Cancelled);
    expect(
      (recorder.messages as JSONRPCMessage[]).map((m) => ('method' in m ? m.method : 'response')),
    ).toEqual(['notifications/subscriptions/acknowledged', 'notifications/tools/list_changed']);
  });
});

/** Polls `condition` with the shared poll settings (vitest.shared.ts: every 5 ms, up to 10 s). */
async function waitFor(condition: () => boolean): Promise<void> {
  await expect.poll(condition).toBe(true);
}
