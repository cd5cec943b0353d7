/**
 * URL-mode elicitation, the server side: the elicitation id a handler can read or choose, the
 * completion notification sent to the one session that received it (2025-11-25), the -32042
 * `UrlElicitationRequiredError` in the legacy era, and what both become in 2026-07-28, which has
 * neither ids, nor the notification, nor the error code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type JSONRPCErrorResponse,
  type JSONRPCParams,
  McpServer,
  type McpServerOptions,
  ProtocolError,
  UrlElicitationRequiredError,
} from '../src/index.js';
import { assertValidDefinition } from './support/schema-validator.js';
import { flush, modern, ServerPeer, validatePeers } from './support/server-harness.js';

// What the server sent after a test's last awaited response is checked against the schema too.
afterEach(validatePeers);

const URL_CLIENT = { elicitation: { form: {}, url: {} } };
const CONNECT = { mode: 'url' as const, message: 'Connect your account', url: 'https://example.com/connect' };

/** A server whose tools elicit at a URL (`connect`, `connect_as`) or require one (`needs_url…`, a prompt, a resource). */
function urlServer(options?: McpServerOptions) {
  const server = new McpServer({ name: 'url-server', version: '1' }, { validateResults: true, ...options });
  const reported: string[] = [];
  let ready = false;
  server.registerTool('connect', {}, async (_args, ctx) => {
    const answer = await ctx.elicit(CONNECT, { onElicitationId: (id) => reported.push(id) });
    return { content: [{ type: 'text', text: answer.action }] };
  });
  server.registerTool('connect_as', {}, async (args, ctx) => {
    const answer = await ctx.elicit({ ...CONNECT, elicitationId: String(args['id']) });
    return { content: [{ type: 'text', text: answer.action }] };
  });
  server.registerTool('needs_url', {}, () => {
    // Done once the out-of-band flow said so: the retry after the completion succeeds.
    if (ready) return { content: [{ type: 'text', text: 'connected' }] };
    throw new UrlElicitationRequiredError([{ ...CONNECT, elicitationId: 'flow-1' }]);
  });
  server.registerTool('needs_url_plain', {}, () => {
    throw new ProtocolError(-32042, 'Connect first', { elicitations: [CONNECT] });
  });
  server.registerPrompt('needs_url_prompt', {}, () => {
    throw new UrlElicitationRequiredError([CONNECT]);
  });
  server.registerResource('app://account', { name: 'account' }, () => {
    throw new UrlElicitationRequiredError([CONNECT]);
  });
  const finish = (): void => {
    ready = true;
  };
  return { server, reported, finish };
}

async function legacyPeer(
  server: McpServer,
  version = '2025-11-25',
  capabilities: JSONRPCParams = URL_CLIENT,
) {
  const peer = await ServerPeer.connect(server, version);
  await peer.initialize(version, capabilities);
  return peer;
}

/** Calls `tool` and returns the URL elicitation request the server sent for it, with the call's id. */
async function pendingElicitation(peer: ServerPeer, tool: string, args?: JSONRPCParams) {
  const callId = peer.send(
    'tools/call',
    args === undefined ? { name: tool } : { name: tool, arguments: args },
  );
  await flush();
  const request = peer.serverRequests('elicitation/create').at(-1)!;
  return { callId, request, id: request.params?.['elicitationId'] as string };
}

describe('McpServer, 2025-11-25: URL elicitation ids and notifications/elicitation/complete', () => {
  it('reports the generated id before the request goes out, and completes it on that session only, once', async () => {
    const { server, reported } = urlServer();
    const peer = await legacyPeer(server);
    const bystander = await legacyPeer(server);
    const { callId, request, id } = await pendingElicitation(peer, 'connect');
    expect(request.params).toMatchObject({ ...CONNECT, elicitationId: expect.any(String) });
    expect(reported).toEqual([id]);
    peer.respond(request.id, { action: 'accept' });
    expect(await peer.response(callId)).toMatchObject({ result: { content: [{ text: 'accept' }] } });

    expect(await server.completeElicitation(id)).toBe(true);
    expect(peer.notifications('notifications/elicitation/complete').map((n) => n.params)).toEqual([
      { elicitationId: id },
    ]);
    expect(bystander.notifications('notifications/elicitation/complete')).toEqual([]);
    // Completed ids are forgotten: a second completion sends nothing.
    expect(await server.completeElicitation(id)).toBe(false);
    expect(await server.completeElicitation('never-sent')).toBe(false);
    expect(peer.notifications('notifications/elicitation/complete')).toHaveLength(1);
  });

  it('sends a handler-chosen id as given, and completes it', async () => {
    const { server } = urlServer();
    const peer = await legacyPeer(server);
    const { request, id } = await pendingElicitation(peer, 'connect_as', { id: 'mine-42' });
    expect(id).toBe('mine-42');
    peer.respond(request.id, { action: 'accept' });
    await flush();
    expect(await server.completeElicitation('mine-42')).toBe(true);
    expect(peer.notifications('notifications/elicitation/complete')).toHaveLength(1);
  });

  it('forgets the id when the user declines, and when the connection closes', async () => {
    const { server } = urlServer();
    const peer = await legacyPeer(server);
    const declined = await pendingElicitation(peer, 'connect');
    peer.respond(declined.request.id, { action: 'decline' });
    await peer.response(declined.callId);
    expect(await server.completeElicitation(declined.id)).toBe(false);

    const accepted = await pendingElicitation(peer, 'connect');
    peer.respond(accepted.request.id, { action: 'accept' });
    await peer.response(accepted.callId);
    await peer.connection.close();
    expect(await server.completeElicitation(accepted.id)).toBe(false);
    expect(peer.notifications('notifications/elicitation/complete')).toEqual([]);
  });

  it('refuses an id that another connection is waiting on, so a completion cannot reach the wrong client', async () => {
    const { server } = urlServer();
    const first = await legacyPeer(server);
    const second = await legacyPeer(server);
    const pending = await pendingElicitation(first, 'connect_as', { id: 'shared' });
    first.respond(pending.request.id, { action: 'accept' });
    await first.response(pending.callId);
    const refused = await second.result('tools/call', { name: 'connect_as', arguments: { id: 'shared' } });
    expect(refused['isError']).toBe(true);
    expect(JSON.stringify(refused['content'])).toMatch(/pending on another connection/);
    expect(second.serverRequests('elicitation/create')).toEqual([]);
    await server.completeElicitation('shared');
    expect(first.notifications('notifications/elicitation/complete')).toHaveLength(1);
    expect(second.notifications('notifications/elicitation/complete')).toEqual([]);
  });

  it('keeps at most maxUrlElicitationIds ids per session, forgetting the oldest', async () => {
    const { server } = urlServer({ maxUrlElicitationIds: 1 });
    const peer = await legacyPeer(server);
    const ids: string[] = [];
    for (let round = 0; round < 2; round++) {
      const pending = await pendingElicitation(peer, 'connect');
      peer.respond(pending.request.id, { action: 'accept' });
      await peer.response(pending.callId);
      ids.push(pending.id);
    }
    expect(await server.completeElicitation(ids[0]!)).toBe(false);
    expect(await server.completeElicitation(ids[1]!)).toBe(true);
  });
});

describe('McpServer, 2025-11-25: a handler throws UrlElicitationRequiredError (-32042)', () => {
  it('answers -32042 with the elicitations, then completes their ids on that session', async () => {
    const { server, finish } = urlServer();
    const peer = await legacyPeer(server);
    const response = await peer.request('tools/call', { name: 'needs_url' });
    assertValidDefinition('2025-11-25', 'URLElicitationRequiredError', response);
    expect((response as JSONRPCErrorResponse).error).toEqual({
      code: -32042,
      message: 'URL elicitation required',
      data: { elicitations: [{ ...CONNECT, elicitationId: 'flow-1' }] },
    });
    finish();
    expect(await server.completeElicitation('flow-1')).toBe(true);
    expect(peer.notifications('notifications/elicitation/complete').map((n) => n.params)).toEqual([
      { elicitationId: 'flow-1' },
    ]);
    // The client retries: the connection kept serving, and the tool is now done.
    expect(await peer.result('tools/call', { name: 'needs_url' })).toMatchObject({
      content: [{ text: 'connected' }],
    });
  });

  it('gives ids to the elicitations of a plain ProtocolError -32042, a prompt and a resource', async () => {
    const { server } = urlServer();
    const peer = await legacyPeer(server);
    for (const [method, params] of [
      ['tools/call', { name: 'needs_url_plain' }],
      ['prompts/get', { name: 'needs_url_prompt' }],
      ['resources/read', { uri: 'app://account' }],
    ] as const) {
      const response = await peer.request(method, params);
      assertValidDefinition('2025-11-25', 'URLElicitationRequiredError', response);
      const { elicitations } = (response as JSONRPCErrorResponse).error.data as {
        elicitations: JSONRPCParams[];
      };
      expect(elicitations).toEqual([{ ...CONNECT, elicitationId: expect.any(String) }]);
      expect(await server.completeElicitation(elicitations[0]!['elicitationId'] as string)).toBe(true);
    }
  });

  it('does not send -32042 to a client without elicitation.url, nor in 2025-06-18: the tool reports why', async () => {
    const { server } = urlServer();
    const formOnly = await legacyPeer(server, '2025-11-25', { elicitation: {} });
    const refused = await formOnly.result('tools/call', { name: 'needs_url' });
    expect(refused).toMatchObject({ isError: true });
    expect(JSON.stringify(refused['content'])).toMatch(/did not declare elicitation\.url/);
    const older = await legacyPeer(server, '2025-06-18', URL_CLIENT);
    const old = await older.result('tools/call', { name: 'needs_url' });
    expect(JSON.stringify(old['content'])).toMatch(/revision 2025-06-18 has no URL-mode elicitation/);
    expect(await server.completeElicitation('flow-1')).toBe(false);
  });
});

describe('McpServer, 2026-07-28: URL mode without ids, completion or -32042', () => {
  it('asks for the thrown elicitations as input (no id, no -32042), and finishes on a later retry', async () => {
    const { server, finish } = urlServer();
    const peer = await ServerPeer.connect(server, '2026-07-28');
    const call = modern({ name: 'needs_url' }, { 'io.modelcontextprotocol/clientCapabilities': URL_CLIENT });
    const first = await peer.result('tools/call', call);
    expect(first).toMatchObject({
      resultType: 'input_required',
      inputRequests: { 'url-elicitation-0': { method: 'elicitation/create', params: CONNECT } },
      requestState: expect.any(String),
    });
    const retry = { ...call, inputResponses: { 'url-elicitation-0': { action: 'accept' } } };
    // Not done yet out of band: asked again, with a fresh state.
    const again = await peer.result('tools/call', { ...retry, requestState: first['requestState'] });
    expect(again['resultType']).toBe('input_required');
    finish();
    const done = await peer.result('tools/call', { ...retry, requestState: again['requestState'] });
    expect(done).toMatchObject({ resultType: 'complete', content: [{ text: 'connected' }] });
    expect(JSON.stringify(peer.sent)).not.toMatch(/-32042|elicitationId/);
    expect(await server.completeElicitation('flow-1')).toBe(false);
  });

  it('answers -32021 when the client did not declare elicitation.url', async () => {
    const { server } = urlServer();
    const peer = await ServerPeer.connect(server, '2026-07-28');
    const error = await peer.error('tools/call', modern({ name: 'needs_url' }));
    expect(error).toEqual({
      code: -32021,
      message: 'Missing required client capability for elicitation/create',
      data: { requiredCapabilities: { elicitation: { url: {} } } },
    });
  });

  it('strips the id of ctx.elicit URL requests and never reports one', async () => {
    const { server, reported } = urlServer();
    const peer = await ServerPeer.connect(server, '2026-07-28');
    const call = modern(
      { name: 'connect_as', arguments: { id: 'mine' } },
      {
        'io.modelcontextprotocol/clientCapabilities': URL_CLIENT,
      },
    );
    const first = await peer.result('tools/call', call);
    expect(first['inputRequests']).toEqual({ 'input-0': { method: 'elicitation/create', params: CONNECT } });
    await peer.result(
      'tools/call',
      modern(
        { name: 'connect' },
        {
          'io.modelcontextprotocol/clientCapabilities': URL_CLIENT,
        },
      ),
    );
    expect(reported).toEqual([]);
    expect(await server.completeElicitation('mine')).toBe(false);
  });
});
