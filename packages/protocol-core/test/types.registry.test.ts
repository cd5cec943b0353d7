/**
 * The method registry against the official schemas: every method a revision's schema defines is
 * registered for that revision with the right kind, sender and params requirement, and nothing
 * more; plus the behaviour of the lookup and parse helpers.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CallToolRequestParams,
  type CallToolResult,
  type CreateTaskResult,
  type InputRequiredResult,
  LATEST_LEGACY_PROTOCOL_VERSION,
  LATEST_PROTOCOL_VERSION,
  LEGACY_PROTOCOL_VERSIONS,
  MODERN_PROTOCOL_VERSIONS,
  type ModernCallToolRequestParams,
  type ModernCallToolResult,
  type ProtocolVersion,
  SUPPORTED_PROTOCOL_VERSIONS,
  eraOf,
  isSupportedProtocolVersion,
} from '../src/index.js';
import { getMethodSpec, listMethodSpecs, parseParams, parseResult } from '../src/schemas.js';
import { modernMeta } from './support/mcp-fixtures.js';
import { SCHEMA_REVISIONS, schemaDefinitions } from './support/schema-validator.js';

type Definition = Record<string, unknown>;

interface OfficialMethod {
  method: string;
  kind: 'request' | 'notification';
  from: 'client' | 'server' | 'both';
  paramsRequired: boolean;
  /** Sent inside an InputRequiredResult rather than as a message (2026-07-28). */
  inputRequest: boolean;
}

function methodOf(definition: Definition | undefined): string | undefined {
  const properties = definition?.['properties'] as Record<string, { const?: unknown }> | undefined;
  const constant = properties?.['method']?.const;
  return typeof constant === 'string' ? constant : undefined;
}

/** The methods of a union definition such as `ClientRequest` (or of a single definition). */
function methodsIn(definitions: Record<string, Definition>, name: string): Set<string> {
  const definition = definitions[name];
  const methods = new Set<string>();
  if (definition === undefined) return methods;
  const refs = (definition['anyOf'] as { $ref: string }[] | undefined) ?? [];
  for (const { $ref } of refs) {
    const method = methodOf(definitions[$ref.split('/').pop() ?? '']);
    if (method !== undefined) methods.add(method);
  }
  const own = methodOf(definition);
  if (own !== undefined) methods.add(own);
  return methods;
}

/** What a revision's schema says about its methods. */
function officialMethods(revision: string): Map<string, OfficialMethod> {
  const definitions = schemaDefinitions(revision) as Record<string, Definition>;
  const fromClient = new Set([
    ...methodsIn(definitions, 'ClientRequest'),
    ...methodsIn(definitions, 'ClientNotification'),
  ]);
  const inputRequests = methodsIn(definitions, 'InputRequest');
  const fromServer = new Set([
    ...methodsIn(definitions, 'ServerRequest'),
    ...methodsIn(definitions, 'ServerNotification'),
    ...inputRequests,
  ]);
  const methods = new Map<string, OfficialMethod>();
  for (const [name, definition] of Object.entries(definitions)) {
    const method = methodOf(definition);
    if (method === undefined || methods.has(method)) continue;
    const client = fromClient.has(method);
    const server = fromServer.has(method);
    methods.set(method, {
      method,
      kind: name.endsWith('Request') ? 'request' : 'notification',
      from: client && server ? 'both' : client ? 'client' : 'server',
      paramsRequired: ((definition['required'] as string[] | undefined) ?? []).includes('params'),
      inputRequest: inputRequests.has(method),
    });
  }
  return methods;
}

describe('revisions', () => {
  it('lists exactly the revisions that have an official schema, newest first', () => {
    expect([...SUPPORTED_PROTOCOL_VERSIONS].sort()).toEqual([...SCHEMA_REVISIONS]);
    expect(SUPPORTED_PROTOCOL_VERSIONS[0]).toBe(LATEST_PROTOCOL_VERSION);
    expect(LATEST_PROTOCOL_VERSION).toBe('2026-07-28');
    expect(LATEST_LEGACY_PROTOCOL_VERSION).toBe('2025-11-25');
    expect([...LEGACY_PROTOCOL_VERSIONS, ...MODERN_PROTOCOL_VERSIONS].sort()).toEqual(
      [...SUPPORTED_PROTOCOL_VERSIONS].sort(),
    );
  });

  it('tells the era of each revision', () => {
    for (const version of LEGACY_PROTOCOL_VERSIONS) expect(eraOf(version)).toBe('legacy');
    expect(eraOf('2026-07-28')).toBe('modern');
    expect(eraOf('2024-10-07')).toBeUndefined();
    expect(eraOf('')).toBeUndefined();
  });

  it('recognises supported versions only', () => {
    expect(isSupportedProtocolVersion('2025-06-18')).toBe(true);
    expect(isSupportedProtocolVersion('2026-07-28')).toBe(true);
    expect(isSupportedProtocolVersion('1900-01-01')).toBe(false);
    expect(isSupportedProtocolVersion(20250618)).toBe(false);
    expect(isSupportedProtocolVersion(undefined)).toBe(false);
  });
});

describe.each(SUPPORTED_PROTOCOL_VERSIONS.map((revision) => [revision]))('registry, %s', (revision) => {
  const official = officialMethods(revision);
  const registered = listMethodSpecs(revision);

  it('registers exactly the methods of the official schema', () => {
    expect(official.size).toBeGreaterThan(15);
    expect(registered.map((spec) => spec.method).sort()).toEqual([...official.keys()].sort());
  });

  it.each(
    [...official.values()].map((method) => [method.method, method] as const),
  )('%s: kind, sender, params requirement and delivery match the schema', (method, expected) => {
    const spec = getMethodSpec(method, revision);
    expect(spec?.revisions).toContain(revision);
    expect({
      kind: spec?.kind,
      from: spec?.from,
      paramsRequired: spec?.paramsOptional === false,
      inputRequest: spec?.delivery === 'input-request',
    }).toEqual({
      kind: expected.kind,
      from: expected.from,
      paramsRequired: expected.paramsRequired,
      inputRequest: expected.inputRequest,
    });
    expect(spec?.result === undefined).toBe(expected.kind === 'notification');
  });
});

describe('getMethodSpec', () => {
  it('without a revision, answers for the newest revision that has the method', () => {
    expect(getMethodSpec('tools/call')?.revisions).toEqual(['2026-07-28']);
    expect(getMethodSpec('initialize')?.revisions).toContain('2025-11-25');
    expect(getMethodSpec('tasks/get')?.revisions).toEqual(['2025-11-25']);
  });

  it('answers undefined for methods a revision lacks, and for unknown methods', () => {
    expect(getMethodSpec('initialize', '2026-07-28')).toBeUndefined();
    expect(getMethodSpec('server/discover', '2025-11-25')).toBeUndefined();
    expect(getMethodSpec('elicitation/create', '2025-03-26')).toBeUndefined();
    expect(getMethodSpec('tools/explode')).toBeUndefined();
    expect(getMethodSpec('toString')).toBeUndefined();
  });

  it('returns the same spec and schemas on every call: nothing is built per call', () => {
    const first = getMethodSpec('tools/call', '2025-06-18');
    expect(getMethodSpec('tools/call', '2025-06-18')).toBe(first);
    expect(getMethodSpec('tools/call', '2024-11-05')?.params).toBe(first?.params);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('flags the era-specific answers a request may get', () => {
    expect(getMethodSpec('tools/call', '2026-07-28')?.inputRequired).toBe(true);
    expect(getMethodSpec('tools/list', '2026-07-28')?.inputRequired).toBe(false);
    expect(getMethodSpec('tools/call', '2025-11-25')?.taskAugmented).toBe(true);
    expect(getMethodSpec('tools/call', '2025-06-18')?.taskAugmented).toBe(false);
  });
});

describe('parseParams and parseResult', () => {
  it('accept omitted params only where the method allows it', () => {
    expect(parseParams('ping', undefined, '2025-06-18')).toEqual({ ok: true, value: undefined });
    expect(parseParams('tools/list', undefined, '2024-11-05')).toEqual({ ok: true, value: undefined });
    expect(parseParams('tools/list', undefined, '2026-07-28')).toEqual({
      ok: false,
      error: 'Invalid params for tools/list: params: required',
    });
    expect(parseParams('tools/call', undefined, '2025-06-18').ok).toBe(false);
  });

  it('name unknown methods, unsupported revisions and notification results', () => {
    expect(parseParams('tools/explode', {}, '2025-06-18')).toEqual({
      ok: false,
      error: 'Unknown method "tools/explode" in revision 2025-06-18',
    });
    expect(parseParams('initialize', {}, '2026-07-28')).toMatchObject({ ok: false, error: /Unknown method/ });
    expect(parseParams('ping', {}, '1999-01-01' as ProtocolVersion)).toEqual({
      ok: false,
      error: 'Unsupported revision "1999-01-01"',
    });
    expect(parseResult('notifications/progress', {}, '2025-06-18')).toMatchObject({
      ok: false,
      error: /notification/,
    });
    const long = parseParams('x'.repeat(10_000), {}, '2025-06-18');
    expect(!long.ok && long.error.length).toBeLessThan(200);
  });

  it('take input_required results where MRTR applies, and only there', () => {
    const inputRequired = { resultType: 'input_required', requestState: 'abc' };
    expect(parseResult('tools/call', inputRequired, '2026-07-28')).toEqual({
      ok: true,
      value: inputRequired,
    });
    expect(parseResult('prompts/get', inputRequired, '2026-07-28').ok).toBe(true);
    expect(parseResult('resources/read', inputRequired, '2026-07-28').ok).toBe(true);
    expect(parseResult('tools/list', inputRequired, '2026-07-28').ok).toBe(false);
    expect(parseResult('tools/call', { resultType: 'input_required' }, '2026-07-28')).toMatchObject({
      ok: false,
      error: /inputRequests or requestState/,
    });
  });

  it('take task handles for task-augmented requests in 2025-11-25 only', () => {
    const task = {
      task: { taskId: 't', status: 'working', createdAt: 'a', lastUpdatedAt: 'b', ttl: null },
    };
    expect(parseResult('tools/call', task, '2025-11-25')).toEqual({ ok: true, value: task });
    expect(parseResult('elicitation/create', task, '2025-11-25').ok).toBe(true);
    expect(parseResult('tools/call', task, '2025-06-18').ok).toBe(false);
  });

  it('keep extension members and _meta, and return a copy', () => {
    const params = {
      name: 'x',
      arguments: { a: 1 },
      'com.example/flag': true,
      _meta: { progressToken: 1, z: 2 },
    };
    const parsed = parseParams('tools/call', params, '2025-06-18');
    expect(parsed).toEqual({ ok: true, value: params });
    expect(parsed.ok && parsed.value).not.toBe(params);
  });

  it('bound their error messages and do not echo input values', () => {
    const tools = Array.from({ length: 500 }, () => ({ name: 'x'.repeat(1000) }));
    const parsed = parseResult('tools/list', { tools }, '2025-06-18');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain('tools[0].inputSchema: required');
    expect(parsed.error).toMatch(/\(and \d+ more\)$/);
    expect(parsed.error.length).toBeLessThanOrEqual(340);
    const secret = parseParams('logging/setLevel', { level: 'hunter2-secret' }, '2025-06-18');
    expect(!secret.ok && secret.error).toMatch(/^Invalid params for logging\/setLevel: level: /);
    expect(!secret.ok && secret.error).not.toContain('hunter2');
  });

  it('report every accepted value when no variant of a union matched', () => {
    const field = { type: 'date' };
    const parsed = parseParams(
      'elicitation/create',
      { message: 'm', requestedSchema: { type: 'object', properties: { when: field } } },
      '2025-06-18',
    );
    expect(parsed).toMatchObject({
      ok: false,
      error: expect.stringContaining('properties.when.type: expected one of'),
    });
    expect(!parsed.ok && parsed.error).toContain('"boolean"');
  });

  it('type params and results by method name', () => {
    const params = parseParams('tools/call', { name: 'x', _meta: modernMeta() }, '2026-07-28');
    if (params.ok) {
      expectTypeOf(params.value).toEqualTypeOf<CallToolRequestParams | ModernCallToolRequestParams>();
    }
    const result = parseResult('tools/call', {}, '2026-07-28');
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<
        CallToolResult | CreateTaskResult | ModernCallToolResult | InputRequiredResult
      >();
    }
    const unknownMethod = parseParams(String('custom/method'), {}, '2026-07-28');
    if (unknownMethod.ok) expectTypeOf(unknownMethod.value).toBeUnknown();
    expect(params.ok).toBe(true);
  });
});
