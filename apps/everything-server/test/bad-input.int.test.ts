// Bad input against the reference server over stdio, written as raw NDJSON: each gets its specified
// error, and the same connection keeps serving afterwards. Every message the server wrote is checked
// against the schema of the era in use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateMessage } from '../../../packages/protocol-core/test/support/schema-validator.js';
import { everythingServer } from './support/processes.js';
import { RawClient, type WireMessage } from './support/raw-client.js';

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
  'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1.0.0' },
};

/** The connection still works: a valid echo call is answered. */
async function stillServing(client: RawClient, params?: Record<string, unknown>): Promise<void> {
  const answer = await client.request('tools/call', {
    name: 'echo',
    arguments: { text: 'still here' },
    ...params,
  });
  expect(answer.result?.['content']).toEqual([{ type: 'text', text: 'still here' }]);
}

/**
 * Schema errors of what the server wrote. The -32700 answer to an unparsable line is left out: it
 * carries `"id": null` as JSON-RPC 2.0 requires, which no MCP schema accepts (2025-11-25 and later
 * would take the `id` omitted); the test below pins that form.
 */
function schemaErrors(revision: string, messages: WireMessage[]): string[] {
  return messages
    .filter((m) => m.error?.code !== -32700)
    .flatMap((m) =>
      validateMessage(revision, m).errors.map((e) => `${JSON.stringify(m).slice(0, 120)}: ${e}`),
    );
}

describe('bad input, legacy era (stdio)', () => {
  let client: RawClient;
  beforeAll(() => {
    client = new RawClient(everythingServer('dual'));
  });
  afterAll(async () => {
    await client.close();
    expect(schemaErrors('2025-11-25', client.received)).toEqual([]);
  });

  it('a request before initialize is refused with -32602 naming initialize', async () => {
    const answer = await client.request('tools/list');
    expect(answer.error).toMatchObject({ code: -32602, message: expect.stringContaining('initialize') });
  });

  it('initialize with an unknown version is answered with the server version, not an error', async () => {
    const answer = await client.request('initialize', {
      protocolVersion: '1900-01-01',
      capabilities: {},
      clientInfo: { name: 'raw', version: '1.0.0' },
    });
    expect(answer.result).toMatchObject({
      protocolVersion: '2025-11-25',
      serverInfo: { name: 'mcpwire-everything-server' },
    });
    client.write({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await stillServing(client);
  });

  it('an unknown method is -32601', async () => {
    const answer = await client.request('no/such/method', {});
    expect(answer.error?.code).toBe(-32601);
    await stillServing(client);
  });

  it('invalid params are -32602', async () => {
    const answer = await client.request('tools/call', { arguments: {} });
    expect(answer.error?.code).toBe(-32602);
    await stillServing(client);
  });

  it('a line that is not JSON is -32700 with a null id', async () => {
    client.write('{"jsonrpc": "2.0", "id": 5, "method": ');
    const answer = await client.response(null);
    expect(answer).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    await stillServing(client);
  });
});

describe('bad input, modern era (stdio)', () => {
  let client: RawClient;
  beforeAll(() => {
    client = new RawClient(everythingServer('dual'));
  });
  afterAll(async () => {
    await client.close();
    expect(schemaErrors('2026-07-28', client.received)).toEqual([]);
  });

  it('an unsupported version is -32022 listing the supported ones', async () => {
    const answer = await client.request('tools/list', {
      _meta: { ...META, 'io.modelcontextprotocol/protocolVersion': '1900-01-01' },
    });
    expect(answer.error?.code).toBe(-32022);
    expect(answer.error?.data).toEqual({
      supported: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
      requested: '1900-01-01',
    });
    await stillServing(client, { _meta: META });
  });

  it('an unknown method, and removed ones (ping, initialize with modern _meta), are -32601', async () => {
    expect((await client.request('no/such/method', { _meta: META })).error?.code).toBe(-32601);
    expect((await client.request('ping', { _meta: META })).error?.code).toBe(-32601);
    expect((await client.request('initialize', { _meta: META })).error?.code).toBe(-32601);
    await stillServing(client, { _meta: META });
  });

  it('invalid params, and a _meta without clientCapabilities, are -32602', async () => {
    expect((await client.request('tools/call', { name: 42, _meta: META })).error?.code).toBe(-32602);
    const noCapabilities = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' };
    expect((await client.request('tools/list', { _meta: noCapabilities })).error?.code).toBe(-32602);
    await stillServing(client, { _meta: META });
  });

  it('a tampered requestState is -32602; the intact one completes', async () => {
    const params = { name: 'test_input_required_result_tampered_state', arguments: {}, _meta: META };
    const first = await client.request('tools/call', params);
    expect(first.result).toMatchObject({ resultType: 'input_required', requestState: expect.any(String) });
    const state = first.result?.['requestState'] as string;
    const [key] = Object.keys(first.result?.['inputRequests'] as object);
    const inputResponses = { [key as string]: { action: 'accept', content: { ok: true } } };
    const tampered = await client.request('tools/call', {
      ...params,
      inputResponses,
      requestState: `${state}-TAMPERED`,
    });
    expect(tampered.error?.code).toBe(-32602);
    const intact = await client.request('tools/call', { ...params, inputResponses, requestState: state });
    expect(intact.result).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Confirmed: action=accept, content={"ok":true}' }],
    });
  });

  it('a retry missing an inputResponses entry is asked again, not refused', async () => {
    const params = { name: 'test_input_required_result_elicitation', arguments: {}, _meta: META };
    const first = await client.request('tools/call', params);
    const state = first.result?.['requestState'] as string;
    const again = await client.request('tools/call', { ...params, inputResponses: {}, requestState: state });
    expect(again.result).toMatchObject({ resultType: 'input_required' });
    expect(Object.values(again.result?.['inputRequests'] as object)).toEqual([
      expect.objectContaining({ method: 'elicitation/create' }),
    ]);
    await stillServing(client, { _meta: META });
  });
});
