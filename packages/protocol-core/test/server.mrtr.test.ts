import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type JSONRPCParams, type JSONRPCResponse, McpServer, type McpServerOptions } from '../src/index.js';
import { fixtureServer } from './support/server-fixtures.js';
import { modern, ServerPeer, validateServerMessage, validatePeers } from './support/server-harness.js';

// What the server sent after a test's last awaited response is checked against the schema too.
afterEach(validatePeers);

const REV = '2026-07-28';
const SURVEY = { name: 'survey', arguments: { topic: 'tea' } };
const ACCEPT_ADA = { action: 'accept', content: { name: 'Ada' } };
const SAMPLED = { role: 'assistant', content: { type: 'text', text: 'Hi Ada!' }, model: 'test-model' };

async function modernPeer(options?: McpServerOptions) {
  const { server, log } = fixtureServer(options);
  return { server, log, peer: await ServerPeer.connect(server, REV) };
}

/** Retries `params` with the state and answers of a previous input_required result. */
function retry(params: JSONRPCParams, previous: JSONRPCParams, inputResponses: JSONRPCParams): JSONRPCParams {
  return modern({ ...params, inputResponses, requestState: previous['requestState'] });
}

function resultOf(response: JSONRPCResponse): JSONRPCParams {
  validateServerMessage(REV, response, new Map([[response.id as string | number, 'tools/call']]));
  if (!('result' in response)) throw new Error(`failed: ${JSON.stringify(response.error)}`);
  return response.result;
}

describe('McpServer, modern era: multi round-trip requests', () => {
  it('replays one handler across rounds: elicit, then sample, then the result', async () => {
    const { peer, log } = await modernPeer();
    const first = await peer.result('tools/call', modern(SURVEY));
    expect(first).toEqual({
      resultType: 'input_required',
      inputRequests: {
        'input-0': {
          method: 'elicitation/create',
          params: {
            message: 'Your name, for the tea survey?',
            requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
          },
        },
      },
      requestState: expect.any(String),
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'fixture-server', version: '1.2.3' } },
    });
    const second = await peer.result('tools/call', retry(SURVEY, first, { 'input-0': ACCEPT_ADA }));
    expect(second['resultType']).toBe('input_required');
    expect(second['inputRequests']).toEqual({
      'input-1': {
        method: 'sampling/createMessage',
        params: { messages: [{ role: 'user', content: { type: 'text', text: 'Greet Ada' } }], maxTokens: 50 },
      },
    });
    // The earlier answer travels inside the new state: the retry only answers the new request.
    const third = await peer.result('tools/call', retry(SURVEY, second, { 'input-1': SAMPLED }));
    expect(third).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Hi Ada! (tea)' }],
    });
    expect(log.surveyRuns).toBe(3);
    // Never a request to the client in this era.
    expect(peer.serverRequests()).toEqual([]);
    peer.validate();
  });

  it('asks again for an input the retry left out, instead of failing', async () => {
    const { peer } = await modernPeer();
    const first = await peer.result('tools/call', modern(SURVEY));
    const again = await peer.result('tools/call', retry(SURVEY, first, { unrelated: ACCEPT_ADA }));
    expect(again['resultType']).toBe('input_required');
    expect(Object.keys(again['inputRequests'] as object)).toEqual(['input-0']);
    const done = await peer.result('tools/call', retry(SURVEY, again, { 'input-0': ACCEPT_ADA }));
    expect(Object.keys(done['inputRequests'] as object)).toEqual(['input-1']);
  });

  it('refuses a tampered requestState -32602, and serves the honest retry', async () => {
    const { peer } = await modernPeer();
    const first = await peer.result('tools/call', modern(SURVEY));
    const state = first['requestState'] as string;
    const flipped = `${state.slice(0, 5)}${state[5] === 'A' ? 'B' : 'A'}${state.slice(6)}`;
    const error = await peer.error(
      'tools/call',
      modern({ ...SURVEY, inputResponses: { 'input-0': ACCEPT_ADA }, requestState: flipped }),
    );
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(/integrity check failed/);
    const honest = await peer.result('tools/call', retry(SURVEY, first, { 'input-0': ACCEPT_ADA }));
    expect(honest['resultType']).toBe('input_required');
  });

  it('refuses a malformed requestState -32602', async () => {
    const { peer } = await modernPeer();
    const error = await peer.error('tools/call', modern({ ...SURVEY, requestState: 'not-a-state' }));
    expect(error).toMatchObject({ code: -32602, message: expect.stringMatching(/malformed/) });
  });

  it('refuses a requestState replayed on another request (other arguments or tool) -32602', async () => {
    const { peer } = await modernPeer();
    const first = await peer.result('tools/call', modern(SURVEY));
    const otherArgs = { name: 'survey', arguments: { topic: 'coffee' } };
    const error = await peer.error('tools/call', retry(otherArgs, first, { 'input-0': ACCEPT_ADA }));
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(/issued for another request/);
    const otherTool = await peer.error('tools/call', retry({ name: 'roots' }, first, {}));
    expect(otherTool.message).toMatch(/issued for another request/);
    // The connection keeps serving: a fresh start of the same request works.
    expect((await peer.result('tools/call', modern(SURVEY)))['resultType']).toBe('input_required');
  });

  it('refuses an expired requestState -32602 (clock injected)', async () => {
    let now = 1_000_000;
    const { peer } = await modernPeer({ now: () => now, requestStateTtlMs: 60_000 });
    const first = await peer.result('tools/call', modern(SURVEY));
    now += 59_999;
    expect(
      (await peer.result('tools/call', retry(SURVEY, first, { 'input-0': ACCEPT_ADA })))['resultType'],
    ).toBe('input_required');
    now += 1;
    const error = await peer.error('tools/call', retry(SURVEY, first, { 'input-0': ACCEPT_ADA }));
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(/expired/);
    const restarted = await peer.result('tools/call', modern(SURVEY));
    expect(
      (await peer.result('tools/call', retry(SURVEY, restarted, { 'input-0': ACCEPT_ADA })))['resultType'],
    ).toBe('input_required');
  });

  it('binds the state to the principal from authInfo', async () => {
    const { server } = fixtureServer();
    const call = (id: number, params: JSONRPCParams, clientId: string) =>
      server.handleModernRequest(
        { jsonrpc: '2.0', id, method: 'tools/call', params },
        { authInfo: { clientId } },
      );
    const first = resultOf(await call(1, modern(SURVEY), 'alice'));
    const stolen = await call(2, retry(SURVEY, first, { 'input-0': ACCEPT_ADA }), 'mallory');
    expect(stolen).toMatchObject({
      error: { code: -32602, message: expect.stringMatching(/another principal/) },
    });
    const own = resultOf(await call(3, retry(SURVEY, first, { 'input-0': ACCEPT_ADA }), 'alice'));
    expect(own['resultType']).toBe('input_required');
    // The state holds a digest of the principal, never the principal itself.
    expect(
      atob((first['requestState'] as string).split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/')),
    ).not.toContain('alice');
  });

  it('refuses answers that fail their schema -32602', async () => {
    const { peer } = await modernPeer();
    const first = await peer.result('tools/call', modern(SURVEY));
    const bad = await peer.error('tools/call', retry(SURVEY, first, { 'input-0': { action: 'maybe' } }));
    expect(bad).toMatchObject({
      code: -32602,
      message: expect.stringMatching(/inputResponses\["input-0"\]/),
    });
  });

  it('answers -32021 when the client cannot give the input, never an input request it did not declare', async () => {
    const { peer } = await modernPeer();
    const params = {
      ...SURVEY,
      _meta: {
        ...(modern()['_meta'] as JSONRPCParams),
        'io.modelcontextprotocol/clientCapabilities': { sampling: {} },
      },
    };
    const error = await peer.error('tools/call', params);
    expect(error).toEqual({
      code: -32021,
      message: 'Missing required client capability for elicitation/create',
      data: { requiredCapabilities: { elicitation: { form: {} } } },
    });
    const urlOnly = await peer.error('tools/call', modern({ name: 'open_url' }));
    expect(urlOnly.data).toEqual({ requiredCapabilities: { elicitation: { url: {} } } });
    peer.validate();
  });

  it('bounds the rounds of one request', async () => {
    const server = new McpServer({ name: 'nag', version: '1' }, { maxInputRounds: 2 });
    server.registerTool('nag', {}, async (_args, ctx) => {
      // Asks until accepted: a client that keeps declining would loop forever without the bound.
      for (;;) {
        const answer = await ctx.elicit({
          message: 'OK?',
          requestedSchema: { type: 'object', properties: {} },
        });
        if (answer.action === 'accept') return { content: [] };
      }
    });
    const peer = await ServerPeer.connect(server, REV);
    let previous = await peer.result('tools/call', modern({ name: 'nag' }));
    const key = () => Object.keys(previous['inputRequests'] as object)[0]!;
    previous = await peer.result(
      'tools/call',
      retry({ name: 'nag' }, previous, { [key()]: { action: 'decline' } }),
    );
    expect(previous['resultType']).toBe('input_required');
    const error = await peer.error(
      'tools/call',
      retry({ name: 'nag' }, previous, { [key()]: { action: 'decline' } }),
    );
    expect(error).toMatchObject({ code: -32602, message: expect.stringMatching(/Too many input rounds/) });
  });

  it('asks for parallel inputs in one round, and answers a handler that swallows the signal with input_required', async () => {
    const server = new McpServer({ name: 'par', version: '1' });
    server.registerTool('both', { inputSchema: z.object({}) }, async (_args, ctx) => {
      try {
        const [roots, answer] = await Promise.all([
          ctx.listRoots(),
          ctx.elicit({ message: 'go?', requestedSchema: { type: 'object', properties: {} } }),
        ]);
        return { content: [{ type: 'text', text: `${roots.roots.length} ${answer.action}` }] };
      } catch {
        return { content: [{ type: 'text', text: 'swallowed' }] };
      }
    });
    const peer = await ServerPeer.connect(server, REV);
    const first = await peer.result('tools/call', modern({ name: 'both', arguments: {} }));
    expect(first['resultType']).toBe('input_required');
    expect(first['inputRequests']).toEqual({
      'input-0': { method: 'roots/list' },
      'input-1': {
        method: 'elicitation/create',
        params: { message: 'go?', requestedSchema: { type: 'object', properties: {} } },
      },
    });
    const done = await peer.result(
      'tools/call',
      retry({ name: 'both', arguments: {} }, first, {
        'input-0': { roots: [{ uri: 'file:///x' }] },
        'input-1': { action: 'accept' },
      }),
    );
    expect(done['content']).toEqual([{ type: 'text', text: '1 accept' }]);
    peer.validate();
  });

  it('works for prompts/get and resources/read too', async () => {
    const server = new McpServer({ name: 'more', version: '1' });
    server.registerPrompt('personal', {}, async (_args, ctx) => {
      const answer = await ctx.elicit({
        message: 'Name?',
        requestedSchema: { type: 'object', properties: { n: { type: 'string' } } },
      });
      return {
        messages: [{ role: 'user', content: { type: 'text', text: `for ${String(answer.content?.['n'])}` } }],
      };
    });
    server.registerResource('app://roots', { name: 'roots' }, async (uri, ctx) => {
      const { roots } = await ctx.listRoots();
      return { contents: [{ uri, text: roots.map((root) => root.uri).join() }] };
    });
    const peer = await ServerPeer.connect(server, REV);
    const prompt = await peer.result('prompts/get', modern({ name: 'personal' }));
    const promptDone = await peer.result(
      'prompts/get',
      retry({ name: 'personal' }, prompt, { 'input-0': { action: 'accept', content: { n: 'Lin' } } }),
    );
    expect(promptDone['messages']).toEqual([{ role: 'user', content: { type: 'text', text: 'for Lin' } }]);
    const read = await peer.result('resources/read', modern({ uri: 'app://roots' }));
    expect(read).toMatchObject({ resultType: 'input_required' });
    expect(read['ttlMs']).toBeUndefined();
    const readDone = await peer.result(
      'resources/read',
      retry({ uri: 'app://roots' }, read, { 'input-0': { roots: [{ uri: 'file:///r' }] } }),
    );
    expect(readDone).toMatchObject({
      resultType: 'complete',
      contents: [{ uri: 'app://roots', text: 'file:///r' }],
      cacheScope: 'private',
    });
    peer.validate();
  });

  it('continues a request on another process that shares the key, and not on one that does not', async () => {
    const key = 'a fleet-wide secret of enough length';
    const a = fixtureServer({ requestStateKey: key }).server;
    const b = fixtureServer({ requestStateKey: key }).server;
    const stranger = fixtureServer().server;
    const first = resultOf(
      await a.handleModernRequest({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: modern(SURVEY) }),
    );
    const params = retry(SURVEY, first, { 'input-0': ACCEPT_ADA });
    const onB = resultOf(
      await b.handleModernRequest({ jsonrpc: '2.0', id: 2, method: 'tools/call', params }),
    );
    expect(Object.keys(onB['inputRequests'] as object)).toEqual(['input-1']);
    const elsewhere = await stranger.handleModernRequest({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params,
    });
    expect(elsewhere).toMatchObject({ error: { code: -32602, message: expect.stringMatching(/integrity/) } });
  });

  it('refuses a key shorter than 32 bytes at construction', () => {
    expect(() => new McpServer({ name: 'k', version: '1' }, { requestStateKey: 'short' })).toThrow(
      RangeError,
    );
  });
});
