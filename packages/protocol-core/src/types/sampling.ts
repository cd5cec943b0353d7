/**
 * Sampling: `sampling/createMessage`, the server asking the client's model for a completion. Legacy
 * servers send it as a request; modern servers put it in an `InputRequiredResult`.
 */
import * as z from 'zod/mini';
import {
  type JSONObject,
  JSONObjectSchema,
  type Meta,
  MetaSchema,
  type RequestMeta,
  RequestMetaSchema,
  type ResultMeta,
  ResultMetaSchema,
  type Role,
  RoleSchema,
} from './base.js';
import { type SamplingContent, SamplingContentSchema } from './content.js';
import { type TaskMetadata, TaskMetadataSchema } from './tasks.js';
import { type Tool, ToolSchema } from './tool-definition.js';

/** A model name hint; clients may map it to a model of their own. */
export interface ModelHint {
  name?: string | undefined;
}

/** Schema of {@link ModelHint}. */
export const ModelHintSchema: z.ZodMiniType<ModelHint> = z.looseObject({ name: z.optional(z.string()) });

const priority = z.optional(z.number().check(z.gte(0)).check(z.lte(1)));

/** The server's model preferences; priorities run from 0 to 1. */
export interface ModelPreferences {
  hints?: ModelHint[] | undefined;
  costPriority?: number | undefined;
  speedPriority?: number | undefined;
  intelligencePriority?: number | undefined;
}

/** Schema of {@link ModelPreferences}. */
export const ModelPreferencesSchema: z.ZodMiniType<ModelPreferences> = z.looseObject({
  hints: z.optional(z.array(ModelHintSchema)),
  costPriority: priority,
  speedPriority: priority,
  intelligencePriority: priority,
});

/** How the model may use the offered tools (2025-11-25 and later). */
export interface ToolChoice {
  mode?: 'auto' | 'required' | 'none' | undefined;
}

/** Schema of {@link ToolChoice}. */
export const ToolChoiceSchema: z.ZodMiniType<ToolChoice> = z.looseObject({
  mode: z.optional(z.enum(['auto', 'required', 'none'])),
});

/**
 * The content of a sampling message or result: one block, or (2025-11-25 and later) several. Tool
 * use and tool result blocks appear from 2025-11-25; one schema accepts every revision's form.
 */
export type SamplingMessageContent = SamplingContent | SamplingContent[];

const samplingMessageContent = z.union([SamplingContentSchema, z.array(SamplingContentSchema)]);

/** One message of a sampling conversation. */
export interface SamplingMessage {
  role: Role;
  content: SamplingMessageContent;
  _meta?: Meta | undefined;
}

/** Schema of {@link SamplingMessage}. */
export const SamplingMessageSchema: z.ZodMiniType<SamplingMessage> = z.looseObject({
  role: RoleSchema,
  content: samplingMessageContent,
  _meta: z.optional(MetaSchema),
});

/** Params of `sampling/createMessage`. */
export interface CreateMessageRequestParams {
  messages: SamplingMessage[];
  maxTokens: number;
  systemPrompt?: string | undefined;
  /** Which servers' context to include (soft-deprecated from 2025-11-25). */
  includeContext?: 'none' | 'thisServer' | 'allServers' | undefined;
  temperature?: number | undefined;
  stopSequences?: string[] | undefined;
  /** Provider-specific metadata, passed through. */
  metadata?: JSONObject | undefined;
  modelPreferences?: ModelPreferences | undefined;
  /** Tools the model may use (2025-11-25 and later; needs the client's `sampling.tools`). */
  tools?: Tool[] | undefined;
  toolChoice?: ToolChoice | undefined;
  /** Asks for a task instead of a result (2025-11-25). */
  task?: TaskMetadata | undefined;
  _meta?: RequestMeta | undefined;
}

/** Schema of {@link CreateMessageRequestParams}. */
export const CreateMessageRequestParamsSchema: z.ZodMiniType<CreateMessageRequestParams> = z.looseObject({
  messages: z.array(SamplingMessageSchema),
  maxTokens: z.int(),
  systemPrompt: z.optional(z.string()),
  includeContext: z.optional(z.enum(['none', 'thisServer', 'allServers'])),
  temperature: z.optional(z.number()),
  stopSequences: z.optional(z.array(z.string())),
  metadata: z.optional(JSONObjectSchema),
  modelPreferences: z.optional(ModelPreferencesSchema),
  tools: z.optional(z.array(ToolSchema)),
  toolChoice: z.optional(ToolChoiceSchema),
  task: z.optional(TaskMetadataSchema),
  _meta: z.optional(RequestMetaSchema),
});

/** The client's answer to `sampling/createMessage`. */
export interface CreateMessageResult {
  role: Role;
  content: SamplingMessageContent;
  /** The model that produced the message. */
  model: string;
  /** Why sampling stopped: `endTurn`, `stopSequence`, `maxTokens`, `toolUse`, or another string. */
  stopReason?: string | undefined;
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link CreateMessageResult}. */
export const CreateMessageResultSchema: z.ZodMiniType<CreateMessageResult> = z.looseObject({
  role: RoleSchema,
  content: samplingMessageContent,
  model: z.string(),
  stopReason: z.optional(z.string()),
  _meta: z.optional(ResultMetaSchema),
});
