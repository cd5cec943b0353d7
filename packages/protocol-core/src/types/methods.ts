/**
 * The method registry: for every MCP method, in every revision that has it, who sends it, its
 * params schema and its result schema. Handlers validate incoming params with {@link parseParams};
 * senders validate outgoing messages with it and {@link parseResult}. Every schema is built once, at
 * module load; a lookup is two map reads.
 */
import { fastCallToolParams, fastCallToolResult } from './fast-paths.js';
import { formatIssues } from './format-issues.js';
import { METHOD_SPECS, type MethodSpec } from './method-table.js';
import type { McpMethod, ParamsOf, ResultOf } from './method-types.js';
import { ResultType } from './modern.js';
import { InputRequiredResultSchema } from './mrtr.js';
import { eraOf, type ProtocolVersion, SUPPORTED_PROTOCOL_VERSIONS } from './revisions.js';
import { CreateTaskResultSchema } from './tasks.js';

/** The outcome of a parse: the parsed value, or a bounded message that names the failing path. */
export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** The revisions whose requests carry the modern `_meta` (what the fast paths accept), by era, once. */
const modernRevisions: ReadonlySet<string> = new Set(
  SUPPORTED_PROTOCOL_VERSIONS.filter((version) => eraOf(version) === 'modern'),
);

/** revision -> method -> spec, built once. */
const byRevision = new Map<string, Map<string, MethodSpec>>();
for (const spec of METHOD_SPECS) {
  for (const revision of spec.revisions) {
    let methods = byRevision.get(revision);
    if (methods === undefined) {
      methods = new Map();
      byRevision.set(revision, methods);
    }
    if (methods.has(spec.method)) throw new Error(`registry: ${spec.method} defined twice for ${revision}`);
    methods.set(spec.method, spec);
  }
}
const listsByRevision = new Map<string, readonly MethodSpec[]>(
  [...byRevision].map(([revision, methods]) => [revision, Object.freeze([...methods.values()])]),
);

/**
 * The spec of `method` in `revision`, or, without a revision, in the newest revision that has it.
 * `undefined` when the method does not exist there.
 */
export function getMethodSpec(method: string, revision?: ProtocolVersion): MethodSpec | undefined {
  if (revision !== undefined) return byRevision.get(revision)?.get(method);
  for (const version of SUPPORTED_PROTOCOL_VERSIONS) {
    const spec = byRevision.get(version)?.get(method);
    if (spec !== undefined) return spec;
  }
  return undefined;
}

/** Every method spec of one revision, or every spec of every revision. */
export function listMethodSpecs(revision?: ProtocolVersion): readonly MethodSpec[] {
  if (revision === undefined) return METHOD_SPECS;
  return listsByRevision.get(revision) ?? [];
}

function unknownMethod(method: string, revision: string): { ok: false; error: string } {
  const known = byRevision.has(revision);
  const name = method.length > 80 ? `${method.slice(0, 80)}…` : method;
  return {
    ok: false,
    error: known ? `Unknown method "${name}" in revision ${revision}` : `Unsupported revision "${revision}"`,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates the params of a request or notification against the schema of `revision`. Omitted
 * params pass where the method allows that (`value` is then `undefined`).
 * @example
 * const parsed = parseParams('tools/call', message.params, '2025-06-18');
 * if (!parsed.ok) throw invalidParams(parsed.error);
 * const { name, arguments: args } = parsed.value;
 */
export function parseParams<M extends McpMethod>(
  method: M,
  params: unknown,
  revision: ProtocolVersion,
): ParseOutcome<ParamsOf<M>>;
export function parseParams(
  method: string,
  params: unknown,
  revision: ProtocolVersion,
): ParseOutcome<unknown>;
export function parseParams(
  method: string,
  params: unknown,
  revision: ProtocolVersion,
): ParseOutcome<unknown> {
  const spec = byRevision.get(revision)?.get(method);
  if (spec === undefined) return unknownMethod(method, revision);
  if (params === undefined) {
    return spec.paramsOptional
      ? { ok: true, value: undefined }
      : { ok: false, error: `Invalid params for ${method}: params: required` };
  }
  if (method === 'tools/call' && fastCallToolParams(params, modernRevisions.has(revision))) {
    return { ok: true, value: params };
  }
  const parsed = spec.params.safeParse(params);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: `Invalid params for ${method}: ${formatIssues(parsed.error.issues)}` };
}

/**
 * Validates the result of a request against the schema of `revision`. Where the revision allows it,
 * an `input_required` result (2026-07-28) or a task handle (2025-11-25) is accepted too.
 * @example
 * const parsed = parseResult('tools/list', response.result, negotiatedVersion);
 * if (!parsed.ok) throw new TransportError(TransportErrorCode.InvalidMessage, parsed.error);
 */
export function parseResult<M extends McpMethod>(
  method: M,
  result: unknown,
  revision: ProtocolVersion,
): ParseOutcome<ResultOf<M>>;
export function parseResult(
  method: string,
  result: unknown,
  revision: ProtocolVersion,
): ParseOutcome<unknown>;
export function parseResult(
  method: string,
  result: unknown,
  revision: ProtocolVersion,
): ParseOutcome<unknown> {
  const spec = byRevision.get(revision)?.get(method);
  if (spec === undefined) return unknownMethod(method, revision);
  if (spec.result === undefined) return { ok: false, error: `${method} is a notification: it has no result` };
  if (method === 'tools/call' && fastCallToolResult(result, modernRevisions.has(revision))) {
    return { ok: true, value: result };
  }
  let schema = spec.result;
  if (spec.inputRequired && isObject(result) && result['resultType'] === ResultType.InputRequired) {
    schema = InputRequiredResultSchema;
  } else if (spec.taskAugmented && isObject(result) && isObject(result['task'])) {
    schema = CreateTaskResultSchema;
  }
  const parsed = schema.safeParse(result);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: `Invalid result for ${method}: ${formatIssues(parsed.error.issues)}` };
}
