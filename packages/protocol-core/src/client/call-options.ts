/**
 * Per-call options as callers write them, ours or the official SDK's (`timeout`, `maxTotalTimeout`):
 * mapped onto ClientCallOptions, and anything neither knows refused, so no option is dropped unseen.
 */
import type { ClientCallOptions } from './options.js';

/** What every call accepts, and what list calls add. */
const CALL_KEYS = new Set([
  'signal',
  'timeoutMs',
  'maxTotalTimeoutMs',
  'resetTimeoutOnProgress',
  'onprogress',
  'logLevel',
  'timeout',
  'maxTotalTimeout',
]);
const LIST_KEYS = new Set([...CALL_KEYS, 'bypassCache']);
const LIST_ALL_KEYS = new Set([...LIST_KEYS, 'maxPages']);

/** Which keys a call of this kind accepts. */
export type CallKind = 'call' | 'list' | 'listAll';

const KEYS: Record<CallKind, ReadonlySet<string>> = {
  call: CALL_KEYS,
  list: LIST_KEYS,
  listAll: LIST_ALL_KEYS,
};

/** A zod (or any `parse`-able) schema, as the SDK's `callTool(params, resultSchema, options)` takes one. */
export interface ResultSchemaLike {
  parse(value: unknown): unknown;
}

/** True for what the SDK passes as `callTool`'s second argument: a result schema. */
export function isResultSchema(value: unknown): value is ResultSchemaLike {
  return (
    typeof value === 'object' && value !== null && typeof (value as { parse?: unknown }).parse === 'function'
  );
}

function alias(
  where: string,
  out: Record<string, unknown>,
  ours: 'timeoutMs' | 'maxTotalTimeoutMs',
  sdk: 'timeout' | 'maxTotalTimeout',
): void {
  const value = out[sdk];
  delete out[sdk];
  if (value === undefined) return;
  if (out[ours] !== undefined && out[ours] !== value) {
    throw new TypeError(`${where}: options.${sdk} and options.${ours} disagree; pass one of them`);
  }
  out[ours] = value;
}

/**
 * Checks and maps one call's options: the SDK's `timeout` and `maxTotalTimeout` become `timeoutMs`
 * and `maxTotalTimeoutMs`; any other unknown key (e.g. the SDK's `relatedRequestId`, `resumptionToken`,
 * `task`) throws a TypeError naming it.
 */
export function callOptionsOf<T extends ClientCallOptions>(
  where: string,
  options: T | undefined,
  kind: CallKind = 'call',
): T | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') {
    throw new TypeError(`${where}: options must be an object, got ${typeof options}`);
  }
  const keys = KEYS[kind];
  let sdkSpelling = false;
  for (const key of Object.keys(options)) {
    if (!keys.has(key)) {
      if ((options as Record<string, unknown>)[key] === undefined) continue;
      throw new TypeError(`${where}: option "${key}" is not supported; supported: ${[...keys].join(', ')}`);
    }
    if (key === 'timeout' || key === 'maxTotalTimeout') sdkSpelling = true;
  }
  if (!sdkSpelling) return options;
  const out: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  alias(where, out, 'timeoutMs', 'timeout');
  alias(where, out, 'maxTotalTimeoutMs', 'maxTotalTimeout');
  return out as T;
}
