/**
 * Multi round-trip requests (spec `basic/patterns/mrtr`): handlers run per input request in parallel,
 * retries carry new ids, the same params, the exact `requestState` (or none), bounded rounds, and
 * nothing leaks between rounds or parallel requests.
 */
import { describe, expect, it } from 'vitest';
import type { InputContext } from '../src/client/options.js';
import type { RequestHandler } from '../src/engine/types.js';
import { TransportErrorCode } from '../src/errors.js';
import type { JSONRPCParams, JSONRPCRequest } from '../src/jsonrpc.js';
import { connectedClient, fakeServer, flush } from './support/client-fake-server.js';
import { assertClientTraffic } from './support/client-wire.js';
import { deferred } from './support/engine-harness.js';

const ELICIT = {
  method: 'elicitation/create',
  params: {
    mode: 'form',
    message: 'Your GitHub login?',
    requestedSchema: { type: 'object', properties: { login: { type: 'string' } }, required: ['login'] },
  },
};
const SAMPLE = {
  method: 'sampling/createMessage',
  params: {
    messages: [{ role: 'user', content: { type: 'text', text: 'Capital of France?' } }],
    maxTokens: 50,
  },
};
const ROOTS = { method: 'roots/list' };
const SAMPLED = {
  role: 'assistant',
  content: { type: 'text', text: 'Paris' },
  model: 'm-1',
  stopReason: 'endTurn',
};
const DONE = { resultType: 'complete', content: [{ type: 'text', text: 'done' }] };

/** A tools/call handler that answers each attempt with the next scripted result. */
function scripted(results: JSONRPCParams[]): RequestHandler {
  let attempt = 0;
  return () => results[Math.min(attempt++, results.length - 1)] as JSONRPCParams;
}

const handlers = {
  elicitation: () => ({ action: 'accept' as const, content: { login: 'octocat' } }),
  sampling: () => SAMPLED as never,
  roots: () => ({ roots: [{ uri: 'file:///repo', name: 'repo' }] }),
};

const calls = (requests: JSONRPCRequest[]): JSONRPCParams[] =>
  requests.map((r) => {
    const { _meta: _drop, ...rest } = r.params ?? {};
    return rest;
  });

describe('McpClient MRTR: one round', () => {
  it('answers elicitation and sampling of one round, then retries with a new id, the same params and the exact state', async () => {
    const state = 'AEAD+/=opaque.blob';
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/call': scripted([
          {
            resultType: 'input_required',
            inputRequests: { login: ELICIT, capital: SAMPLE },
            requestState: state,
          },
          DONE,
        ]),
      },
    });
    const seen: [string, InputContext][] = [];
    const client = await connectedClient(server, {
      validateToolOutput: false,
      handlers: {
        elicitation: (_p, ctx) => {
          seen.push(['elicitation', ctx]);
          return handlers.elicitation();
        },
        sampling: (_p, ctx) => {
          seen.push(['sampling', ctx]);
          return handlers.sampling();
        },
      },
    });
    const result = await client.callTool({ name: 'whoami', arguments: { verbose: true } });
    expect(result).toEqual(DONE);
    const attempts = server.requests('tools/call');
    expect(attempts.map((r) => r.id)).toEqual([2, 3]);
    expect(calls(attempts)).toEqual([
      { name: 'whoami', arguments: { verbose: true } },
      {
        name: 'whoami',
        arguments: { verbose: true },
        inputResponses: { login: { action: 'accept', content: { login: 'octocat' } }, capital: SAMPLED },
        requestState: state,
      },
    ]);
    expect(seen.map(([kind, ctx]) => [kind, ctx.inputKey, ctx.originMethod, ctx.era])).toEqual([
      ['elicitation', 'login', 'tools/call', 'modern'],
      ['sampling', 'capital', 'tools/call', 'modern'],
    ]);
    assertClientTraffic('2026-07-28', server.sent());
  });

  it('runs the handlers of one round in parallel', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/call': scripted([
          { resultType: 'input_required', inputRequests: { a: ELICIT, b: SAMPLE } },
          DONE,
        ]),
      },
    });
    const gate = deferred<void>();
    const started: string[] = [];
    const client = await connectedClient(server, {
      validateToolOutput: false,
      handlers: {
        elicitation: async () => {
          started.push('elicitation');
          await gate.promise;
          return handlers.elicitation();
        },
        sampling: async () => {
          started.push('sampling');
          await gate.promise;
          return handlers.sampling();
        },
      },
    });
    const call = client.callTool({ name: 't' });
    await flush();
    expect(started).toEqual(['elicitation', 'sampling']);
    expect(server.requests('tools/call')).toHaveLength(1);
    gate.resolve();
    await call;
    expect(server.requests('tools/call')).toHaveLength(2);
  });

  it('omits requestState from the retry when the server sent none', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/call': scripted([{ resultType: 'input_required', inputRequests: { r: ROOTS } }, DONE]),
      },
    });
    const client = await connectedClient(server, { validateToolOutput: false, handlers });
    await client.callTool({ name: 't', requestState: 'caller-made-up' } as never);
    const retry = server.requests('tools/call')[1];
    expect(retry?.params).not.toHaveProperty('requestState');
    expect(retry?.params?.['inputResponses']).toEqual({
      r: { roots: [{ uri: 'file:///repo', name: 'repo' }] },
    });
  });

  it('retries at once with only the state when the server asks for no input', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: { 'tools/call': scripted([{ resultType: 'input_required', requestState: 's' }, DONE]) },
    });
    const client = await connectedClient(server, { validateToolOutput: false });
    await client.callTool({ name: 't' });
    expect(calls(server.requests('tools/call'))[1]).toEqual({ name: 't', requestState: 's' });
  });
});

describe('McpClient MRTR: several rounds and limits', () => {
  it('carries only the latest round inputs and state into each retry', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/call': scripted([
          { resultType: 'input_required', inputRequests: { who: ELICIT }, requestState: 'one' },
          { resultType: 'input_required', inputRequests: { where: ROOTS }, requestState: 'two' },
          DONE,
        ]),
      },
    });
    const client = await connectedClient(server, { validateToolOutput: false, handlers });
    await client.callTool({ name: 't' });
    const [first, second, third] = calls(server.requests('tools/call'));
    expect(first).toEqual({ name: 't' });
    expect(second).toEqual({
      name: 't',
      inputResponses: { who: { action: 'accept', content: { login: 'octocat' } } },
      requestState: 'one',
    });
    expect(third).toEqual({
      name: 't',
      inputResponses: { where: { roots: [{ uri: 'file:///repo', name: 'repo' }] } },
      requestState: 'two',
    });
    expect(new Set(server.requests('tools/call').map((r) => r.id)).size).toBe(3);
  });

  it('fails with MCPWIRE_ERR_LIMIT_EXCEEDED after maxInputRounds', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: { 'tools/call': () => ({ resultType: 'input_required', requestState: 'again' }) },
    });
    const client = await connectedClient(server, { validateToolOutput: false, maxInputRounds: 2 });
    const error = await client.callTool({ name: 't' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: TransportErrorCode.LimitExceeded,
      details: { method: 'tools/call', limit: { name: 'maxInputRounds', value: 2 } },
    });
    expect(server.requests('tools/call')).toHaveLength(3);
  });

  it('fails with MCPWIRE_ERR_CAPABILITY_MISSING and no retry when an input has no handler', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/call': scripted([
          { resultType: 'input_required', inputRequests: { a: ELICIT, b: SAMPLE } },
          DONE,
        ]),
      },
    });
    let elicited = 0;
    const client = await connectedClient(server, {
      validateToolOutput: false,
      handlers: {
        elicitation: () => {
          elicited++;
          return handlers.elicitation();
        },
      },
    });
    await expect(client.callTool({ name: 't' })).rejects.toMatchObject({
      code: TransportErrorCode.CapabilityMissing,
      details: { method: 'sampling/createMessage' },
    });
    expect(elicited).toBe(0);
    expect(server.requests('tools/call')).toHaveLength(1);
  });

  it('fails without retrying when a handler throws, aborting its siblings', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/call': scripted([
          { resultType: 'input_required', inputRequests: { a: ELICIT, b: SAMPLE } },
          DONE,
        ]),
      },
    });
    let siblingSignal: AbortSignal | undefined;
    const client = await connectedClient(server, {
      validateToolOutput: false,
      handlers: {
        elicitation: (_p, ctx) => {
          siblingSignal = ctx.signal;
          return new Promise(() => {});
        },
        sampling: () => {
          throw new Error('model offline');
        },
      },
    });
    await expect(client.callTool({ name: 't' })).rejects.toThrow('model offline');
    expect(siblingSignal?.aborted).toBe(true);
    expect(server.requests('tools/call')).toHaveLength(1);
  });

  it('keeps parallel requests apart: each retry carries its own state', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/call': (params) =>
          params?.['requestState'] === undefined
            ? { resultType: 'input_required', requestState: `state-of-${String(params?.['name'])}` }
            : DONE,
      },
    });
    const client = await connectedClient(server, { validateToolOutput: false });
    await Promise.all([client.callTool({ name: 'a' }), client.callTool({ name: 'b' })]);
    const retries = calls(server.requests('tools/call')).filter((p) => 'requestState' in p);
    expect(retries).toEqual(
      expect.arrayContaining([
        { name: 'a', requestState: 'state-of-a' },
        { name: 'b', requestState: 'state-of-b' },
      ]),
    );
    expect(retries).toHaveLength(2);
  });
});

describe('McpClient MRTR: prompts, resources and elicitation checks', () => {
  it('completes prompts/get and resources/read through input rounds too', async () => {
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'prompts/get': scripted([
          { resultType: 'input_required', inputRequests: { r: ROOTS }, requestState: 'p' },
          { resultType: 'complete', messages: [] },
        ]),
        'resources/read': scripted([
          { resultType: 'input_required', inputRequests: { e: ELICIT } },
          {
            resultType: 'complete',
            contents: [{ uri: 'file:///a', text: 'a' }],
            ttlMs: 0,
            cacheScope: 'private',
          },
        ]),
      },
    });
    const client = await connectedClient(server, { handlers });
    expect(await client.getPrompt({ name: 'p' })).toMatchObject({ messages: [] });
    expect(await client.readResource({ uri: 'file:///a' })).toMatchObject({ contents: [{ text: 'a' }] });
    expect(calls(server.requests('prompts/get'))[1]).toMatchObject({ requestState: 'p' });
    expect(calls(server.requests('resources/read'))[1]).toMatchObject({
      inputResponses: { e: { action: 'accept' } },
    });
    assertClientTraffic('2026-07-28', server.sent());
  });

  it('fills defaults into accepted form content and refuses content that breaks the schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        login: { type: 'string' },
        notify: { type: 'boolean', default: true },
        age: { type: 'integer', minimum: 0 },
      },
      required: ['login'],
    };
    const withDefaults = { method: 'elicitation/create', params: { message: 'x', requestedSchema: schema } };
    const server = await fakeServer({
      kind: 'modern',
      handlers: {
        'tools/call': (params) =>
          params?.['inputResponses']
            ? DONE
            : { resultType: 'input_required', inputRequests: { f: withDefaults } },
      },
    });
    let answer: Record<string, unknown> = { login: 'ada' };
    const client = await connectedClient(server, {
      validateToolOutput: false,
      handlers: { elicitation: () => ({ action: 'accept', content: answer as never }) },
    });
    await client.callTool({ name: 't' });
    expect(server.requests('tools/call')[1]?.params?.['inputResponses']).toEqual({
      f: { action: 'accept', content: { login: 'ada', notify: true } },
    });
    answer = { login: 'ada', age: -1 };
    await expect(client.callTool({ name: 't' })).rejects.toMatchObject({
      code: TransportErrorCode.SendValidation,
    });
    expect(server.requests('tools/call')).toHaveLength(3);
  });
});
