/** Prompts: the `Prompt` descriptor, `prompts/list` and `prompts/get`, legacy and modern results. */
import * as z from 'zod';
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
export const PromptArgumentSchema: z.ZodType<PromptArgument> = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  required: z.boolean().optional(),
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
export const PromptSchema: z.ZodType<Prompt> = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  arguments: z.array(PromptArgumentSchema).optional(),
  icons: z.array(IconSchema).optional(),
  _meta: MetaSchema.optional(),
});

/** One message of a prompt. */
export interface PromptMessage {
  role: Role;
  content: ContentBlock;
}

/** Schema of {@link PromptMessage}. */
export const PromptMessageSchema: z.ZodType<PromptMessage> = z.looseObject({
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
  nextCursor: CursorSchema.optional(),
  _meta: ResultMetaSchema.optional(),
};
const getPromptShape = {
  description: z.string().optional(),
  messages: z.array(PromptMessageSchema),
  _meta: ResultMetaSchema.optional(),
};

/** Schema of {@link ListPromptsResult}. */
export const ListPromptsResultSchema: z.ZodType<ListPromptsResult> = z.looseObject(listPromptsShape);

/** Schema of {@link ModernListPromptsResult}. */
export const ModernListPromptsResultSchema: z.ZodType<ModernListPromptsResult> = z.looseObject({
  ...listPromptsShape,
  ...completeResultShape,
  ...cacheHintsShape,
});

const getPromptParamsShape = {
  name: z.string(),
  arguments: z.record(z.string(), z.string()).optional(),
};

/** Schema of {@link GetPromptRequestParams}. */
export const GetPromptRequestParamsSchema: z.ZodType<GetPromptRequestParams> = z.looseObject({
  ...getPromptParamsShape,
  _meta: RequestMetaSchema.optional(),
});

/** Schema of {@link ModernGetPromptRequestParams}. */
export const ModernGetPromptRequestParamsSchema: z.ZodType<ModernGetPromptRequestParams> = z.looseObject({
  ...getPromptParamsShape,
  ...mrtrRetryShape,
  _meta: ModernRequestMetaSchema,
});

/** Schema of {@link GetPromptResult}. */
export const GetPromptResultSchema: z.ZodType<GetPromptResult> = z.looseObject(getPromptShape);

/** Schema of {@link ModernGetPromptResult}. */
export const ModernGetPromptResultSchema: z.ZodType<ModernGetPromptResult> = z.looseObject({
  ...getPromptShape,
  ...completeResultShape,
});
