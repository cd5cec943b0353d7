// `inputResponses` without a `requestState` ("cold" answers, as the conformance suite sends them):
// answers to a first round. The handler replays with them, asks again for what is missing, ignores
// the rest; a requestState, when present, is still verified exactly as before.
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type JSONRPCParams, McpServer } from '../src/index.js';
import { fixtureServer } from './support/server-fixtures.js';
import { modern, ServerPeer, validatePeers } from './support/server-harness.js';

// What the server sent after a test's last awaited response is checked against the schema too.
afterEach(validatePeers);

const REV = '2026-07-28';
const SURVEY = { name: 'survey', arguments: { topic: 'tea' } };
const ACCEPT_ADA = { action: 'accept', content: { name: 'Ada' } };
const SAMPLED = { role: 'assistant', content: { type: 'text', text: 'Hi Ada!' }, model: 'test-model' };
const NAME_FORM = {
  message: 'What is your name?',
  requestedSchema: { type: 'object' as const, properties: { name: { type: 'string' as const } } },
};

/** A server with `greet`, which asks for the input `user_name` (a named key). */
async function greeter() {
  const server = new McpServer({ name: 'cold', version: '1' });
  let runs = 0;
  server.registerTool('greet', { inputSchema: z.object({}) }, async (_args, ctx) => {
    runs++;
    const answer = await ctx.elicit(NAME_FORM, { key: 'user_name' });
    return { content: [{ type: 'text', text: `Hello, ${String(answer.content?.['name'])}!` }] };
  });
  return { peer: await ServerPeer.connect(server, REV), runs: () => runs };
}

const GREET = { name: 'greet', arguments: {} };

describe('McpServer, modern era: inputResponses without requestState', () => {
  it('completes at once when the cold answers hold every key the handler asks', async () => {
    const { peer, runs } = await greeter();
    const done = await peer.result(
      'tools/call',
      modern({ ...GREET, inputResponses: { user_name: ACCEPT_ADA } }),
    );
    expect(done).toMatchObject({ resultType: 'complete', content: [{ type: 'text', text: 'Hello, Ada!' }] });
    expect(runs()).toBe(1);
  });

  it('ignores unexpected extra keys, even ones that are not a result of the asked kind', async () => {
    const { peer } = await greeter();
    const done = await peer.result(
      'tools/call',
      modern({
        ...GREET,
        inputResponses: {
          user_name: ACCEPT_ADA,
          unknown_extra_key: { action: 'accept', content: { foo: 'bar' } },
          another_unexpected: { roots: [] },
        },
      }),
    );
    expect(done['content']).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
  });

  it('asks again, with a requestState, when the needed key is missing; the warm retry then completes', async () => {
    const { peer } = await greeter();
    const again = await peer.result(
      'tools/call',
      modern({ ...GREET, inputResponses: { wrong_key: ACCEPT_ADA } }),
    );
    expect(again).toMatchObject({
      resultType: 'input_required',
      inputRequests: { user_name: { method: 'elicitation/create', params: NAME_FORM } },
      requestState: expect.any(String),
    });
    // The wrong key is not carried: the state holds nothing the handler did not use.
    const done = await peer.result(
      'tools/call',
      modern({ ...GREET, inputResponses: { user_name: ACCEPT_ADA }, requestState: again['requestState'] }),
    );
    expect(done['content']).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
  });

  it('carries a cold answer into the state of the next round of a multi-round handler', async () => {
    const { server, log } = fixtureServer();
    const peer = await ServerPeer.connect(server, REV);
    // Cold answers to both asks: the replay passes the first and finds the second's answer too.
    const both = await peer.result(
      'tools/call',
      modern({ ...SURVEY, inputResponses: { 'input-0': ACCEPT_ADA, 'input-1': SAMPLED } }),
    );
    expect(both).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Hi Ada! (tea)' }],
    });
    // Only the first: the next round asks for the second, and its state carries the first answer.
    const first = await peer.result(
      'tools/call',
      modern({ ...SURVEY, inputResponses: { 'input-0': ACCEPT_ADA } }),
    );
    expect(Object.keys(first['inputRequests'] as object)).toEqual(['input-1']);
    const done = await peer.result(
      'tools/call',
      modern({ ...SURVEY, inputResponses: { 'input-1': SAMPLED }, requestState: first['requestState'] }),
    );
    expect(done['content']).toEqual([{ type: 'text', text: 'Hi Ada! (tea)' }]);
    expect(log.surveyRuns).toBe(3);
  });

  it('refuses a cold answer that is not a result of the asked method -32602, even when the handler swallows it', async () => {
    const server = new McpServer({ name: 'cold', version: '1' });
    server.registerTool('swallow', {}, async (_args, ctx) => {
      const answer = await ctx.elicit(NAME_FORM, { key: 'user_name' }).catch(() => undefined);
      return { content: [{ type: 'text', text: answer === undefined ? 'swallowed' : answer.action }] };
    });
    const peer = await ServerPeer.connect(server, REV);
    // A valid roots/list result, but the handler asked for an elicitation under this key.
    const error = await peer.error(
      'tools/call',
      modern({ name: 'swallow', inputResponses: { user_name: { roots: [] } } }),
    );
    expect(error).toEqual({
      code: -32602,
      message: 'Invalid inputResponses["user_name"]: not a valid elicitation/create result',
    });
  });

  it('refuses malformed inputResponses -32602 (a number, or null)', async () => {
    const { peer } = await greeter();
    expect(
      (await peer.error('tools/call', modern({ ...GREET, inputResponses: { user_name: 12345 } }))).code,
    ).toBe(-32602);
    expect((await peer.error('tools/call', modern({ ...GREET, inputResponses: null }))).code).toBe(-32602);
  });

  it('still verifies a requestState when one is sent: tampered, or replayed on other arguments', async () => {
    const { server } = fixtureServer();
    const peer = await ServerPeer.connect(server, REV);
    const first = await peer.result('tools/call', modern(SURVEY));
    const state = first['requestState'] as string;
    const retry = (params: JSONRPCParams, requestState: string) =>
      modern({ ...params, inputResponses: { 'input-0': ACCEPT_ADA }, requestState });
    expect(await peer.error('tools/call', retry(SURVEY, `${state}-TAMPERED`))).toMatchObject({
      code: -32602,
      message: expect.stringMatching(/^Invalid requestState/),
    });
    const other = { name: 'survey', arguments: { topic: 'coffee' } };
    expect((await peer.error('tools/call', retry(other, state))).message).toMatch(
      /issued for another request/,
    );
  });
});
