/**
 * Shared building blocks of the MCP wire types: ids, `_meta` objects, annotations, icons and
 * implementation info.
 *
 * How every file in `types/` is written (so that it compiles under `isolatedDeclarations` and tsup's
 * declaration build): each wire type is an interface written by hand, and its zod schema is exported
 * as `z.ZodType<ThatInterface>`. The compiler then checks that whatever the schema accepts is
 * assignable to the interface, and declaration emit needs no inference. Object schemas are
 * `z.looseObject`: unknown keys pass through, because MCP allows extension fields and `_meta`
 * everywhere. Shapes that one file composes into several schemas (a legacy and a modern variant)
 * stay in that file's non-exported consts; the few shapes shared across files are exported with
 * an explicit type.
 */
import * as z from 'zod';
import type { ProgressToken, RequestId } from '../jsonrpc.js';

/** A JSON object whose members are not described further: `_meta`, capability payloads, JSON Schemas. */
export type JSONObject = { [key: string]: unknown };

/** A JSON-RPC request id: a string or a (safe) integer. */
export const RequestIdSchema: z.ZodType<RequestId> = z.union([z.string(), z.int()]);

/** A progress token: a string or a (safe) integer. */
export const ProgressTokenSchema: z.ZodType<ProgressToken> = z.union([z.string(), z.int()]);

/** An opaque pagination cursor. */
export type Cursor = string;

/** Schema of {@link Cursor}. */
export const CursorSchema: z.ZodType<Cursor> = z.string();

/**
 * Any JSON object. A hand-written check rather than `z.record(z.string(), z.unknown())`: JSON keys are
 * always strings, so the record adds nothing but a key-by-key copy, and tool arguments and structured
 * content (checked on every `tools/call`) are such objects. The value passes through uncopied.
 */
export const JSONObjectSchema: z.ZodType<JSONObject> = z.custom<JSONObject>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'expected object' },
);

/** A free-form `_meta` object (content blocks, resources, tools...). */
export type Meta = JSONObject;

/** Schema of {@link Meta}. */
export const MetaSchema: z.ZodType<Meta> = JSONObjectSchema;

/** The `_meta` of a legacy-era request: free-form, with the reserved `progressToken`. */
export interface RequestMeta {
  [key: string]: unknown;
  /** Asks the receiver for `notifications/progress` about this request. */
  progressToken?: ProgressToken | undefined;
}

/** Schema of {@link RequestMeta}. */
export const RequestMetaSchema: z.ZodType<RequestMeta> = z.looseObject({
  progressToken: ProgressTokenSchema.optional(),
});

/** The `_meta` of a notification; modern notifications on a subscription carry its id. */
export interface NotificationMeta {
  [key: string]: unknown;
  'io.modelcontextprotocol/subscriptionId'?: RequestId | undefined;
}

/** Schema of {@link NotificationMeta}. */
export const NotificationMetaSchema: z.ZodType<NotificationMeta> = z.looseObject({
  'io.modelcontextprotocol/subscriptionId': RequestIdSchema.optional(),
});

/** The sender of a message or the audience of content. */
export type Role = 'user' | 'assistant';

/** Schema of {@link Role}. */
export const RoleSchema: z.ZodType<Role> = z.enum(['user', 'assistant']);

/** Hints about how a client should use or show an object. */
export interface Annotations {
  audience?: Role[] | undefined;
  /** 0 (least important) to 1 (most important). */
  priority?: number | undefined;
  /** ISO 8601 time of the last change (2025-06-18 and later). */
  lastModified?: string | undefined;
}

/** Schema of {@link Annotations}. */
export const AnnotationsSchema: z.ZodType<Annotations> = z.looseObject({
  audience: z.array(RoleSchema).optional(),
  priority: z.number().min(0).max(1).optional(),
  lastModified: z.string().optional(),
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
export const IconSchema: z.ZodType<Icon> = z.looseObject({
  src: z.string(),
  mimeType: z.string().optional(),
  sizes: z.array(z.string()).optional(),
  theme: z.enum(['light', 'dark']).optional(),
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
export const ImplementationSchema: z.ZodType<Implementation> = z.looseObject({
  name: z.string(),
  version: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  icons: z.array(IconSchema).optional(),
  websiteUrl: z.string().optional(),
});

/** The `_meta` of a result; modern servers identify themselves in it. */
export interface ResultMeta {
  [key: string]: unknown;
  'io.modelcontextprotocol/serverInfo'?: Implementation | undefined;
}

/** Schema of {@link ResultMeta}. */
export const ResultMetaSchema: z.ZodType<ResultMeta> = z.looseObject({
  'io.modelcontextprotocol/serverInfo': ImplementationSchema.optional(),
});

/** Params of a legacy request that takes nothing but `_meta` (`ping`, `roots/list`). */
export interface RequestParams {
  _meta?: RequestMeta | undefined;
}

/** Schema of {@link RequestParams}. */
export const RequestParamsSchema: z.ZodType<RequestParams> = z.looseObject({
  _meta: RequestMetaSchema.optional(),
});

/** Params of a notification that carries nothing but `_meta` (the `list_changed` family). */
export interface NotificationParams {
  _meta?: NotificationMeta | undefined;
}

/** Schema of {@link NotificationParams}. */
export const NotificationParamsSchema: z.ZodType<NotificationParams> = z.looseObject({
  _meta: NotificationMetaSchema.optional(),
});

/** Params of a legacy paginated list request. */
export interface PaginatedRequestParams extends RequestParams {
  cursor?: Cursor | undefined;
}

/** Schema of {@link PaginatedRequestParams}. */
export const PaginatedRequestParamsSchema: z.ZodType<PaginatedRequestParams> = z.looseObject({
  cursor: CursorSchema.optional(),
  _meta: RequestMetaSchema.optional(),
});

/** A result with no members of its own (`ping`, `logging/setLevel`, `resources/subscribe`). */
export interface EmptyResult {
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link EmptyResult}. */
export const EmptyResultSchema: z.ZodType<EmptyResult> = z.looseObject({
  _meta: ResultMetaSchema.optional(),
});
