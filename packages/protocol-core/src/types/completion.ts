/** Argument completion: `completion/complete` and the references it completes for. */
import * as z from 'zod/mini';
import { type RequestMeta, RequestMetaSchema, type ResultMeta, ResultMetaSchema } from './base.js';
import {
  type CompleteResultFields,
  completeResultShape,
  type ModernRequestMeta,
  ModernRequestMetaSchema,
} from './modern.js';

/** The most values one completion result may carry (the spec's "must not exceed 100 items"). */
export const MAX_COMPLETION_VALUES = 100;

/** Completes an argument of a prompt. */
export interface PromptReference {
  type: 'ref/prompt';
  name: string;
  title?: string | undefined;
}

/** Completes a variable of a resource template (named `ResourceReference` before 2025-06-18). */
export interface ResourceTemplateReference {
  type: 'ref/resource';
  /** The URI template. */
  uri: string;
}

const promptReference = z.looseObject({
  type: z.literal('ref/prompt'),
  name: z.string(),
  title: z.optional(z.string()),
});
const resourceTemplateReference = z.looseObject({ type: z.literal('ref/resource'), uri: z.string() });

/** Schema of {@link PromptReference}. */
export const PromptReferenceSchema: z.ZodMiniType<PromptReference> = promptReference;
/** Schema of {@link ResourceTemplateReference}. */
export const ResourceTemplateReferenceSchema: z.ZodMiniType<ResourceTemplateReference> =
  resourceTemplateReference;

/** Params of `completion/complete` (legacy era). */
export interface CompleteRequestParams {
  ref: PromptReference | ResourceTemplateReference;
  argument: { name: string; value: string };
  /** Values of arguments already resolved (2025-06-18 and later). */
  context?: { arguments?: { [name: string]: string } | undefined } | undefined;
  _meta?: RequestMeta | undefined;
}

const completeParamsShape = {
  ref: z.discriminatedUnion('type', [promptReference, resourceTemplateReference]),
  argument: z.looseObject({ name: z.string(), value: z.string() }),
  context: z.optional(z.looseObject({ arguments: z.optional(z.record(z.string(), z.string())) })),
};

/** Schema of {@link CompleteRequestParams}. */
export const CompleteRequestParamsSchema: z.ZodMiniType<CompleteRequestParams> = z.looseObject({
  ...completeParamsShape,
  _meta: z.optional(RequestMetaSchema),
});

/** Params of `completion/complete` in the modern era. */
export interface ModernCompleteRequestParams extends Omit<CompleteRequestParams, '_meta'> {
  _meta: ModernRequestMeta;
}

/** Schema of {@link ModernCompleteRequestParams}. */
export const ModernCompleteRequestParamsSchema: z.ZodMiniType<ModernCompleteRequestParams> = z.looseObject({
  ...completeParamsShape,
  _meta: ModernRequestMetaSchema,
});

/** The result of `completion/complete` (legacy era). */
export interface CompleteResult {
  completion: {
    /** At most {@link MAX_COMPLETION_VALUES} values. */
    values: string[];
    /** How many values exist in all, which may exceed `values.length`. */
    total?: number | undefined;
    hasMore?: boolean | undefined;
  };
  _meta?: ResultMeta | undefined;
}

/** The result of `completion/complete` in the modern era. */
export interface ModernCompleteResult extends CompleteResult, CompleteResultFields {}

const completeResultFields = {
  completion: z.looseObject({
    values: z.array(z.string()).check(z.maxLength(MAX_COMPLETION_VALUES)),
    total: z.optional(z.int()),
    hasMore: z.optional(z.boolean()),
  }),
  _meta: z.optional(ResultMetaSchema),
};

/** Schema of {@link CompleteResult}. */
export const CompleteResultSchema: z.ZodMiniType<CompleteResult> = z.looseObject(completeResultFields);

/** Schema of {@link ModernCompleteResult}. */
export const ModernCompleteResultSchema: z.ZodMiniType<ModernCompleteResult> = z.looseObject({
  ...completeResultFields,
  ...completeResultShape,
});
