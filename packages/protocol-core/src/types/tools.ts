/** The `tools/list` and `tools/call` messages, legacy and modern; the `Tool` definition is in tool-definition.ts. */
import * as z from 'zod/mini';
import {
  CursorSchema,
  JSONObjectSchema,
  type RequestMeta,
  RequestMetaSchema,
  type ResultMeta,
  ResultMetaSchema,
} from './base.js';
import { type ContentBlock, ContentBlockSchema } from './content.js';
import {
  type CacheHints,
  type CompleteResultFields,
  cacheHintsShape,
  completeResultShape,
  type ModernRequestMeta,
  ModernRequestMetaSchema,
} from './modern.js';
import { type MrtrRetryFields, mrtrRetryShape } from './mrtr.js';
import { type TaskMetadata, TaskMetadataSchema } from './tasks.js';
import { type Tool, ToolSchema } from './tool-definition.js';

/** The result of `tools/list` (legacy era). */
export interface ListToolsResult {
  tools: Tool[];
  nextCursor?: string | undefined;
  _meta?: ResultMeta | undefined;
}

/** The result of `tools/list` in the modern era: complete and cacheable. */
export interface ModernListToolsResult extends ListToolsResult, CompleteResultFields, CacheHints {}

const listToolsShape = {
  tools: z.array(ToolSchema),
  nextCursor: z.optional(CursorSchema),
  _meta: z.optional(ResultMetaSchema),
};

/** Schema of {@link ListToolsResult}. */
export const ListToolsResultSchema: z.ZodMiniType<ListToolsResult> = z.looseObject(listToolsShape);

/** Schema of {@link ModernListToolsResult}. */
export const ModernListToolsResultSchema: z.ZodMiniType<ModernListToolsResult> = z.looseObject({
  ...listToolsShape,
  ...completeResultShape,
  ...cacheHintsShape,
});

/** Params of `tools/call` (legacy era; `task` from 2025-11-25). */
export interface CallToolRequestParams {
  name: string;
  arguments?: { [key: string]: unknown } | undefined;
  /** Asks for a task instead of a result (2025-11-25). */
  task?: TaskMetadata | undefined;
  _meta?: RequestMeta | undefined;
}

/** Params of `tools/call` in the modern era; a retry after `input_required` carries the inputs. */
export interface ModernCallToolRequestParams extends MrtrRetryFields {
  name: string;
  arguments?: { [key: string]: unknown } | undefined;
  _meta: ModernRequestMeta;
}

const callToolParamsShape = {
  name: z.string(),
  arguments: z.optional(JSONObjectSchema),
};

/** Schema of {@link CallToolRequestParams}. */
export const CallToolRequestParamsSchema: z.ZodMiniType<CallToolRequestParams> = z.looseObject({
  ...callToolParamsShape,
  task: z.optional(TaskMetadataSchema),
  _meta: z.optional(RequestMetaSchema),
});

/** Schema of {@link ModernCallToolRequestParams}. */
export const ModernCallToolRequestParamsSchema: z.ZodMiniType<ModernCallToolRequestParams> = z.looseObject({
  ...callToolParamsShape,
  ...mrtrRetryShape,
  _meta: ModernRequestMetaSchema,
});

/** The result of `tools/call` (legacy era). `structuredContent` (2025-06-18+) is an object. */
export interface CallToolResult {
  content: ContentBlock[];
  structuredContent?: { [key: string]: unknown } | undefined;
  /** True when the tool failed; the content then describes the failure to the model. */
  isError?: boolean | undefined;
  _meta?: ResultMeta | undefined;
}

/** The complete result of `tools/call` in the modern era; `structuredContent` may be any JSON value. */
export interface ModernCallToolResult
  extends Omit<CallToolResult, 'structuredContent'>,
    CompleteResultFields {
  structuredContent?: unknown;
}

const callToolResultShape = {
  content: z.array(ContentBlockSchema),
  structuredContent: z.optional(JSONObjectSchema),
  isError: z.optional(z.boolean()),
  _meta: z.optional(ResultMetaSchema),
};

/** Schema of {@link CallToolResult}. */
export const CallToolResultSchema: z.ZodMiniType<CallToolResult> = z.looseObject(callToolResultShape);

/** Schema of {@link ModernCallToolResult}. */
export const ModernCallToolResultSchema: z.ZodMiniType<ModernCallToolResult> = z.looseObject({
  ...callToolResultShape,
  ...completeResultShape,
  structuredContent: z.optional(z.unknown()),
});
