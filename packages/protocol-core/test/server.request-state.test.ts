// requestState hardening: a key per server by default, key lists for rotation, a 32-byte minimum, a
// keyed MAC of the principal, number-exact argument digests, a bounded digest walk that runs only
// after the MAC verified, and inputs that take an answer only from a warm (stated) retry.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type JSONRPCParams, type JSONRPCResponse, McpServer, type McpServerOptions } from '../src/index.js';
import { MAX_BOUND_DEPTH } from '../src/server/request-state.js';
import { fixtureServer } from './support/server-fixtures.js';
import { modern } from './support/server-harness.js';

const SURVEY = { name: 'survey', arguments: { topic: 'tea' } };
const ACCEPT_ADA = { action: 'accept', content: { name: 'Ada' } };
const KEY_1 = 'first fleet secret, at least 32 bytes long';
const KEY_2 = 'second fleet secret, at least 32 bytes long';

let nextId = 1;
async function call(server: McpServer, params: JSONRPCParams, authInfo?: unknown): Promise<JSONRPCResponse> {
  const extra = authInfo === undefined ? undefined : { authInfo };
  return server.handleModernRequest({ jsonrpc: '2.0', id: nextId++, method: 'tools/call', params }, extra);
}

function resultOf(response: JSONRPCResponse): JSONRPCParams {
  if (!('result' in response)) throw new Error(`failed: ${JSON.stringify(response.error)}`);
  return response.result;
}

function retry(params: JSONRPCParams, previous: JSONRPCParams, inputResponses: JSONRPCParams): JSONRPCParams {
  return modern({ ...params, inputResponses, requestState: previous['requestState'] });
}

const serverWith = (options?: McpServerOptions): McpServer => fixtureServer(options).server;

/** The decoded payload of a state: the client can read it, so it must hold nothing secret. */
function payloadOf(state: unknown): { [key: string]: unknown } {
  const body = (state as string).split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(body)) as { [key: string]: unknown };
}

async function sha256Base64Url(text: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...hash))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** A tool that echoes one argument after one elicitation round. */
function echoAfterConfirm(options?: McpServerOptions): McpServer {
  const server = new McpServer({ name: 'echo', version: '1' }, options);
  server.registerTool(
    'echo',
    { inputSchema: z.object({ value: z.unknown() }).passthrough() },
    async (args, ctx) => {
      await ctx.elicit(
        { message: 'Go?', requestedSchema: { type: 'object', properties: {} } },
        { key: 'go' },
      );
      return { content: [{ type: 'text', text: String(args.value) }] };
    },
  );
  return server;
}

describe('requestState keys', () => {
  it('gives each server its own key by default: a state from one is refused by another', async () => {
    const a = serverWith();
    const b = serverWith();
    const first = resultOf(await call(a, modern(SURVEY)));
    const params = retry(SURVEY, first, { 'input-0': ACCEPT_ADA });
    expect(await call(b, params)).toMatchObject({
      error: { code: -32602, message: expect.stringMatching(/integrity check failed/) },
    });
    expect(resultOf(await call(a, params))['resultType']).toBe('input_required');
  });

  it('rotates with a key list: the first key signs, every key verifies', async () => {
    const old = serverWith({ requestStateKey: KEY_1 });
    const rotated = serverWith({ requestStateKey: [KEY_2, KEY_1] });
    const retired = serverWith({ requestStateKey: [KEY_2] });
    // A state issued under the old key survives the rotation...
    const inFlight = resultOf(await call(old, modern(SURVEY)));
    const next = resultOf(await call(rotated, retry(SURVEY, inFlight, { 'input-0': ACCEPT_ADA })));
    expect(Object.keys(next['inputRequests'] as object)).toEqual(['input-1']);
    // ...and the rotated server signs with the new key, which a server holding only the old one refuses.
    expect(await call(old, retry(SURVEY, next, {}))).toMatchObject({ error: { code: -32602 } });
    expect(resultOf(await call(retired, retry(SURVEY, next, {})))['resultType']).toBe('input_required');
    // Once the old key is dropped, its states are refused.
    expect(await call(retired, retry(SURVEY, inFlight, { 'input-0': ACCEPT_ADA }))).toMatchObject({
      error: { code: -32602, message: expect.stringMatching(/integrity/) },
    });
  });

  it('refuses keys shorter than 32 bytes and an empty key list', () => {
    const make = (requestStateKey: McpServerOptions['requestStateKey']) => () =>
      new McpServer({ name: 'k', version: '1' }, { requestStateKey });
    expect(make('x'.repeat(31))).toThrow(/at least 32 bytes/);
    expect(make(new Uint8Array(31))).toThrow(RangeError);
    expect(make([KEY_1, 'short'])).toThrow(/at least 32 bytes/);
    expect(make([])).toThrow(/empty/);
    expect(make('x'.repeat(32))).not.toThrow();
    // A string counts its UTF-8 bytes: 16 two-byte characters are 32 bytes.
    expect(make('é'.repeat(16))).not.toThrow();
  });
});

describe('requestState bindings', () => {
  it('binds the principal by a keyed MAC that a holder of the state cannot recompute', async () => {
    const server = serverWith({ requestStateKey: KEY_1 });
    const first = resultOf(await call(server, modern(SURVEY), { clientId: 'alice' }));
    const bound = payloadOf(first['requestState'])['p'];
    expect(bound).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The old binding (a plain SHA-256 of the canonical principal) would let anyone test guesses offline.
    expect(bound).not.toBe(await sha256Base64Url(JSON.stringify('alice')));
    expect(bound).not.toBe(await sha256Base64Url('alice'));
    // Another server with another key computes another MAC for the same principal.
    const other = resultOf(
      await call(serverWith({ requestStateKey: KEY_2 }), modern(SURVEY), { clientId: 'alice' }),
    );
    expect(payloadOf(other['requestState'])['p']).not.toBe(bound);
    // The binding still holds across a key rotation: the MAC is recomputed under the verifying key.
    const rotated = serverWith({ requestStateKey: [KEY_2, KEY_1] });
    const params = retry(SURVEY, first, { 'input-0': ACCEPT_ADA });
    expect(resultOf(await call(rotated, params, { clientId: 'alice' }))['resultType']).toBe('input_required');
    expect(await call(rotated, params, { clientId: 'mallory' })).toMatchObject({
      error: { code: -32602, message: expect.stringMatching(/another principal/) },
    });
  });

  it.each([
    ['null', null, Number.POSITIVE_INFINITY],
    ['null', null, Number.NEGATIVE_INFINITY],
    ['Infinity', Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
    ['0', 0, -0],
    ['-0', -0, 0],
  ])('never lets a state issued for %s serve another number', async (_label, issued, presented) => {
    const server = echoAfterConfirm({ requestStateKey: KEY_1 });
    const first = resultOf(await call(server, modern({ name: 'echo', arguments: { value: issued } })));
    expect(first['resultType']).toBe('input_required');
    const swapped = retry({ name: 'echo', arguments: { value: presented } }, first, {
      go: { action: 'accept' },
    });
    expect(await call(server, swapped)).toMatchObject({
      error: { code: -32602, message: expect.stringMatching(/issued for another request/) },
    });
    const same = retry({ name: 'echo', arguments: { value: issued } }, first, { go: { action: 'accept' } });
    expect(resultOf(await call(server, same))['content']).toEqual([{ type: 'text', text: String(issued) }]);
  });

  it('checks the MAC before it walks the arguments: a forged state with 200,000-deep arguments is refused at once', async () => {
    const server = echoAfterConfirm({ requestStateKey: KEY_1 });
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const forged = `${btoa('{}').replace(/=+$/, '')}.${'A'.repeat(43)}`;
    const response = await call(
      server,
      modern({ name: 'echo', arguments: { value: deep }, requestState: forged, inputResponses: {} }),
    );
    expect(response).toMatchObject({ error: { code: -32602, message: expect.stringMatching(/integrity/) } });
  });

  it(`refuses to bind arguments nested deeper than ${MAX_BOUND_DEPTH} levels, and binds ones just within`, async () => {
    const server = echoAfterConfirm({ requestStateKey: KEY_1 });
    const nest = (levels: number) => {
      let value: unknown = 1;
      // `arguments` and `value` are two levels of the walked params already.
      for (let i = 0; i < levels - 3; i++) value = { v: value };
      return value;
    };
    const within = resultOf(
      await call(server, modern({ name: 'echo', arguments: { value: nest(MAX_BOUND_DEPTH) } })),
    );
    expect(within['resultType']).toBe('input_required');
    const beyond = await call(
      server,
      modern({ name: 'echo', arguments: { value: nest(MAX_BOUND_DEPTH + 1) } }),
    );
    expect(beyond).toMatchObject({
      error: {
        code: -32602,
        message: expect.stringMatching(/nested deeper than 256/),
        data: { limit: { name: 'maxBoundDepth', value: MAX_BOUND_DEPTH } },
      },
    });
  });
});

describe('inputs that require a requestState', () => {
  function confirmer() {
    const server = new McpServer({ name: 'warm', version: '1' });
    let runs = 0;
    server.registerTool('confirm', { inputSchema: z.object({}) }, async (_args, ctx) => {
      runs++;
      const answer = await ctx.elicit(
        { message: 'Sure?', requestedSchema: { type: 'object', properties: {} } },
        { key: 'confirm', requireRequestState: true },
      );
      return { content: [{ type: 'text', text: `confirmed: ${answer.action}` }] };
    });
    return { server, runs: () => runs };
  }

  it('ignores a cold answer and asks again; the stated retry completes', async () => {
    const { server, runs } = confirmer();
    const cold = resultOf(
      await call(
        server,
        modern({ name: 'confirm', arguments: {}, inputResponses: { confirm: { action: 'accept' } } }),
      ),
    );
    expect(cold).toMatchObject({
      resultType: 'input_required',
      inputRequests: { confirm: { method: 'elicitation/create' } },
    });
    expect(typeof cold['requestState']).toBe('string');
    const done = resultOf(
      await call(server, retry({ name: 'confirm', arguments: {} }, cold, { confirm: { action: 'accept' } })),
    );
    expect(done['content']).toEqual([{ type: 'text', text: 'confirmed: accept' }]);
    expect(runs()).toBe(2);
  });

  it('takes a cold answer for an input that does not require a state (the default)', async () => {
    const server = echoAfterConfirm();
    const done = resultOf(
      await call(
        server,
        modern({ name: 'echo', arguments: { value: 'x' }, inputResponses: { go: { action: 'accept' } } }),
      ),
    );
    expect(done['content']).toEqual([{ type: 'text', text: 'x' }]);
  });
});
