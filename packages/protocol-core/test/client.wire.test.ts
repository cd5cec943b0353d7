/**
 * A whole session per revision, every feature the client has, and every message the client emitted
 * checked against that revision's official JSON schema (requests as ClientRequest, notifications as
 * ClientNotification, answers to server requests as their result definitions).
 */
import { describe, expect, it } from 'vitest';
import type { McpClientOptions } from '../src/client/options.js';
import type { RequestHandler } from '../src/engine/types.js';
import type { JSONRPCParams } from '../src/jsonrpc.js';
import { connectedClient, fakeServer, flush } from './support/client-fake-server.js';
import { assertClientTraffic, requestMethods } from './support/client-wire.js';

const LEGACY = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'];
const FORM = {
  message: 'Name?',
  requestedSchema: { type: 'object', properties: { n: { type: 'string', default: 'x' } } },
};
const SAMPLING = { messages: [{ role: 'user', content: { type: 'text', text: 'Hi' } }], maxTokens: 5 };

const clientOptions: McpClientOptions = {
  handlers: {
    elicitation: () => ({ action: 'accept', content: {} }),
    sampling: () => ({ role: 'assistant', content: { type: 'text', text: 'Hello' }, model: 'm' }),
    roots: () => ({ roots: [{ uri: 'file:///w', name: 'w' }] }),
  },
  logLevel: 'info',
  validateToolOutput: true,
};

function features(modern: boolean, version: string): Record<string, RequestHandler> {
  const done = modern ? { resultType: 'complete' } : {};
  const cache = modern ? { ttlMs: 0, cacheScope: 'public' } : {};
  const hasElicitation = modern || version >= '2025-06-18';
  return {
    'tools/list': () => ({
      ...done,
      ...cache,
      tools: [{ name: 'all', inputSchema: { type: 'object' } }],
    }),
    'tools/call': async (params, ctx) => {
      if (params?.['name'] === 'slow') return new Promise<JSONRPCParams>(() => {});
      if (modern) {
        if (params?.['inputResponses'] === undefined) {
          return {
            resultType: 'input_required',
            inputRequests: {
              e: { method: 'elicitation/create', params: { mode: 'form', ...FORM } },
              s: { method: 'sampling/createMessage', params: SAMPLING },
              r: { method: 'roots/list' },
            },
            requestState: 'rs',
          };
        }
      } else {
        await ctx.request('roots/list');
        await ctx.request('sampling/createMessage', SAMPLING);
        if (hasElicitation) await ctx.request('elicitation/create', FORM);
      }
      return { ...done, content: [{ type: 'text', text: 'ok' }] };
    },
    'resources/list': () => ({ ...done, ...cache, resources: [{ uri: 'file:///a', name: 'a' }] }),
    'resources/templates/list': () => ({
      ...done,
      ...cache,
      resourceTemplates: [{ uriTemplate: 'file:///{p}', name: 'p' }],
    }),
    'resources/read': (params) => ({
      ...done,
      ...cache,
      contents: [{ uri: String(params?.['uri']), text: 'a' }],
    }),
    'resources/subscribe': () => ({}),
    'resources/unsubscribe': () => ({}),
    'prompts/list': () => ({ ...done, ...cache, prompts: [{ name: 'p' }] }),
    'prompts/get': () => ({ ...done, messages: [{ role: 'user', content: { type: 'text', text: 'p' } }] }),
    'completion/complete': () => ({ ...done, completion: { values: ['a'] } }),
    'logging/setLevel': () => ({}),
    'subscriptions/listen': (_params, ctx) =>
      new Promise((_resolve, reject) => {
        void ctx.notify('notifications/subscriptions/acknowledged', {
          _meta: { 'io.modelcontextprotocol/subscriptionId': ctx.requestId },
          notifications: { toolsListChanged: true },
        });
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
      }),
  };
}

const capabilities = {
  tools: { listChanged: true },
  resources: { subscribe: true, listChanged: true },
  prompts: {},
  logging: {},
  completions: {},
};

describe('McpClient traffic is valid for the negotiated revision', () => {
  it.each(LEGACY)('legacy %s: handshake, every feature, server requests, cancellation', async (version) => {
    const server = await fakeServer({
      kind: 'legacy',
      legacyVersions: [version],
      capabilities,
      handlers: features(false, version),
    });
    const client = await connectedClient(server, clientOptions);
    expect(client.protocolVersion).toBe(version);
    await client.ping();
    await client.listAllTools();
    await client.callTool({ name: 'all', arguments: { a: 1 } });
    await client.listAllResources();
    await client.listAllResourceTemplates();
    await client.readResource({ uri: 'file:///a' });
    await client.subscribeResource('file:///a');
    await client.unsubscribeResource('file:///a');
    const handle = await client.listen({ toolsListChanged: true, resourceSubscriptions: ['file:///b'] });
    await handle.close();
    await client.listAllPrompts();
    await client.getPrompt({ name: 'p', arguments: { x: 'y' } });
    await client.complete({ ref: { type: 'ref/prompt', name: 'p' }, argument: { name: 'x', value: 'y' } });
    await client.setLoggingLevel('debug');
    await client.sendRootsListChanged();
    const controller = new AbortController();
    const slow = client.callTool({ name: 'slow' }, { signal: controller.signal });
    await flush();
    controller.abort('stop');
    await slow.catch(() => {});
    expect(server.notifications()).toContain('notifications/cancelled');
    const checked = assertClientTraffic(
      version,
      server.sent(),
      requestMethods(server.serverTransport.messages),
    );
    expect(checked).toBeGreaterThan(20);
    // The answers to the server's own requests are among what was checked.
    expect(server.sent().filter((m) => 'result' in m).length).toBe(version >= '2025-06-18' ? 3 : 2);
  });

  it('modern 2026-07-28: discover, lists, MRTR with all three inputs, listen, completion, cancellation', async () => {
    const server = await fakeServer({ kind: 'modern', capabilities, handlers: features(true, '2026-07-28') });
    const client = await connectedClient(server, clientOptions);
    await client.discover();
    await client.listAllTools();
    await client.callTool({ name: 'all', arguments: { a: 1 } });
    await client.listAllResources();
    await client.listAllResourceTemplates();
    await client.readResource({ uri: 'file:///a' });
    const handle = await client.listen({ toolsListChanged: true, resourceSubscriptions: ['file:///a'] });
    await handle.close();
    await client.listAllPrompts();
    await client.getPrompt({ name: 'p', arguments: { x: 'y' } });
    await client.complete({
      ref: { type: 'ref/resource', uri: 'file:///{p}' },
      argument: { name: 'p', value: 'a' },
    });
    const controller = new AbortController();
    const slow = client.callTool({ name: 'slow' }, { signal: controller.signal, onprogress: () => {} });
    await flush();
    controller.abort();
    await slow.catch(() => {});
    expect(server.notifications()).toEqual(['notifications/cancelled', 'notifications/cancelled']);
    const retry = server.requests('tools/call')[1];
    expect(Object.keys((retry?.params?.['inputResponses'] ?? {}) as object).sort()).toEqual(['e', 'r', 's']);
    expect(assertClientTraffic('2026-07-28', server.sent())).toBeGreaterThan(12);
  });
});
