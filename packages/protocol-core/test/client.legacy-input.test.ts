/**
 * Legacy-era server requests (elicitation, sampling, roots) served by the same handler API as modern
 * input rounds: capabilities, defaults, schema checks, errors, cancellation, per-revision validity.
 */
import { describe, expect, it } from 'vitest';
import type { InputContext, McpClientOptions } from '../src/client/options.js';
import { ProtocolError } from '../src/errors.js';
import { connectedClient, fakeServer, flush } from './support/client-fake-server.js';
import { assertClientTraffic, requestMethods } from './support/client-wire.js';

const FORM = {
  message: 'Profile?',
  requestedSchema: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1 },
      newsletter: { type: 'boolean', default: false },
      color: { type: 'string', enum: ['red', 'blue'], default: 'blue' },
    },
    required: ['name'],
  },
};
const SAMPLED = { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'm-1' };

async function legacyPair(version: string, options: McpClientOptions) {
  const server = await fakeServer({ kind: 'legacy', legacyVersions: [version] });
  const client = await connectedClient(server, options);
  return { server, client };
}

describe('McpClient legacy era: server requests served by the same handlers', () => {
  it('declares the capabilities of its handlers in initialize', async () => {
    const { server } = await legacyPair('2025-11-25', {
      handlers: {
        elicitation: () => ({ action: 'decline' }),
        sampling: () => SAMPLED as never,
        roots: () => ({ roots: [] }),
      },
    });
    expect(server.requests('initialize')[0]?.params?.['capabilities']).toEqual({
      elicitation: { form: {} },
      sampling: {},
      roots: { listChanged: true },
    });
  });

  it('answers elicitation with the schema defaults filled into accepted content', async () => {
    const contexts: InputContext[] = [];
    const { server, client } = await legacyPair('2025-06-18', {
      handlers: {
        elicitation: (params, ctx) => {
          contexts.push(ctx);
          expect(params).toMatchObject({ message: 'Profile?' });
          return { action: 'accept', content: { name: 'Ada', color: 'red' } };
        },
      },
    });
    const result = await server.engine.request('elicitation/create', FORM);
    expect(result).toEqual({ action: 'accept', content: { name: 'Ada', color: 'red', newsletter: false } });
    expect(contexts[0]).toMatchObject({ era: 'legacy', protocolVersion: '2025-06-18' });
    expect(typeof contexts[0]?.requestId).toBe('number');
    assertClientTraffic('2025-06-18', server.sent(), requestMethods(server.serverTransport.messages));
    await client.close();
  });

  it('answers -32603, never an invalid result, when accepted content breaks the requested schema', async () => {
    const errors: Error[] = [];
    const { server, client } = await legacyPair('2025-11-25', {
      handlers: { elicitation: () => ({ action: 'accept', content: { name: '' } }) },
    });
    client.onerror = (error) => errors.push(error);
    const error = await server.engine.request('elicitation/create', FORM).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: -32603 });
    expect(errors.some((e) => e.message.includes('minLength') || e.message.includes('/name'))).toBe(true);
  });

  it('passes decline and URL-mode accept through without content checks', async () => {
    const { server } = await legacyPair('2025-11-25', {
      handlers: {
        elicitation: (params) => (params.mode === 'url' ? { action: 'accept' } : { action: 'decline' }),
      },
    });
    expect(await server.engine.request('elicitation/create', FORM)).toEqual({ action: 'decline' });
    const url = { mode: 'url', message: 'Sign in', url: 'https://example.com/login', elicitationId: 'e-1' };
    expect(await server.engine.request('elicitation/create', url)).toEqual({ action: 'accept' });
    assertClientTraffic('2025-11-25', server.sent(), requestMethods(server.serverTransport.messages));
  });

  it.each([
    '2024-11-05',
    '2025-11-25',
  ])('serves sampling and roots in %s with valid results', async (version) => {
    const { server } = await legacyPair(version, {
      handlers: {
        sampling: () => SAMPLED as never,
        roots: () => ({ roots: [{ uri: 'file:///w', name: 'w' }] }),
      },
    });
    const sampling = { messages: [{ role: 'user', content: { type: 'text', text: 'Hi' } }], maxTokens: 5 };
    expect(await server.engine.request('sampling/createMessage', sampling)).toEqual(SAMPLED);
    expect(await server.engine.request('roots/list')).toEqual({ roots: [{ uri: 'file:///w', name: 'w' }] });
    assertClientTraffic(version, server.sent(), requestMethods(server.serverTransport.messages));
  });

  it('answers -32601 for input it has no handler for, and -32602 for malformed params', async () => {
    const { server } = await legacyPair('2025-11-25', { handlers: { sampling: () => SAMPLED as never } });
    await expect(server.engine.request('roots/list')).rejects.toMatchObject({ code: -32601 });
    await expect(server.engine.request('sampling/createMessage', { messages: 'x' })).rejects.toMatchObject({
      code: -32602,
    });
  });

  it('refuses a handler result that does not match the revision schema', async () => {
    const { server } = await legacyPair('2025-11-25', {
      handlers: { roots: () => ({ roots: 'none' }) as never },
    });
    await expect(server.engine.request('roots/list')).rejects.toMatchObject({ code: -32603 });
  });

  it('aborts the handler when the server cancels its request', async () => {
    let signal: AbortSignal | undefined;
    const { server } = await legacyPair('2025-11-25', {
      handlers: {
        roots: (ctx) => {
          signal = ctx.signal;
          return new Promise(() => {});
        },
      },
    });
    const controller = new AbortController();
    const pending = server.engine.request('roots/list', undefined, { signal: controller.signal });
    await flush();
    controller.abort();
    await pending.catch(() => {});
    await flush();
    expect(signal?.aborted).toBe(true);
  });

  it('sends roots list_changed in the legacy era only', async () => {
    const { server, client } = await legacyPair('2025-11-25', { handlers: { roots: () => ({ roots: [] }) } });
    await client.sendRootsListChanged();
    expect(server.notifications()).toContain('notifications/roots/list_changed');
    const modern = await fakeServer({ kind: 'modern' });
    const modernClient = await connectedClient(modern, { handlers: { roots: () => ({ roots: [] }) } });
    await modernClient.sendRootsListChanged();
    expect(modern.notifications()).toEqual([]);
  });

  it('sends logging/setLevel: at connect when set before, and on setLoggingLevel', async () => {
    const server = await fakeServer({ kind: 'legacy', capabilities: { logging: {} } });
    server.engine.setRequestHandler('logging/setLevel', () => ({}));
    const client = await connectedClient(server, { logLevel: 'notice' });
    await client.setLoggingLevel('debug');
    expect(server.requests('logging/setLevel').map((r) => r.params)).toEqual([
      { level: 'notice' },
      { level: 'debug' },
    ]);
    expect(
      server
        .sent()
        .map((m) => ('method' in m ? m.method : ''))
        .indexOf('notifications/initialized'),
    ).toBeLessThan(server.sent().findIndex((m) => 'method' in m && m.method === 'logging/setLevel'));
  });
});
