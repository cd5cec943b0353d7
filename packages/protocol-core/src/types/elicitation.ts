/**
 * Elicitation: `elicitation/create` (2025-06-18 and later), the server asking the user for input
 * through the client, in a form or (2025-11-25 and later) at a URL.
 */
import * as z from 'zod/mini';
import {
  type NotificationMeta,
  NotificationMetaSchema,
  type RequestMeta,
  RequestMetaSchema,
  type ResultMeta,
  ResultMetaSchema,
} from './base.js';
import { type PrimitiveSchemaDefinition, PrimitiveSchemaDefinitionSchema } from './elicitation-schema.js';
import { type TaskMetadata, TaskMetadataSchema } from './tasks.js';

/** The form an elicitation asks the user to fill in: a flat object of primitive fields. */
export interface ElicitationRequestedSchema {
  $schema?: string | undefined;
  type: 'object';
  properties: { [name: string]: PrimitiveSchemaDefinition };
  required?: string[] | undefined;
}

/** Params of a form-mode elicitation; `mode` may be omitted (it was absent before 2025-11-25). */
export interface ElicitRequestFormParams {
  mode?: 'form' | undefined;
  /** What to ask the user. */
  message: string;
  requestedSchema: ElicitationRequestedSchema;
  /** Asks for a task instead of a result (2025-11-25). */
  task?: TaskMetadata | undefined;
  _meta?: RequestMeta | undefined;
}

/**
 * Params of a URL-mode elicitation: the user completes it out of band. `elicitationId` is required
 * in 2025-11-25 (it ties `notifications/elicitation/complete` to the request) and absent in 2026-07-28.
 */
export interface ElicitRequestURLParams {
  mode: 'url';
  message: string;
  url: string;
  elicitationId?: string | undefined;
  task?: TaskMetadata | undefined;
  _meta?: RequestMeta | undefined;
}

/** Params of `elicitation/create`: a form or a URL. */
export type ElicitRequestParams = ElicitRequestFormParams | ElicitRequestURLParams;

const formParams = z.looseObject({
  mode: z.optional(z.literal('form')),
  message: z.string(),
  requestedSchema: z.looseObject({
    $schema: z.optional(z.string()),
    type: z.literal('object'),
    properties: z.record(z.string(), PrimitiveSchemaDefinitionSchema),
    required: z.optional(z.array(z.string())),
  }),
  task: z.optional(TaskMetadataSchema),
  _meta: z.optional(RequestMetaSchema),
});
const urlShape = {
  mode: z.literal('url'),
  message: z.string(),
  url: z.string(),
  elicitationId: z.optional(z.string()),
  task: z.optional(TaskMetadataSchema),
  _meta: z.optional(RequestMetaSchema),
};
const urlParams = z.looseObject(urlShape);
const legacyUrlParams = z.looseObject({ ...urlShape, elicitationId: z.string() });

/** Schema of {@link ElicitRequestFormParams}. */
export const ElicitRequestFormParamsSchema: z.ZodMiniType<ElicitRequestFormParams> = formParams;

/** Schema of {@link ElicitRequestURLParams} (`elicitationId` optional: accepts both eras' forms). */
export const ElicitRequestURLParamsSchema: z.ZodMiniType<ElicitRequestURLParams> = urlParams;

/** URL-mode params as 2025-11-25 has them: `elicitationId` required. */
export const LegacyElicitRequestURLParamsSchema: z.ZodMiniType<
  ElicitRequestURLParams & { elicitationId: string }
> = legacyUrlParams;

/** Schema of {@link ElicitRequestParams}, discriminated by `mode` (absent means form). */
export const ElicitRequestParamsSchema: z.ZodMiniType<ElicitRequestParams> = z.discriminatedUnion('mode', [
  formParams,
  urlParams,
]);

/** `elicitation/create` params as 2025-11-25 has them: a form, or a URL with an `elicitationId`. */
export const LegacyElicitRequestParamsSchema: z.ZodMiniType<ElicitRequestParams> = z.discriminatedUnion(
  'mode',
  [formParams, legacyUrlParams],
);

/** A submitted form value: a string, number, boolean, or (multi-select) a list of strings. */
export type ElicitValue = string | number | boolean | string[];

/** The client's answer to `elicitation/create`. */
export interface ElicitResult {
  action: 'accept' | 'decline' | 'cancel';
  /** The form's values; only with `accept` in form mode. */
  content?: { [name: string]: ElicitValue } | undefined;
  _meta?: ResultMeta | undefined;
}

/**
 * Schema of {@link ElicitResult}. The official schema says `integer` for numbers, but a form field
 * may be `type: "number"`, so any finite number is accepted.
 */
export const ElicitResultSchema: z.ZodMiniType<ElicitResult> = z.looseObject({
  action: z.enum(['accept', 'decline', 'cancel']),
  content: z.optional(
    z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
  ),
  _meta: z.optional(ResultMetaSchema),
});

/** Params of `notifications/elicitation/complete` (2025-11-25): a URL-mode elicitation finished. */
export interface ElicitationCompleteNotificationParams {
  elicitationId: string;
  _meta?: NotificationMeta | undefined;
}

/** Schema of {@link ElicitationCompleteNotificationParams}. */
export const ElicitationCompleteNotificationParamsSchema: z.ZodMiniType<ElicitationCompleteNotificationParams> =
  z.looseObject({ elicitationId: z.string(), _meta: z.optional(NotificationMetaSchema) });
