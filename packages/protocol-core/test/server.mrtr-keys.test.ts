// Named input keys (`InputOptions.key`): the handler chooses the `inputRequests` key of an input
// call; unnamed calls keep the numbered default, and a bad or duplicate key is a server bug (-32603).
import { afterEach, describe, expect, it } from 'vitest';
import { type JSONRPCParams, McpServer, type ServerContext } from '../src/index.js';
import { flush, modern, ServerPeer, validatePeers } from './support/server-harness.js';

// What the server sent after a test's last awaited response is checked against the schema too.
afterEach(validatePeers);

const REV = '2026-07-28';
const NAME_FORM = {
  message: 'What is your name?',
  requestedSchema: { type: 'object' as const, properties: { name: { type: 'string' as const } } },
};
const ACCEPT_ADA = { action: 'accept', content: { name: 'Ada' } };
const SAMPLED = { role: 'assistant', content: { type: 'text', text: 'Hello!' }, model: 'test-model' };
const ROOTS = { roots: [{ uri: 'file:///work' }] };

/** A server with one tool, `t`, whose handler is `run`; what it reported to onerror is collected. */
async function serve(run: (ctx: ServerContext) => Promise<string>) {
  const server = new McpServer({ name: 'keys', version: '1' });
  const errors: Error[] = [];
  server.onerror = (error) => errors.push(error);
  server.registerTool('t', {}, async (_args, ctx) => ({ content: [{ type: 'text', text: await run(ctx) }] }));
  return { errors, peer: await ServerPeer.connect(server, REV) };
}

/** The retry of tool `t` with the state of `previous` and these answers. */
function retry(previous: JSONRPCParams, inputResponses: JSONRPCParams): JSONRPCParams {
  return modern({ name: 't', inputResponses, requestState: previous['requestState'] });
}

describe('McpServer, modern era: named input keys', () => {
  it('uses the handler-chosen keys in inputRequests and reads the answers under them, round after round', async () => {
    const { peer } = await serve(async (ctx) => {
      const user = await ctx.elicit(NAME_FORM, { key: 'user_name' });
      // Unnamed calls keep their numbers, counted among the unnamed calls only.
      const [roots, greeting] = await Promise.all([
        ctx.listRoots(),
        ctx.sample({ messages: [], maxTokens: 5 }, { key: 'greeting' }),
      ]);
      const text = greeting.content;
      return `${String(user.content?.['name'])} ${roots.roots.length} ${Array.isArray(text) ? '' : text.type}`;
    });
    const first = await peer.result('tools/call', modern({ name: 't' }));
    expect(first['inputRequests']).toEqual({
      user_name: { method: 'elicitation/create', params: NAME_FORM },
    });
    const second = await peer.result('tools/call', retry(first, { user_name: ACCEPT_ADA }));
    expect(second['inputRequests']).toEqual({
      'input-0': { method: 'roots/list' },
      greeting: { method: 'sampling/createMessage', params: { messages: [], maxTokens: 5 } },
    });
    const done = await peer.result('tools/call', retry(second, { 'input-0': ROOTS, greeting: SAMPLED }));
    expect(done).toMatchObject({ resultType: 'complete', content: [{ type: 'text', text: 'Ada 1 text' }] });
  });

  it('ignores an answer under the numbered key once the call is named', async () => {
    const { peer } = await serve(async (ctx) => {
      const answer = await ctx.elicit(NAME_FORM, { key: 'user_name' });
      return answer.action;
    });
    const first = await peer.result('tools/call', modern({ name: 't' }));
    const again = await peer.result('tools/call', retry(first, { 'input-0': ACCEPT_ADA }));
    expect(again['inputRequests']).toEqual({
      user_name: expect.objectContaining({ method: 'elicitation/create' }),
    });
  });

  it('accepts a key of the maximum length (128 characters)', async () => {
    const key = 'k'.repeat(128);
    const { peer } = await serve(async (ctx) => (await ctx.listRoots({ key })).roots[0]?.uri ?? '');
    const first = await peer.result('tools/call', modern({ name: 't' }));
    expect(Object.keys(first['inputRequests'] as object)).toEqual([key]);
    const done = await peer.result('tools/call', retry(first, { [key]: ROOTS }));
    expect(done['content']).toEqual([{ type: 'text', text: 'file:///work' }]);
  });

  it.each([
    ['a duplicate key', 'user_name', 'used by two input calls'],
    ['a named key that collides with a numbered one', 'input-0', 'used by two input calls'],
  ])('answers %s -32603, reports it, and sends no input_required', async (_case, second, why) => {
    const { peer, errors } = await serve(async (ctx) => {
      // Swallowing every rejection: the key bug must still end the request.
      const results = await Promise.allSettled([
        second === 'input-0' ? ctx.listRoots() : ctx.elicit(NAME_FORM, { key: 'user_name' }),
        ctx.elicit(NAME_FORM, { key: second }),
      ]);
      return results.map((result) => result.status).join();
    });
    const error = await peer.error('tools/call', modern({ name: 't' }));
    expect(error).toEqual({ code: -32603, message: 'Internal error' });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      new RegExp(`tools/call \\(request \\d+\\): input key "${second}" is ${why}`),
    );
  });

  it.each([
    ['empty', '', /non-empty string/],
    ['too long', 'k'.repeat(129), /longer than 128 characters/],
    ['not a string (plain JavaScript)', 7 as unknown as string, /non-empty string/],
    ['__proto__ (no client can answer it)', '__proto__', /cannot be answered/],
  ])('answers a key that is %s -32603 and reports it', async (_case, key, why) => {
    const { peer, errors } = await serve(async (ctx) => (await ctx.elicit(NAME_FORM, { key })).action);
    const error = await peer.error('tools/call', modern({ name: 't' }));
    expect(error.code).toBe(-32603);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(why)]);
  });

  it('finds a duplicate on a later round too, once the first call has its answer', async () => {
    const { peer, errors } = await serve(async (ctx) => {
      await ctx.elicit(NAME_FORM, { key: 'step' });
      await ctx.elicit(NAME_FORM, { key: 'step' });
      return 'unreachable';
    });
    const first = await peer.result('tools/call', modern({ name: 't' }));
    const error = await peer.error('tools/call', retry(first, { step: ACCEPT_ADA }));
    expect(error.code).toBe(-32603);
    expect(errors[0]?.message).toMatch(/"step" is used by two input calls/);
  });

  it('is ignored in the legacy era: the request goes to the client as usual', async () => {
    const { peer } = await serve(async (ctx) => (await ctx.elicit(NAME_FORM, { key: 'user_name' })).action);
    peer.revision = '2025-11-25';
    await peer.initialize('2025-11-25', { elicitation: {} });
    const id = peer.send('tools/call', { name: 't' });
    await flush();
    const [request] = peer.serverRequests('elicitation/create');
    expect(request?.params).toEqual(NAME_FORM);
    peer.respond(request!.id, ACCEPT_ADA);
    expect(await peer.response(id)).toMatchObject({
      result: { content: [{ type: 'text', text: 'accept' }] },
    });
  });
});
