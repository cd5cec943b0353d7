/** Resources: templates, `resources/list`, `resources/templates/list`, `resources/read`, subscriptions. */
import * as z from 'zod/mini';
import {
  type Annotations,
  AnnotationsSchema,
  CursorSchema,
  type Icon,
  IconSchema,
  type Meta,
  MetaSchema,
  type NotificationMeta,
  NotificationMetaSchema,
  type RequestMeta,
  RequestMetaSchema,
  type ResultMeta,
  ResultMetaSchema,
} from './base.js';
import { type Resource, type ResourceContents, ResourceContentsSchema, ResourceSchema } from './content.js';
import {
  type CacheHints,
  type CompleteResultFields,
  cacheHintsShape,
  completeResultShape,
  type ModernRequestMeta,
  ModernRequestMetaSchema,
} from './modern.js';
import { type MrtrRetryFields, mrtrRetryShape } from './mrtr.js';

/** A family of resources, addressed by an RFC 6570 URI template. */
export interface ResourceTemplate {
  uriTemplate: string;
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  mimeType?: string | undefined;
  annotations?: Annotations | undefined;
  icons?: Icon[] | undefined;
  _meta?: Meta | undefined;
}

/** Schema of {@link ResourceTemplate}. */
export const ResourceTemplateSchema: z.ZodMiniType<ResourceTemplate> = z.looseObject({
  uriTemplate: z.string(),
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  mimeType: z.optional(z.string()),
  annotations: z.optional(AnnotationsSchema),
  icons: z.optional(z.array(IconSchema)),
  _meta: z.optional(MetaSchema),
});

/** The result of `resources/list` (legacy era). */
export interface ListResourcesResult {
  resources: Resource[];
  nextCursor?: string | undefined;
  _meta?: ResultMeta | undefined;
}

/** The result of `resources/list` in the modern era: complete and cacheable. */
export interface ModernListResourcesResult extends ListResourcesResult, CompleteResultFields, CacheHints {}

/** The result of `resources/templates/list` (legacy era). */
export interface ListResourceTemplatesResult {
  resourceTemplates: ResourceTemplate[];
  nextCursor?: string | undefined;
  _meta?: ResultMeta | undefined;
}

/** The result of `resources/templates/list` in the modern era: complete and cacheable. */
export interface ModernListResourceTemplatesResult
  extends ListResourceTemplatesResult,
    CompleteResultFields,
    CacheHints {}

/** Params of `resources/read` (legacy era), and of `resources/subscribe` and `resources/unsubscribe`. */
export interface ResourceRequestParams {
  uri: string;
  _meta?: RequestMeta | undefined;
}

/** Params of `resources/read` in the modern era; a retry after `input_required` carries the inputs. */
export interface ModernReadResourceRequestParams extends MrtrRetryFields {
  uri: string;
  _meta: ModernRequestMeta;
}

/** The result of `resources/read` (legacy era). */
export interface ReadResourceResult {
  contents: ResourceContents[];
  _meta?: ResultMeta | undefined;
}

/** The complete result of `resources/read` in the modern era: cacheable. */
export interface ModernReadResourceResult extends ReadResourceResult, CompleteResultFields, CacheHints {}

/** Params of `notifications/resources/updated`. */
export interface ResourceUpdatedNotificationParams {
  uri: string;
  _meta?: NotificationMeta | undefined;
}

const listResourcesShape = {
  resources: z.array(ResourceSchema),
  nextCursor: z.optional(CursorSchema),
  _meta: z.optional(ResultMetaSchema),
};
const listTemplatesShape = {
  resourceTemplates: z.array(ResourceTemplateSchema),
  nextCursor: z.optional(CursorSchema),
  _meta: z.optional(ResultMetaSchema),
};
const readResourceShape = {
  contents: z.array(ResourceContentsSchema),
  _meta: z.optional(ResultMetaSchema),
};

/** Schema of {@link ListResourcesResult}. */
export const ListResourcesResultSchema: z.ZodMiniType<ListResourcesResult> =
  z.looseObject(listResourcesShape);

/** Schema of {@link ModernListResourcesResult}. */
export const ModernListResourcesResultSchema: z.ZodMiniType<ModernListResourcesResult> = z.looseObject({
  ...listResourcesShape,
  ...completeResultShape,
  ...cacheHintsShape,
});

/** Schema of {@link ListResourceTemplatesResult}. */
export const ListResourceTemplatesResultSchema: z.ZodMiniType<ListResourceTemplatesResult> =
  z.looseObject(listTemplatesShape);

/** Schema of {@link ModernListResourceTemplatesResult}. */
export const ModernListResourceTemplatesResultSchema: z.ZodMiniType<ModernListResourceTemplatesResult> =
  z.looseObject({ ...listTemplatesShape, ...completeResultShape, ...cacheHintsShape });

/** Schema of {@link ResourceRequestParams}. */
export const ResourceRequestParamsSchema: z.ZodMiniType<ResourceRequestParams> = z.looseObject({
  uri: z.string(),
  _meta: z.optional(RequestMetaSchema),
});

/** Schema of {@link ModernReadResourceRequestParams}. */
export const ModernReadResourceRequestParamsSchema: z.ZodMiniType<ModernReadResourceRequestParams> =
  z.looseObject({ uri: z.string(), ...mrtrRetryShape, _meta: ModernRequestMetaSchema });

/** Schema of {@link ReadResourceResult}. */
export const ReadResourceResultSchema: z.ZodMiniType<ReadResourceResult> = z.looseObject(readResourceShape);

/** Schema of {@link ModernReadResourceResult}. */
export const ModernReadResourceResultSchema: z.ZodMiniType<ModernReadResourceResult> = z.looseObject({
  ...readResourceShape,
  ...completeResultShape,
  ...cacheHintsShape,
});

/** Schema of {@link ResourceUpdatedNotificationParams}. */
export const ResourceUpdatedNotificationParamsSchema: z.ZodMiniType<ResourceUpdatedNotificationParams> =
  z.looseObject({ uri: z.string(), _meta: z.optional(NotificationMetaSchema) });
