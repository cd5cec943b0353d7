/**
 * What every modern-era (2026-07-28) message shares: the per-request `_meta` that replaces the
 * `initialize` handshake, the `resultType` of every result, and the caching hints of list results.
 */
import * as z from 'zod/mini';
import type { ProgressToken } from '../jsonrpc.js';
import { CursorSchema, type Implementation, type ResultMeta, ResultMetaSchema } from './base.js';
import type { ClientCapabilities } from './capabilities.js';
import { LOGGING_LEVELS, type LoggingLevel } from './logging.js';
import { MetaKey } from './revisions.js';

/**
 * The `_meta` every modern client request carries. A request without the two required keys is
 * malformed (-32602). `protocolVersion` stays a plain string here: an unsupported version is a
 * -32022 error with the supported list, not a parse failure.
 */
export interface ModernRequestMeta {
  [key: string]: unknown;
  'io.modelcontextprotocol/protocolVersion': string;
  'io.modelcontextprotocol/clientCapabilities': ClientCapabilities;
  'io.modelcontextprotocol/clientInfo'?: Implementation | undefined;
  'io.modelcontextprotocol/logLevel'?: LoggingLevel | undefined;
  progressToken?: ProgressToken | undefined;
}

/** Schema of {@link ModernRequestMeta}. */
const LOG_LEVELS: ReadonlySet<string> = new Set<string>(LOGGING_LEVELS);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the per-request `_meta` of a modern request by hand and returns what is wrong, or undefined.
 * Every modern request carries it, so it sits on the hot path: a zod parse of it cost about 1.8 µs per
 * request on each side (most of a modern `tools/call`'s overhead), this check a small fraction of that.
 * It checks what the server relies on: the version, the capabilities as objects (a capability is
 * "declared" when its key holds an object), the client info's name and version, the log level, and the
 * progress token.
 */
export function checkModernRequestMeta(meta: unknown): { path: string; message: string } | undefined {
  if (meta === undefined) return { path: '', message: 'required (expected object)' };
  if (!isPlainObject(meta)) return { path: '', message: 'expected object' };
  if (typeof meta[MetaKey.ProtocolVersion] !== 'string') {
    return { path: MetaKey.ProtocolVersion, message: 'required (expected string)' };
  }
  const capabilities = meta[MetaKey.ClientCapabilities];
  if (!isPlainObject(capabilities))
    return { path: MetaKey.ClientCapabilities, message: 'required (expected object)' };
  for (const key in capabilities) {
    const value = capabilities[key];
    if (value !== undefined && !isPlainObject(value)) {
      return { path: `${MetaKey.ClientCapabilities}.${key}`, message: 'expected object' };
    }
  }
  const info = meta[MetaKey.ClientInfo];
  if (info !== undefined) {
    if (!isPlainObject(info) || typeof info['name'] !== 'string' || typeof info['version'] !== 'string') {
      return { path: MetaKey.ClientInfo, message: 'expected an object with string name and version' };
    }
  }
  const level = meta[MetaKey.LogLevel];
  if (level !== undefined && (typeof level !== 'string' || !LOG_LEVELS.has(level))) {
    return { path: MetaKey.LogLevel, message: 'expected a logging level' };
  }
  const token = meta['progressToken'];
  if (
    token !== undefined &&
    typeof token !== 'string' &&
    !(typeof token === 'number' && Number.isSafeInteger(token))
  ) {
    return { path: 'progressToken', message: 'expected string or integer' };
  }
  return undefined;
}

export const ModernRequestMetaSchema: z.ZodMiniType<ModernRequestMeta> = z.custom<ModernRequestMeta>().check(
  z.superRefine((value, ctx) => {
    const problem = checkModernRequestMeta(value);
    if (problem !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: problem.message,
        path: problem.path === '' ? [] : [problem.path],
      });
    }
  }),
);

/** Params of a modern request that takes nothing but `_meta` (`server/discover`). */
export interface ModernRequestParams {
  _meta: ModernRequestMeta;
}

/** Schema of {@link ModernRequestParams}. */
export const ModernRequestParamsSchema: z.ZodMiniType<ModernRequestParams> = z.looseObject({
  _meta: ModernRequestMetaSchema,
});

/** Params of a modern paginated list request. */
export interface ModernPaginatedRequestParams extends ModernRequestParams {
  cursor?: string | undefined;
}

/** Schema of {@link ModernPaginatedRequestParams}. */
export const ModernPaginatedRequestParamsSchema: z.ZodMiniType<ModernPaginatedRequestParams> = z.looseObject({
  _meta: ModernRequestMetaSchema,
  cursor: z.optional(CursorSchema),
});

/** The `resultType` values of the core protocol. */
export const ResultType = {
  /** The request completed; the result holds the final content. */
  Complete: 'complete',
  /** The server needs input first (multi round-trip requests): see `InputRequiredResult`. */
  InputRequired: 'input_required',
} as const;

/** One of the {@link ResultType} values. */
export type ResultTypeValue = (typeof ResultType)[keyof typeof ResultType];

/** Who may cache a result: `public` across authorization contexts, `private` within one. */
export type CacheScope = 'private' | 'public';

/** Schema of {@link CacheScope}. */
export const CacheScopeSchema: z.ZodMiniType<CacheScope> = z.enum(['private', 'public']);

/**
 * Members of every modern result that completed. `resultType` is required on the wire in
 * 2026-07-28; a receiver that wants the spec's leniency for results without it ("treat an absent
 * resultType as complete") adds it before parsing.
 */
export interface CompleteResultFields {
  resultType: 'complete';
  _meta?: ResultMeta | undefined;
}

/**
 * Caching hints of a cacheable modern result (`server/discover`, the four list methods,
 * `resources/read`). Servers MUST send both; they are optional here so that a result without them
 * still parses (the spec's own `ReadResourceResultResponse` example omits them): no hints means
 * "do not cache".
 */
export interface CacheHints {
  /** How long, in milliseconds, the result may be treated as fresh. */
  ttlMs?: number | undefined;
  cacheScope?: CacheScope | undefined;
}

/** Shape of {@link CompleteResultFields}, for the files that build modern results. */
export const completeResultShape: {
  resultType: z.ZodMiniLiteral<'complete'>;
  _meta: z.ZodMiniOptional<z.ZodMiniType<ResultMeta>>;
} = {
  resultType: z.literal(ResultType.Complete),
  _meta: z.optional(ResultMetaSchema),
};

/** Shape of {@link CacheHints}, for the files that build cacheable results. */
export const cacheHintsShape: {
  ttlMs: z.ZodMiniOptional<z.ZodMiniNumberFormat>;
  cacheScope: z.ZodMiniOptional<z.ZodMiniType<CacheScope>>;
} = {
  ttlMs: z.optional(z.int().check(z.gte(0))),
  cacheScope: z.optional(CacheScopeSchema),
};
