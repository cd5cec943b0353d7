// The conformance suite's MRTR scenarios (input-required-result-*, SEP-2322) and the stateless
// scenario's `initialize` probe, replayed message for message as raw JSON-RPC over the in-memory
// pair: the suite addresses inputs by the keys its descriptions name, and sends some answers without
// a round 1. Every message the server writes is checked against the 2026-07-28 schema.
import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import type { JSONRPCMessage } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import { validateMessage } from '../../../packages/protocol-core/test/support/schema-validator.js';
import { createEverythingServer } from '../src/server.js';

type Params = Record<string, unknown>;
type Response = { id: number; result?: Params; error?: { code: number; message: string } };

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { sampling: {}, elicitation: {}, roots: {} },
  'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1.0.0' },
};

/** The suite's mock answers (input-required-result-helpers.ts), by method. */
const elicited = (content: Params) => ({ action: 'accept', content });
const SAMPLED = {
  role: 'assistant',
  content: { type: 'text', text: 'The capital of France is Paris.' },
  model: 'test-model',
  stopReason: 'endTurn',
};
const ROOTS = { roots: [{ uri: 'file:///test/root', name: 'Test Root' }] };

/** A raw client on one connection to a fresh dual-era server. */
class RawPeer {
  readonly received: JSONRPCMessage[] = [];
  readonly #waiting = new Map<number, (response: Response) => void>();
  #nextId = 1;

  constructor(readonly send: (message: JSONRPCMessage) => Promise<void>) {}

  receive(message: JSONRPCMessage): void {
    this.received.push(message);
    if ('id' in message && !('method' in message))
      this.#waiting.get(message.id as number)?.(message as Response);
  }

  /** Sends `method` with `params` (modern `_meta` added unless `meta` is false) and awaits the response. */
  async request(method: string, params: Params, meta = true): Promise<Response> {
    const id = this.#nextId++;
    const answered = new Promise<Response>((resolve) => this.#waiting.set(id, resolve));
    await this.send({ jsonrpc: '2.0', id, method, params: meta ? { ...params, _meta: META } : params });
    return answered;
  }

  /** A `tools/call` of `name` with no arguments, plus `extra` (inputResponses, requestState). */
  call(name: string, extra: Params = {}): Promise<Response> {
    return this.request('tools/call', { name, arguments: {}, ...extra });
  }
}

let closing: (() => Promise<void>) | undefined;
let peer: RawPeer | undefined;

afterEach(async () => {
  await closing?.();
  for (const message of peer?.received ?? [])
    expect(validateMessage('2026-07-28', message).errors).toEqual([]);
  closing = undefined;
  peer = undefined;
});

async function connect(): Promise<RawPeer> {
  const server = createEverythingServer({ era: 'dual' });
  const [clientEnd, serverEnd] = createInMemoryTransportPair();
  const raw = new RawPeer((message) => clientEnd.send(message));
  clientEnd.onmessage = (message) => raw.receive(message);
  await server.connect(serverEnd);
  await clientEnd.start();
  closing = () => server.close();
  peer = raw;
  return raw;
}

/** The `inputRequests` keys and methods of an input_required result. */
function asked(response: Response): Record<string, string> {
  expect(response.result?.['resultType']).toBe('input_required');
  const requests = response.result?.['inputRequests'] as Record<string, { method: string }>;
  return Object.fromEntries(Object.entries(requests).map(([key, request]) => [key, request.method]));
}

/** The text of a complete tool result. */
function text(response: Response): string | undefined {
  expect(response.result?.['resultType']).toBe('complete');
  return (response.result?.['content'] as { text?: string }[] | undefined)?.[0]?.text;
}

describe('MRTR fixtures answer under the keys the suite names', () => {
  it.each([
    ['test_input_required_result_elicitation', { user_name: 'elicitation/create' }, 'Hello, Alice!'],
    [
      'test_input_required_result_sampling',
      { capital_question: 'sampling/createMessage' },
      'Sampling response: The capital of France is Paris.',
    ],
    [
      'test_input_required_result_list_roots',
      { client_roots: 'roots/list' },
      'Client roots: file:///test/root',
    ],
    [
      'test_input_required_result_request_state',
      { confirm: 'elicitation/create' },
      'state-ok: action=accept, content={"ok":true}',
    ],
    [
      'test_input_required_result_multiple_inputs',
      { user_name: 'elicitation/create', greeting: 'sampling/createMessage', client_roots: 'roots/list' },
      'name=Alice; greeting=The capital of France is Paris.; roots=file:///test/root',
    ],
    [
      'test_input_required_result_tampered_state',
      { confirm: 'elicitation/create' },
      'Confirmed: action=accept, content={"ok":true}',
    ],
  ] as const)('%s asks %j and completes on the retry', async (tool, keys, done) => {
    const raw = await connect();
    const first = await raw.call(tool);
    expect(asked(first)).toEqual(keys);
    const answers: Params = {
      user_name: elicited({ name: 'Alice' }),
      confirm: elicited({ ok: true }),
      capital_question: SAMPLED,
      greeting: SAMPLED,
      client_roots: ROOTS,
    };
    const inputResponses = Object.fromEntries(Object.keys(keys).map((key) => [key, answers[key]]));
    const retry = await raw.call(tool, { inputResponses, requestState: first.result?.['requestState'] });
    expect(text(retry)).toBe(done);
  });

  it('multi-round asks step1, then step2 under a new requestState, then completes', async () => {
    const raw = await connect();
    const tool = 'test_input_required_result_multi_round';
    const r1 = await raw.call(tool);
    expect(asked(r1)).toEqual({ step1: 'elicitation/create' });
    const r2 = await raw.call(tool, {
      inputResponses: { step1: elicited({ name: 'Alice' }) },
      requestState: r1.result?.['requestState'],
    });
    expect(asked(r2)).toEqual({ step2: 'elicitation/create' });
    expect(r2.result?.['requestState']).not.toBe(r1.result?.['requestState']);
    const r3 = await raw.call(tool, {
      inputResponses: { step2: elicited({ color: 'blue' }) },
      requestState: r2.result?.['requestState'],
    });
    expect(text(r3)).toBe('Alice likes blue');
  });

  it('the capabilities tool asks only for sampling when only sampling is declared', async () => {
    const raw = await connect();
    const params = {
      name: 'test_input_required_result_capabilities',
      arguments: {},
      _meta: { ...META, 'io.modelcontextprotocol/clientCapabilities': { sampling: {} } },
    };
    expect(asked(await raw.request('tools/call', params, false))).toEqual({
      greeting: 'sampling/createMessage',
    });
  });

  it('the MRTR prompt asks for user_context and completes with it', async () => {
    const raw = await connect();
    const name = 'test_input_required_result_prompt';
    const first = await raw.request('prompts/get', { name });
    expect(asked(first)).toEqual({ user_context: 'elicitation/create' });
    const done = await raw.request('prompts/get', {
      name,
      inputResponses: { user_context: elicited({ context: 'test context' }) },
      requestState: first.result?.['requestState'],
    });
    expect(done.result?.['messages']).toEqual([
      { role: 'user', content: { type: 'text', text: 'Use this context: test context' } },
    ]);
  });
});

describe('answers sent without a round 1 (no requestState)', () => {
  const tool = 'test_input_required_result_elicitation';

  it('request-state: a cold answer does not earn "state-ok"; it is asked again under a requestState', async () => {
    const raw = await connect();
    const tool = 'test_input_required_result_request_state';
    const cold = await raw.call(tool, { inputResponses: { confirm: elicited({ ok: true }) } });
    expect(asked(cold)).toEqual({ confirm: 'elicitation/create' });
    expect(typeof cold.result?.['requestState']).toBe('string');
    const warm = await raw.call(tool, {
      inputResponses: { confirm: elicited({ ok: true }) },
      requestState: cold.result?.['requestState'],
    });
    expect(text(warm)).toBe('state-ok: action=accept, content={"ok":true}');
  });

  it('-ignore-extra-params: the right key plus unknown ones completes', async () => {
    const raw = await connect();
    const response = await raw.call(tool, {
      inputResponses: {
        user_name: elicited({ name: 'Alice' }),
        unknown_extra_key: { action: 'accept', content: { foo: 'bar' } },
        another_unexpected: { action: 'accept', content: { baz: 123 } },
      },
    });
    expect(text(response)).toBe('Hello, Alice!');
  });

  it('-missing-input-response: a wrong key is asked again, not refused', async () => {
    const raw = await connect();
    const response = await raw.call(tool, { inputResponses: { wrong_key: elicited({ data: 'wrong' }) } });
    expect(asked(response)).toEqual({ user_name: 'elicitation/create' });
  });

  it('-validate-input: a number, or null, for inputResponses is a JSON-RPC error', async () => {
    const raw = await connect();
    expect((await raw.call(tool, { inputResponses: { user_name: 12345 } })).error?.code).toBe(-32602);
    expect((await raw.call(tool, { inputResponses: null })).error?.code).toBe(-32602);
  });
});

describe('initialize with modern _meta (server-stateless, removed methods)', () => {
  it('is -32601 from the modern era, and the connection can still initialize as legacy', async () => {
    const raw = await connect();
    const removed = await raw.request('initialize', {});
    expect(removed.error).toEqual({ code: -32601, message: 'Method not found: initialize' });
    const legacy = await raw.request(
      'initialize',
      { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1.0.0' } },
      false,
    );
    expect(legacy.result).toMatchObject({ protocolVersion: '2025-11-25' });
    // The legacy answer is checked here against its own revision; the shared check covers the rest.
    expect(validateMessage('2025-11-25', raw.received.at(-1)).errors).toEqual([]);
    raw.received.pop();
  });
});
