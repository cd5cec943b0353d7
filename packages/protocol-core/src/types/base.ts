/**
 * Shared building blocks of the MCP wire types: ids, `_meta` objects, annotations, icons and
 * implementation info.
 *
 * How every file in `types/` is written (so that it compiles under `isolatedDeclarations` and tsup's
 * declaration build): each wire type is an interface written by hand, and its zod schema is exported
 * as `z.ZodMiniType<ThatInterface>`. The compiler then checks that whatever the schema accepts is
 * assignable to the interface, and declaration emit needs no inference. Object schemas are
 * `z.looseObject`: unknown keys pass through, because MCP allows extension fields and `_meta`
 * everywhere. Shapes that one file composes into several schemas (a legacy and a modern variant)
 * stay in that file's non-exported consts; the few shapes shared across files are exported with
 * an explicit type.
 */
import * as z from 'zod/mini';
import { config } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

// zod/mini loads no locale (classic zod registers English on first use), and without one every issue
// reads "Invalid input". English, unless the application already chose a locale.
if (config().localeError === undefined) config(en());
import type { ProgressToken, RequestId } from '../jsonrpc.js';

/** A JSON object whose members are not described further: `_meta`, capability payloads, JSON Schemas. */
export type JSONObject = { [key: string]: unknown };

/** A JSON-RPC request id: a string or a (safe) integer. */
export const RequestIdSchema: z.ZodMiniType<RequestId> = z.union([z.string(), z.int()]);

/** A progress token: a string or a (safe) integer. */
export const ProgressTokenSchema: z.ZodMiniType<ProgressToken> = z.union([z.string(), z.int()]);

/** An opaque pagination cursor. */
export type Cursor = string;

/** Schema of {@link Cursor}. */
export const CursorSchema: z.ZodMiniType<Cursor> = z.string();

/**
 * Any JSON object. A hand-written check rather than `z.record(z.string(), z.unknown())`: JSON keys are
 * always strings, so the record adds nothing but a key-by-key copy, and tool arguments and structured
 * content (checked on every `tools/call`) are such objects. The value passes through uncopied.
 */
export const JSONObjectSchema: z.ZodMiniType<JSONObject> = z.custom<JSONObject>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'expected object' },
);

/** A free-form `_meta` object (content blocks, resources, tools...). */
export type Meta = JSONObject;

/** Schema of {@link Meta}. */
export const MetaSchema: z.ZodMiniType<Meta> = JSONObjectSchema;

/** The `_meta` of a legacy-era request: free-form, with the reserved `progressToken`. */
export interface RequestMeta {
  [key: string]: unknown;
  /** Asks the receiver for `notifications/progress` about this request. */
  progressToken?: ProgressToken | undefined;
}

/** Schema of {@link RequestMeta}. */
export const RequestMetaSchema: z.ZodMiniType<RequestMeta> = z.looseObject({
  progressToken: z.optional(ProgressTokenSchema),
});

/** The `_meta` of a notification; modern notifications on a subscription carry its id. */
export interface NotificationMeta {
  [key: string]: unknown;
  'io.modelcontextprotocol/subscriptionId'?: RequestId | undefined;
}

/** Schema of {@link NotificationMeta}. */
export const NotificationMetaSchema: z.ZodMiniType<NotificationMeta> = z.looseObject({
  'io.modelcontextprotocol/subscriptionId': z.optional(RequestIdSchema),
});

/** The sender of a message or the audience of content. */
export type Role = 'user' | 'assistant';

/** Schema of {@link Role}. */
export const RoleSchema: z.ZodMiniType<Role> = z.enum(['user', 'assistant']);

/** Hints about how a client should use or show an object. */
export interface Annotations {
  audience?: Role[] | undefined;
  /** 0 (least important) to 1 (most important). */
  priority?: number | undefined;
  /** ISO 8601 time of the last change (2025-06-18 and later). */
  lastModified?: string | undefined;
}

/** Schema of {@link Annotations}. */
export const AnnotationsSchema: z.ZodMiniType<Annotations> = z.looseObject({
  audience: z.optional(z.array(RoleSchema)),
  priority: z.optional(z.number().check(z.gte(0)).check(z.lte(1))),
  lastModified: z.optional(z.string()),
});

/** An icon for an implementation, tool, prompt or resource (2025-11-25 and later). */
export interface Icon {
  /** An `https:` or `data:` URI. Not checked here: clients decide which schemes they fetch. */
  src: string;
  mimeType?: string | undefined;
  /** Sizes such as `"48x48"` or `"any"`. */
  sizes?: string[] | undefined;
  theme?: 'light' | 'dark' | undefined;
}

/** Schema of {@link Icon}. */
export const IconSchema: z.ZodMiniType<Icon> = z.looseObject({
  src: z.string(),
  mimeType: z.optional(z.string()),
  sizes: z.optional(z.array(z.string())),
  theme: z.optional(z.enum(['light', 'dark'])),
});

/** The name and version of a client or server (`clientInfo`, `serverInfo`). */
export interface Implementation {
  name: string;
  version: string;
  title?: string | undefined;
  description?: string | undefined;
  icons?: Icon[] | undefined;
  websiteUrl?: string | undefined;
}

/** Schema of {@link Implementation}. */
export const ImplementationSchema: z.ZodMiniType<Implementation> = z.looseObject({
  name: z.string(),
  version: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  icons: z.optional(z.array(IconSchema)),
  websiteUrl: z.optional(z.string()),
});

/** The `_meta` of a result; modern servers identify themselves in it. */
export interface ResultMeta {
  [key: string]: unknown;
  'io.modelcontextprotocol/serverInfo'?: Implementation | undefined;
}

/** Schema of {@link ResultMeta}. */
export const ResultMetaSchema: z.ZodMiniType<ResultMeta> = z.looseObject({
  'io.modelcontextprotocol/serverInfo': z.optional(ImplementationSchema),
});

/** Params of a legacy request that takes nothing but `_meta` (`ping`, `roots/list`). */
export interface RequestParams {
  _meta?: RequestMeta | undefined;
}

/** Schema of {@link RequestParams}. */
export const RequestParamsSchema: z.ZodMiniType<RequestParams> = z.looseObject({
  _meta: z.optional(RequestMetaSchema),
});

/** Params of a notification that carries nothing but `_meta` (the `list_changed` family). */
export interface NotificationParams {
  _meta?: NotificationMeta | undefined;
}

/** Schema of {@link NotificationParams}. */
export const NotificationParamsSchema: z.ZodMiniType<NotificationParams> = z.looseObject({
  _meta: z.optional(NotificationMetaSchema),
});

/** Params of a legacy paginated list request. */
export interface PaginatedRequestParams extends RequestParams {
  cursor?: Cursor | undefined;
}

/** Schema of {@link PaginatedRequestParams}. */
export const PaginatedRequestParamsSchema: z.ZodMiniType<PaginatedRequestParams> = z.looseObject({
  cursor: z.optional(CursorSchema),
  _meta: z.optional(RequestMetaSchema),
});

/** A result with no members of its own (`ping`, `logging/setLevel`, `resources/subscribe`). */
export interface EmptyResult {
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link EmptyResult}. */
export const EmptyResultSchema: z.ZodMiniType<EmptyResult> = z.looseObject({
  _meta: z.optional(ResultMetaSchema),
});
