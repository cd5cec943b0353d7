import { describe, expect, it } from 'vitest';
import { type ProtocolVersion, SUPPORTED_PROTOCOL_VERSIONS, validateEnvelope } from '../src/index.js';
import { parseParams, parseResult } from '../src/schemas.js';
import { type MessageFixture, fixturesFor, modernMeta } from './support/mcp-fixtures.js';
import { validateDefinition, validateMessage } from './support/schema-validator.js';

/** Parses a fixture's payload with our registry, as a receiver would. */
function parsePayload(revision: ProtocolVersion, fixture: MessageFixture) {
  const message = fixture.message as unknown as Record<string, unknown>;
  return fixture.kind === 'response'
    ? parseResult(fixture.method, message['result'], revision)
    : parseParams(fixture.method, message['params'], revision);
}

/** What the official definition is checked against: the whole message, or a response's result. */
function officialSubject(fixture: MessageFixture): unknown {
  return fixture.kind === 'response' ? (fixture.message as { result: unknown }).result : fixture.message;
}

describe.each(SUPPORTED_PROTOCOL_VERSIONS.map((revision) => [revision]))('round trip, %s', (revision) => {
  const fixtures = fixturesFor(revision).map(
    (fixture, index) => [`${index} ${fixture.name}`, fixture] as const,
  );

  it.each(fixtures)('%s parses with our schemas, unchanged', (_label, fixture) => {
    expect(validateEnvelope(fixture.message).ok).toBe(true);
    const parsed = parsePayload(revision, fixture);
    expect(parsed).toEqual({ ok: true, value: officialPayload(fixture) });
  });

  it.each(fixtures)('%s is valid against the official schema', (_label, fixture) => {
    expect(validateMessage(revision, fixture.message).errors).toEqual([]);
    expect(validateDefinition(revision, fixture.definition, officialSubject(fixture)).errors).toEqual([]);
  });

  it('covers the core methods of its era', () => {
    const methods = new Set(fixturesFor(revision).map((fixture) => fixture.method));
    const core = ['tools/list', 'tools/call', 'resources/read', 'prompts/get', 'completion/complete'];
    const era =
      revision === '2026-07-28' ? ['server/discover', 'subscriptions/listen'] : ['initialize', 'ping'];
    for (const method of [...core, ...era]) expect(methods, method).toContain(method);
  });
});

/** The params or result as sent: loose schemas keep every member, so parsing returns an equal value. */
function officialPayload(fixture: MessageFixture): unknown {
  const message = fixture.message as unknown as Record<string, unknown>;
  return fixture.kind === 'response' ? message['result'] : message['params'];
}

interface Rejection {
  name: string;
  revision: ProtocolVersion;
  kind: 'params' | 'result';
  method: string;
  value: unknown;
  /** The official definition the value (a whole message for params, a result otherwise) is checked against. */
  definition: string;
  /** What our error message must say: the failing path and why. */
  expected: string;
}

const tool = { name: 't', inputSchema: { type: 'object' } };

/** Invalid payloads: ours and the official schema must both reject them. */
const rejections: Rejection[] = [
  {
    name: 'tools/call without a name',
    revision: '2024-11-05',
    kind: 'params',
    method: 'tools/call',
    value: { arguments: {} },
    definition: 'CallToolRequest',
    expected: 'name: required (expected string)',
  },
  {
    name: 'initialize with a numeric protocolVersion',
    revision: '2025-03-26',
    kind: 'params',
    method: 'initialize',
    value: { protocolVersion: 20250326, capabilities: {}, clientInfo: { name: 'c', version: '1' } },
    definition: 'InitializeRequest',
    expected: 'protocolVersion: expected string, received number',
  },
  {
    name: 'initialize without clientInfo.version',
    revision: '2025-11-25',
    kind: 'params',
    method: 'initialize',
    value: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'c' } },
    definition: 'InitializeRequest',
    expected: 'clientInfo.version: required',
  },
  {
    name: 'a tool without inputSchema',
    revision: '2025-06-18',
    kind: 'result',
    method: 'tools/list',
    value: { tools: [tool, { name: 'broken' }] },
    definition: 'ListToolsResult',
    expected: 'tools[1].inputSchema: required',
  },
  {
    name: 'a text block whose text is a number',
    revision: '2025-06-18',
    kind: 'result',
    method: 'tools/call',
    value: { content: [{ type: 'text', text: 42 }] },
    definition: 'CallToolResult',
    expected: 'content[0].text: expected string, received number',
  },
  {
    name: 'a content block of an unknown type',
    revision: '2025-11-25',
    kind: 'result',
    method: 'tools/call',
    value: { content: [{ type: 'video', url: 'x' }] },
    definition: 'CallToolResult',
    expected: 'content[0].type',
  },
  {
    name: 'an image that is not base64',
    revision: '2025-11-25',
    kind: 'result',
    method: 'tools/call',
    value: { content: [{ type: 'image', data: 'not base64!', mimeType: 'image/png' }] },
    definition: 'CallToolResult',
    expected: 'content[0].data',
  },
  {
    name: 'a cancellation without requestId before 2025-11-25',
    revision: '2025-06-18',
    kind: 'params',
    method: 'notifications/cancelled',
    value: { reason: 'x' },
    definition: 'CancelledNotification',
    expected: 'requestId: required',
  },
  {
    name: 'a URL elicitation without elicitationId in 2025-11-25',
    revision: '2025-11-25',
    kind: 'params',
    method: 'elicitation/create',
    value: { mode: 'url', message: 'm', url: 'https://example.com' },
    definition: 'ElicitRequest',
    expected: 'elicitationId: required',
  },
  {
    name: 'a sampling message with a bad role',
    revision: '2025-03-26',
    kind: 'params',
    method: 'sampling/createMessage',
    value: { messages: [{ role: 'system', content: { type: 'text', text: 'x' } }], maxTokens: 5 },
    definition: 'CreateMessageRequest',
    expected: 'messages[0].role',
  },
  {
    name: 'more than 100 completion values',
    revision: '2026-07-28',
    kind: 'result',
    method: 'completion/complete',
    value: { resultType: 'complete', completion: { values: Array.from({ length: 101 }, (_, i) => `v${i}`) } },
    definition: 'CompleteResult',
    expected: 'completion.values',
  },
  {
    name: 'a modern request without a protocol version',
    revision: '2026-07-28',
    kind: 'params',
    method: 'tools/list',
    value: { _meta: { 'io.modelcontextprotocol/clientCapabilities': {} } },
    definition: 'ListToolsRequest',
    expected: '_meta["io.modelcontextprotocol/protocolVersion"]: required',
  },
  {
    name: 'a modern request without _meta',
    revision: '2026-07-28',
    kind: 'params',
    method: 'tools/call',
    value: { name: 'x' },
    definition: 'CallToolRequest',
    expected: '_meta: required',
  },
  {
    name: 'a modern result without resultType',
    revision: '2026-07-28',
    kind: 'result',
    method: 'tools/call',
    value: { content: [] },
    definition: 'CallToolResult',
    expected: 'resultType',
  },
  {
    name: 'a discover result without capabilities',
    revision: '2026-07-28',
    kind: 'result',
    method: 'server/discover',
    value: { resultType: 'complete', supportedVersions: ['2026-07-28'], ttlMs: 0, cacheScope: 'private' },
    definition: 'DiscoverResult',
    expected: 'capabilities: required',
  },
  {
    name: 'a negative ttlMs',
    revision: '2026-07-28',
    kind: 'result',
    method: 'tools/list',
    value: { resultType: 'complete', tools: [], ttlMs: -1, cacheScope: 'public' },
    definition: 'ListToolsResult',
    expected: 'ttlMs',
  },
  {
    name: 'an input request of an unknown method',
    revision: '2026-07-28',
    kind: 'result',
    method: 'tools/call',
    value: { resultType: 'input_required', inputRequests: { a: { method: 'tools/list' } } },
    definition: 'InputRequiredResult',
    expected: 'inputRequests.a.method',
  },
  {
    name: 'a listen result without its subscription id',
    revision: '2026-07-28',
    kind: 'result',
    method: 'subscriptions/listen',
    value: { resultType: 'complete', _meta: {} },
    definition: 'SubscriptionsListenResult',
    expected: '_meta["io.modelcontextprotocol/subscriptionId"]: required',
  },
];

describe('invalid messages', () => {
  it.each(rejections.map((r) => [r.name, r] as const))('rejects %s, naming the path', (_name, rejection) => {
    const { revision, kind, method, value, definition, expected } = rejection;
    const parsed =
      kind === 'params' ? parseParams(method, value, revision) : parseResult(method, value, revision);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain(expected);
    expect(parsed.error.length).toBeLessThanOrEqual(400);
    // The official schema agrees: our schemas are not stricter than the spec on these.
    const official: unknown = kind === 'params' ? { jsonrpc: '2.0', id: 1, method, params: value } : value;
    expect(validateDefinition(revision, definition, official).valid).toBe(false);
  });

  it('accepts what a revision allows and another forbids', () => {
    // 2025-11-25 lets a cancellation omit requestId; 2026-07-28 does not.
    expect(parseParams('notifications/cancelled', { reason: 'x' }, '2025-11-25').ok).toBe(true);
    expect(parseParams('notifications/cancelled', { reason: 'x' }, '2026-07-28').ok).toBe(false);
    // URL-mode elicitations have no id in 2026-07-28, but must have one in 2025-11-25.
    const url = { mode: 'url', message: 'm', url: 'https://example.com' };
    expect(parseParams('elicitation/create', url, '2026-07-28').ok).toBe(true);
    expect(parseParams('elicitation/create', url, '2025-11-25').ok).toBe(false);
    // A legacy result needs no resultType; a modern one does.
    expect(parseResult('tools/call', { content: [] }, '2025-11-25').ok).toBe(true);
    expect(parseResult('tools/call', { content: [], resultType: 'complete' }, '2026-07-28').ok).toBe(true);
    // A legacy tools/call must not carry modern _meta, but it may: unknown _meta keys pass through.
    expect(parseParams('tools/call', { name: 'x', _meta: modernMeta() }, '2025-06-18').ok).toBe(true);
  });
});
