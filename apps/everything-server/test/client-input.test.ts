// The fixtures that need the client (sampling, elicitation, roots), in both eras: legacy through
// server-to-client requests, modern through input_required results and retries (MRTR).
import { afterEach, describe, expect, it } from 'vitest';
import { SEP1034_DEFAULTS_SCHEMA, SEP1330_ENUMS_SCHEMA } from '../src/fixtures/client-input.js';
import {
  ANSWERS,
  type Connected,
  connectInMemory,
  formAnswer,
  recordingHandlers,
} from './support/harness.js';
import { describeViolations } from './support/wire-log.js';

let connected: Connected | undefined;

afterEach(async () => {
  if (connected !== undefined) {
    expect(describeViolations(connected.log)).toEqual([]);
    await connected.close();
  }
  connected = undefined;
});

/** How the fixtures word an accepted form with these fields. */
const accepted = (...fields: string[]): string =>
  `action=accept, content=${JSON.stringify(formAnswer(fields))}`;
const SEP1034_FIELDS = ['name', 'age', 'score', 'status', 'verified'];
const SEP1330_FIELDS = ['untitledSingle', 'titledSingle', 'legacyEnum', 'untitledMulti', 'titledMulti'];

/** Tool name → exact text, once the fixed handlers answered. */
const ANSWERED: readonly [string, Record<string, unknown>, string][] = [
  ['test_sampling', { prompt: 'Capital of France?' }, `LLM response: ${ANSWERS.sample}`],
  ['test_elicitation', { message: 'Who are you?' }, `User response: ${accepted('username', 'email')}`],
  ['test_elicitation_sep1034_defaults', {}, `Elicitation completed: ${accepted(...SEP1034_FIELDS)}`],
  ['test_elicitation_sep1330_enums', {}, `Elicitation completed: ${accepted(...SEP1330_FIELDS)}`],
  ['test_input_required_result_elicitation', {}, 'Hello, Alice!'],
  ['test_input_required_result_sampling', {}, `Sampling response: ${ANSWERS.sample}`],
  ['test_input_required_result_list_roots', {}, `Client roots: ${ANSWERS.root}`],
  ['test_input_required_result_request_state', {}, `state-ok: ${accepted('ok')}`],
  [
    'test_input_required_result_multiple_inputs',
    {},
    `name=Alice; greeting=${ANSWERS.sample}; roots=${ANSWERS.root}`,
  ],
  ['test_input_required_result_multi_round', {}, 'Alice likes blue'],
  ['test_input_required_result_tampered_state', {}, `Confirmed: ${accepted('ok')}`],
  [
    'test_input_required_result_capabilities',
    {},
    `sampling=${ANSWERS.sample}; elicitation=${accepted('name')}; roots=${ANSWERS.root}`,
  ],
];

describe.each(['legacy', 'modern'] as const)('input fixtures, %s era', (era) => {
  it.each(ANSWERED)('%s completes with the client answers', async (name, args, text) => {
    const { handlers } = recordingHandlers();
    connected = await connectInMemory({ clientEra: era, client: { handlers } });
    const result = await connected.client.callTool({ name, arguments: args });
    expect(result.content).toEqual([{ type: 'text', text }]);
  });

  it('test_sampling asks exactly what the suite expects', async () => {
    const { handlers, asked } = recordingHandlers();
    connected = await connectInMemory({ clientEra: era, client: { handlers } });
    await connected.client.callTool({ name: 'test_sampling', arguments: { prompt: 'Hi' } });
    expect(asked).toEqual([
      {
        method: 'sampling/createMessage',
        params: { messages: [{ role: 'user', content: { type: 'text', text: 'Hi' } }], maxTokens: 100 },
      },
    ]);
  });

  it.each([
    ['test_elicitation_sep1034_defaults', SEP1034_DEFAULTS_SCHEMA],
    ['test_elicitation_sep1330_enums', SEP1330_ENUMS_SCHEMA],
  ] as const)('%s sends its form schema', async (name, schema) => {
    const { handlers, asked } = recordingHandlers();
    connected = await connectInMemory({ clientEra: era, client: { handlers } });
    await connected.client.callTool({ name });
    expect(asked).toHaveLength(1);
    expect((asked[0]?.params as { requestedSchema?: unknown }).requestedSchema).toEqual(schema);
  });

  // No handlers: the client declares no capability, so the server must not ask (legacy) or must refuse (modern).
  it('test_sampling without the sampling capability is a tool error, or -32021 in the modern era', async () => {
    connected = await connectInMemory({ clientEra: era });
    const outcome = await connected.client
      .callTool({ name: 'test_sampling', arguments: { prompt: 'x' } })
      .then(
        (result) => ({ isError: result.isError }),
        (error: unknown) => ({
          code: (error as { code?: unknown }).code,
          data: (error as { data?: unknown }).data,
        }),
      );
    if (era === 'legacy') expect(outcome).toEqual({ isError: true });
    else expect(outcome).toEqual({ code: -32021, data: { requiredCapabilities: { sampling: {} } } });
  });

  it('the MRTR prompt completes with the elicited context', async () => {
    const { handlers } = recordingHandlers();
    connected = await connectInMemory({ clientEra: era, client: { handlers } });
    const prompt = await connected.client.getPrompt({ name: 'test_input_required_result_prompt' });
    expect(prompt.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Use this context: tests' } },
    ]);
  });
});

describe('multi round-trip requests on the wire (modern era)', () => {
  it('round 1 answers input_required with an elicitation and a requestState; the retry echoes it', async () => {
    const { handlers } = recordingHandlers();
    connected = await connectInMemory({ clientEra: 'modern', client: { handlers } });
    await connected.client.callTool({ name: 'test_input_required_result_elicitation' });
    const calls = connected.log.sent('tools/call');
    expect(calls).toHaveLength(2);
    const [first, second] = connected.log.resultsOf('tools/call');
    expect(first).toMatchObject({ resultType: 'input_required', requestState: expect.any(String) });
    const requests = Object.values(first?.['inputRequests'] as Record<string, { method: string }>);
    expect(requests.map((r) => r.method)).toEqual(['elicitation/create']);
    // The retry echoes the exact state and answers exactly the keys asked (spec: MRTR, client rules).
    const retry = (calls[1] as { params: Record<string, unknown> }).params;
    expect(retry['requestState']).toBe(first?.['requestState']);
    expect(Object.keys(retry['inputResponses'] as object)).toEqual(
      Object.keys(first?.['inputRequests'] as object),
    );
    expect(second).toMatchObject({ resultType: 'complete' });
  });

  it('multiple inputs are asked in one round, and multi_round takes two rounds with different states', async () => {
    const { handlers } = recordingHandlers();
    connected = await connectInMemory({ clientEra: 'modern', client: { handlers } });
    await connected.client.callTool({ name: 'test_input_required_result_multiple_inputs' });
    const [asked] = connected.log.resultsOf('tools/call');
    const methods = Object.values(asked?.['inputRequests'] as Record<string, { method: string }>).map(
      (r) => r.method,
    );
    expect(methods.sort()).toEqual(['elicitation/create', 'roots/list', 'sampling/createMessage']);

    const before = connected.log.resultsOf('tools/call').length;
    await connected.client.callTool({ name: 'test_input_required_result_multi_round' });
    const rounds = connected.log.resultsOf('tools/call').slice(before);
    expect(rounds.map((r) => r['resultType'])).toEqual(['input_required', 'input_required', 'complete']);
    expect(rounds[0]?.['requestState']).not.toBe(rounds[1]?.['requestState']);
  });

  it('capabilities: only the declared kinds are asked', async () => {
    const { handlers, asked } = recordingHandlers();
    connected = await connectInMemory({
      clientEra: 'modern',
      client: { handlers: { sampling: handlers.sampling } },
    });
    const result = await connected.client.callTool({ name: 'test_input_required_result_capabilities' });
    expect(result.content).toEqual([{ type: 'text', text: `sampling=${ANSWERS.sample}` }]);
    expect(asked.map((a) => a.method)).toEqual(['sampling/createMessage']);
  });
});
