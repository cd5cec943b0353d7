/**
 * Modern-era requests: the per-request `_meta` fields, per-request log level, the `resultType`
 * leniency and strictness, -32022 mid-session, local param checks, progress and cancellation.
 */
import { describe, expect, it } from 'vitest';
import { ProtocolError, TransportError, TransportErrorCode } from '../src/errors.js';
import type { JSONRPCRequest } from '../src/jsonrpc.js';
import { connectedClient, fakeServer, flush } from './support/client-fake-server.js';
import { assertClientTraffic } from './support/client-wire.js';

const TOOLS = { resultType: 'complete', tools: [{ name: 'echo', inputSchema: { type: 'object' } }] };

function metaOf(request: JSONRPCRequest | undefined): Record<string, unknown> {
  return (request?.params?.['_meta'] ?? {}) as Record<string, unknown>;
}

describe('McpClient modern requests: per-request _meta', () => {
  it('carries version, capabilities derived from the handlers plus extras, and client info', async () => {
    const server = await fakeServer({ kind: 'modern', handlers: { 'tools/list': () => TOOLS } });
    const client = await connectedClient(server, {
      handlers: {
        elicitation: () => ({ action: 'cancel' }),
        sampling: () => ({ role: 'assistant', content: { type: 'text', text: '' }, model: 'm' }),
        roots: () => ({ roots: [] }),
      },
      capabilities: { sampling: { tools: {} }, extensions: { 'com.example/x': {} } },
    });
    await client.listTools();
    for (const request of server.requests()) {
      expect(metaOf(request)).toEqual({
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientCapabilities': {
          elicitation: { form: {} },
          sampling: { tools: {} },
          roots: {},
          extensions: { 'com.example/x': {} },
        },
        'io.modelcontextprotocol/clientInfo': { name: 'test-client', version: '1.0.0' },
      });
    }
    expect(server.requests().map((r) => r.method)).toEqual(['server/discover', 'tools/list']);
    assertClientTraffic('2026-07-28', server.sent());
  });

  it('merges the caller _meta without mutating it; protocol keys win', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: { 'prompts/get': () => ({ resultType: 'complete', messages: [] }) },
    });
    const client = await connectedClient(server);
    const meta = {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01',
      'io.modelcontextprotocol/protocolVersion': 'x',
    };
    const params = { name: 'p', _meta: meta };
    await client.getPrompt(params);
    expect(params).toEqual({ name: 'p', _meta: { ...meta } });
    expect(Object.keys(meta)).toHaveLength(2);
    const sent = metaOf(server.requests('prompts/get')[0]);
    expect(sent['traceparent']).toBe(meta.traceparent);
    expect(sent['io.modelcontextprotocol/protocolVersion']).toBe('2026-07-28');
  });

  it('sends the log level per request: client default, call override, setLoggingLevel without a request', async () => {
    const server = await fakeServer({ kind: 'modern', handlers: { 'tools/list': () => TOOLS } });
    const client = await connectedClient(server, { logLevel: 'warning', cache: false });
    await client.listTools();
    await client.listTools(undefined, { logLevel: 'debug' });
    await client.setLoggingLevel('error');
    await client.listTools();
    const levels = server.requests('tools/list').map((r) => metaOf(r)['io.modelcontextprotocol/logLevel']);
    expect(levels).toEqual(['warning', 'debug', 'error']);
    expect(server.requests('logging/setLevel')).toHaveLength(0);
    assertClientTraffic('2026-07-28', server.sent());
  });

  it('delivers request-scoped log messages to onLogMessage listeners', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/list': async (_params, ctx) => {
          await ctx.notify('notifications/message', { level: 'info', logger: 'db', data: { ok: true } });
          return TOOLS;
        },
      },
    });
    const client = await connectedClient(server, { logLevel: 'info' });
    const logs: unknown[] = [];
    const remove = client.onLogMessage((params) => logs.push(params));
    await client.listTools();
    remove();
    await client.listTools({ cursor: 'again' });
    expect(logs).toEqual([{ level: 'info', logger: 'db', data: { ok: true } }]);
  });
});

describe('McpClient modern results', () => {
  it('treats a result without resultType as complete (older servers)', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: { 'tools/list': () => ({ tools: [{ name: 'a', inputSchema: { type: 'object' } }] }) },
    });
    const client = await connectedClient(server);
    const result = await client.listTools();
    expect(result.tools.map((t) => t.name)).toEqual(['a']);
  });

  it('rejects an unrecognized resultType as invalid', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: { 'tools/list': () => ({ ...TOOLS, resultType: 'task' }) },
    });
    const client = await connectedClient(server);
    const error = await client.listTools().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({
      code: TransportErrorCode.InvalidMessage,
      details: { method: 'tools/list', requestId: 2 },
    });
    expect((error as Error).message).toContain('"task"');
  });

  it('rejects a result that does not match the revision schema, naming method and request id', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: { 'tools/list': () => ({ resultType: 'complete', tools: 'x' }) },
    });
    const client = await connectedClient(server);
    await expect(client.listTools()).rejects.toMatchObject({
      code: TransportErrorCode.InvalidMessage,
      details: { method: 'tools/list', requestId: 2 },
    });
  });

  it('refuses invalid params and era-less methods locally, sending nothing', async () => {
    const server = await fakeServer({ kind: 'modern' });
    const client = await connectedClient(server);
    const before = server.sent().length;
    await expect(client.callTool({ name: 3 } as never)).rejects.toMatchObject({
      code: TransportErrorCode.SendValidation,
    });
    await expect(client.ping()).rejects.toMatchObject({
      code: TransportErrorCode.SendValidation,
      details: { method: 'ping' },
    });
    await expect(client.subscribeResource('file:///a')).rejects.toMatchObject({
      code: TransportErrorCode.SendValidation,
    });
    expect(server.sent()).toHaveLength(before);
  });
});

describe('McpClient modern: UnsupportedProtocolVersion mid-session', () => {
  it('switches to a version from data.supported and retries once with a new id', async () => {
    let calls = 0;
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/list': () => {
          calls++;
          if (calls === 1) {
            throw new ProtocolError(-32022, 'Unsupported protocol version', {
              supported: ['2026-07-28'],
              requested: '2026-07-28',
            });
          }
          return TOOLS;
        },
      },
    });
    const client = await connectedClient(server);
    await client.listTools();
    const lists = server.requests('tools/list');
    expect(lists.map((r) => r.id)).toEqual([2, 3]);
    expect(client.protocolVersion).toBe('2026-07-28');
  });

  it('gives up after one retry, and with MCPWIRE_ERR_UNSUPPORTED_VERSION when no version is shared', async () => {
    const always = new ProtocolError(-32022, 'Unsupported protocol version', {
      supported: ['2026-07-28'],
      requested: 'x',
    });
    const none = new ProtocolError(-32022, 'Unsupported protocol version', {
      supported: ['2099-01-01'],
      requested: 'x',
    });
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/list': () => {
          throw always;
        },
        'prompts/list': () => {
          throw none;
        },
      },
    });
    const client = await connectedClient(server);
    await expect(client.listTools()).rejects.toMatchObject({ code: -32022 });
    expect(server.requests('tools/list')).toHaveLength(2);
    await expect(client.listPrompts()).rejects.toMatchObject({ code: TransportErrorCode.UnsupportedVersion });
    expect(server.requests('prompts/list')).toHaveLength(1);
  });
});

describe('McpClient modern: progress and cancellation', () => {
  it('forwards progress and cancels with notifications/cancelled naming the request', async () => {
    let release: (() => void) | undefined;
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/call': async (_params, ctx) => {
          await ctx.sendProgress(1, 2, 'half');
          await new Promise<void>((resolve) => {
            release = resolve;
            ctx.signal.addEventListener('abort', () => resolve());
          });
          return { resultType: 'complete', content: [] };
        },
      },
    });
    const client = await connectedClient(server, { validateToolOutput: false });
    const progress: unknown[] = [];
    const controller = new AbortController();
    const call = client.callTool(
      { name: 'slow' },
      { signal: controller.signal, onprogress: (p) => progress.push(p) },
    );
    await flush();
    expect(progress).toEqual([{ progress: 1, total: 2, message: 'half' }]);
    controller.abort('user');
    await expect(call).rejects.toMatchObject({ code: TransportErrorCode.Cancelled });
    release?.();
    const callId = server.requests('tools/call')[0]?.id;
    expect(server.sent().at(-1)).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: callId, reason: 'user' },
    });
    assertClientTraffic('2026-07-28', server.sent());
  });
});
