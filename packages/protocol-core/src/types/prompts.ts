/** Prompts: the `Prompt` descriptor, `prompts/list` and `prompts/get`, legacy and modern results. */
import * as z from 'zod/mini';
import {
  CursorSchema,
  type Icon,
  IconSchema,
  type Meta,
  MetaSchema,
  type RequestMeta,
  RequestMetaSchema,
  type ResultMeta,
  ResultMetaSchema,
  type Role,
  RoleSchema,
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

/** An argument a prompt accepts. */
export interface PromptArgument {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  required?: boolean | undefined;
}

/** Schema of {@link PromptArgument}. */
export const PromptArgumentSchema: z.ZodMiniType<PromptArgument> = z.looseObject({
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  required: z.optional(z.boolean()),
});

/** A prompt or prompt template the server offers. */
export interface Prompt {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  arguments?: PromptArgument[] | undefined;
  icons?: Icon[] | undefined;
  _meta?: Meta | undefined;
}

/** Schema of {@link Prompt}. */
export const PromptSchema: z.ZodMiniType<Prompt> = z.looseObject({
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  arguments: z.optional(z.array(PromptArgumentSchema)),
  icons: z.optional(z.array(IconSchema)),
  _meta: z.optional(MetaSchema),
});

/** One message of a prompt. */
export interface PromptMessage {
  role: Role;
  content: ContentBlock;
}

/** Schema of {@link PromptMessage}. */
export const PromptMessageSchema: z.ZodMiniType<PromptMessage> = z.looseObject({
  role: RoleSchema,
  content: ContentBlockSchema,
});

/** The result of `prompts/list` (legacy era). */
export interface ListPromptsResult {
  prompts: Prompt[];
  nextCursor?: string | undefined;
  _meta?: ResultMeta | undefined;
}

/** The result of `prompts/list` in the modern era: complete and cacheable. */
export interface ModernListPromptsResult extends ListPromptsResult, CompleteResultFields, CacheHints {}

/** Params of `prompts/get` (legacy era). */
export interface GetPromptRequestParams {
  name: string;
  /** Argument values; prompt arguments are strings. */
  arguments?: { [name: string]: string } | undefined;
  _meta?: RequestMeta | undefined;
}

/** Params of `prompts/get` in the modern era; a retry after `input_required` carries the inputs. */
export interface ModernGetPromptRequestParams extends Omit<GetPromptRequestParams, '_meta'>, MrtrRetryFields {
  _meta: ModernRequestMeta;
}

/** The result of `prompts/get` (legacy era). */
export interface GetPromptResult {
  description?: string | undefined;
  messages: PromptMessage[];
  _meta?: ResultMeta | undefined;
}

/** The complete result of `prompts/get` in the modern era. */
export interface ModernGetPromptResult extends GetPromptResult, CompleteResultFields {}

const listPromptsShape = {
  prompts: z.array(PromptSchema),
  nextCursor: z.optional(CursorSchema),
  _meta: z.optional(ResultMetaSchema),
};
const getPromptShape = {
  description: z.optional(z.string()),
  messages: z.array(PromptMessageSchema),
  _meta: z.optional(ResultMetaSchema),
};

/** Schema of {@link ListPromptsResult}. */
export const ListPromptsResultSchema: z.ZodMiniType<ListPromptsResult> = z.looseObject(listPromptsShape);

/** Schema of {@link ModernListPromptsResult}. */
export const ModernListPromptsResultSchema: z.ZodMiniType<ModernListPromptsResult> = z.looseObject({
  ...listPromptsShape,
  ...completeResultShape,
  ...cacheHintsShape,
});

const getPromptParamsShape = {
  name: z.string(),
  arguments: z.optional(z.record(z.string(), z.string())),
};

/** Schema of {@link GetPromptRequestParams}. */
export const GetPromptRequestParamsSchema: z.ZodMiniType<GetPromptRequestParams> = z.looseObject({
  ...getPromptParamsShape,
  _meta: z.optional(RequestMetaSchema),
});

/** Schema of {@link ModernGetPromptRequestParams}. */
export const ModernGetPromptRequestParamsSchema: z.ZodMiniType<ModernGetPromptRequestParams> = z.looseObject({
  ...getPromptParamsShape,
  ...mrtrRetryShape,
  _meta: ModernRequestMetaSchema,
});

/** Schema of {@link GetPromptResult}. */
export const GetPromptResultSchema: z.ZodMiniType<GetPromptResult> = z.looseObject(getPromptShape);

/** Schema of {@link ModernGetPromptResult}. */
export const ModernGetPromptResultSchema: z.ZodMiniType<ModernGetPromptResult> = z.looseObject({
  ...getPromptShape,
  ...completeResultShape,
});
