/**
 * The server checks elicited form answers against the `requestedSchema` it sent before a handler
 * sees them: an accepted answer that does not match rejects `ctx.elicit()` with -32602 naming the
 * paths (legacy: the client's response; modern: the `inputResponses` entry), and the connection
 * keeps serving.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type JSONRPCParams, McpServer, ProtocolError } from '../src/index.js';
import { flush, modern, ServerPeer, validatePeers } from './support/server-harness.js';

// What the server sent after a test's last awaited response is checked against the schema too.
afterEach(validatePeers);

const PROFILE = {
  message: 'Your profile?',
  requestedSchema: {
    type: 'object' as const,
    properties: {
      name: { type: 'string' as const, minLength: 1 },
      age: { type: 'integer' as const, minimum: 0 },
      email: { type: 'string' as const, format: 'email' as const },
    },
    required: ['name'],
  },
};

/** `profile` elicits PROFILE and echoes the answer; `careful` reports what a rejection was instead of failing. */
function formServer() {
  const server = new McpServer({ name: 'form-server', version: '1' }, { validateResults: true });
  const seen: JSONRPCParams[] = [];
  server.registerTool('profile', {}, async (_args, ctx) => {
    const answer = await ctx.elicit(PROFILE);
    seen.push(answer as unknown as JSONRPCParams);
    return { content: [{ type: 'text', text: `${answer.action} ${JSON.stringify(answer.content ?? {})}` }] };
  });
  server.registerTool('careful', {}, async (_args, ctx) => {
    try {
      await ctx.elicit(PROFILE);
      return { content: [{ type: 'text', text: 'accepted' }] };
    } catch (error) {
      const code = error instanceof ProtocolError ? error.code : 'none';
      return { content: [{ type: 'text', text: `rejected ${code}` }], isError: true };
    }
  });
  server.registerTool('broken_form', {}, async (_args, ctx) => {
    // `minLength: "x"` cannot be compiled: the server's bug, found before the user is asked.
    await ctx.elicit({
      message: 'Broken?',
      requestedSchema: { type: 'object', properties: { a: { type: 'string', minLength: 'x' as never } } },
    });
    return { content: [] };
  });
  return { server, seen };
}

describe('McpServer, legacy era: elicited form answers are checked', () => {
  async function answer(tool: string, result: JSONRPCParams) {
    const { server, seen } = formServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    await peer.initialize('2025-11-25', { elicitation: { form: {} } });
    const id = peer.send('tools/call', { name: tool });
    await flush();
    const [request] = peer.serverRequests('elicitation/create');
    peer.respond(request!.id, result);
    return { peer, seen, response: await peer.response(id) };
  }

  it('answers the request -32602 naming each bad path, without running on, and keeps serving', async () => {
    const { peer, seen, response } = await answer('profile', {
      action: 'accept',
      content: { name: '', age: 3.5, email: 'not-an-email' },
    });
    expect(response).toMatchObject({
      error: {
        code: -32602,
        message: expect.stringMatching(
          /^Invalid elicitation\/create result from the client: .*name: .*age: .*email: /,
        ),
        data: {
          issues: expect.arrayContaining([
            { path: ['name'], message: expect.any(String) },
            { path: ['age'], message: expect.any(String) },
            { path: ['email'], message: expect.any(String) },
          ]),
        },
      },
    });
    expect(seen).toEqual([]);
    // The connection serves on: a matching answer goes through to the handler.
    const again = peer.send('tools/call', { name: 'profile' });
    await flush();
    const request = peer.serverRequests('elicitation/create')[1]!;
    peer.respond(request.id, { action: 'accept', content: { name: 'Ada', age: 36 } });
    expect(await peer.response(again)).toMatchObject({
      result: { content: [{ text: 'accept {"name":"Ada","age":36}' }] },
    });
  });

  it('rejects ctx.elicit() itself with the ProtocolError, which a handler may catch', async () => {
    const { response } = await answer('careful', { action: 'accept', content: { age: 1 } });
    expect(response).toMatchObject({ result: { content: [{ text: 'rejected -32602' }], isError: true } });
  });

  it('lets declines, cancels and matching answers through unchanged', async () => {
    expect((await answer('profile', { action: 'decline' })).seen).toEqual([{ action: 'decline' }]);
    expect((await answer('profile', { action: 'cancel' })).seen).toEqual([{ action: 'cancel' }]);
    const ok = { action: 'accept', content: { name: 'Lin', email: 'lin@example.com' } };
    expect((await answer('profile', ok)).seen).toEqual([ok]);
  });

  it('refuses a requestedSchema it cannot compile before asking the client anything', async () => {
    const { server } = formServer();
    const peer = await ServerPeer.connect(server, '2025-11-25');
    await peer.initialize('2025-11-25', { elicitation: { form: {} } });
    const result = await peer.result('tools/call', { name: 'broken_form' });
    expect(result).toMatchObject({ isError: true });
    expect(JSON.stringify(result['content'])).toMatch(/Cannot use the requestedSchema/);
    expect(peer.serverRequests()).toEqual([]);
  });
});

describe('McpServer, modern era: elicited form answers in inputResponses are checked', () => {
  async function firstRound() {
    const { server, seen } = formServer();
    const peer = await ServerPeer.connect(server, '2026-07-28');
    const first = await peer.result('tools/call', modern({ name: 'profile' }));
    expect(first['resultType']).toBe('input_required');
    return { peer, seen, state: first['requestState'] as string };
  }

  it('answers a retry whose entry breaks the schema -32602 naming the key and path, and keeps serving', async () => {
    const { peer, seen, state } = await firstRound();
    const bad = { 'input-0': { action: 'accept', content: { name: 'Ada', age: -1 } } };
    const error = await peer.error(
      'tools/call',
      modern({ name: 'profile', inputResponses: bad, requestState: state }),
    );
    expect(error).toMatchObject({
      code: -32602,
      message: expect.stringMatching(/^Invalid inputResponses\["input-0"\]: .*age: /),
      data: { issues: [{ path: ['age'], message: expect.any(String) }] },
    });
    expect(seen).toEqual([]);
    const good = { 'input-0': { action: 'accept', content: { name: 'Ada', age: 36 } } };
    const done = await peer.result(
      'tools/call',
      modern({ name: 'profile', inputResponses: good, requestState: state }),
    );
    expect(done).toMatchObject({
      resultType: 'complete',
      content: [{ text: 'accept {"name":"Ada","age":36}' }],
    });
  });

  it('answers -32602 even when the handler swallows the rejection, and for a cold answer too', async () => {
    const { peer } = await firstRound();
    const missingName = { 'input-0': { action: 'accept', content: {} } };
    const swallowed = await peer.error(
      'tools/call',
      modern({ name: 'careful', inputResponses: missingName }),
    );
    expect(swallowed).toMatchObject({ code: -32602, message: expect.stringMatching(/name: /) });
    const cold = await peer.error('tools/call', modern({ name: 'profile', inputResponses: missingName }));
    expect(cold).toMatchObject({ code: -32602, data: { issues: [{ path: ['name'] }] } });
  });

  it('lets a decline through to the handler', async () => {
    const { peer, seen, state } = await firstRound();
    const declined = { 'input-0': { action: 'decline' } };
    await peer.result(
      'tools/call',
      modern({ name: 'profile', inputResponses: declined, requestState: state }),
    );
    expect(seen).toEqual([{ action: 'decline' }]);
  });
});
