/**
 * `@mcpwire/protocol-core/schemas`: runtime validation of MCP messages. The zod schema of every wire
 * type, the method registry that picks the schema of a method in a revision (`parseParams`,
 * `parseResult`), and the JSON Schema validator that tools and elicitation forms use. The TypeScript
 * types of the same messages come from the package root, free at run time.
 * @example
 * import { parseResult } from '@mcpwire/protocol-core/schemas';
 *
 * const parsed = parseResult('tools/list', response.result, '2025-11-25');
 * if (!parsed.ok) console.error(parsed.error);
 */

// The zod schemas, by the file of src/types/ that defines them.
export {
  AnnotationsSchema,
  CursorSchema,
  EmptyResultSchema,
  IconSchema,
  ImplementationSchema,
  JSONObjectSchema,
  MetaSchema,
  NotificationMetaSchema,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  ProgressTokenSchema,
  RequestIdSchema,
  RequestMetaSchema,
  RequestParamsSchema,
  ResultMetaSchema,
  RoleSchema,
} from './types/base.js';
export { ClientCapabilitiesSchema, ServerCapabilitiesSchema } from './types/capabilities.js';
export {
  CacheScopeSchema,
  ModernPaginatedRequestParamsSchema,
  ModernRequestMetaSchema,
  ModernRequestParamsSchema,
} from './types/modern.js';
export {
  AudioContentSchema,
  BlobResourceContentsSchema,
  ContentBlockSchema,
  EmbeddedResourceSchema,
  ImageContentSchema,
  ResourceContentsSchema,
  ResourceLinkSchema,
  ResourceSchema,
  SamplingContentSchema,
  TextContentSchema,
  TextResourceContentsSchema,
  ToolResultContentSchema,
  ToolUseContentSchema,
} from './types/content.js';
export {
  CancelledNotificationParamsSchema,
  InitializeRequestParamsSchema,
  InitializeResultSchema,
  ProgressNotificationParamsSchema,
} from './types/lifecycle.js';
export {
  LoggingLevelSchema,
  LoggingMessageNotificationParamsSchema,
  SetLevelRequestParamsSchema,
} from './types/logging.js';
export { ToolAnnotationsSchema, ToolExecutionSchema, ToolSchema } from './types/tool-definition.js';
export {
  CallToolRequestParamsSchema,
  CallToolResultSchema,
  ListToolsResultSchema,
  ModernCallToolRequestParamsSchema,
  ModernCallToolResultSchema,
  ModernListToolsResultSchema,
} from './types/tools.js';
export {
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ModernListResourcesResultSchema,
  ModernListResourceTemplatesResultSchema,
  ModernReadResourceRequestParamsSchema,
  ModernReadResourceResultSchema,
  ReadResourceResultSchema,
  ResourceRequestParamsSchema,
  ResourceTemplateSchema,
  ResourceUpdatedNotificationParamsSchema,
} from './types/resources.js';
export {
  GetPromptRequestParamsSchema,
  GetPromptResultSchema,
  ListPromptsResultSchema,
  ModernGetPromptRequestParamsSchema,
  ModernGetPromptResultSchema,
  ModernListPromptsResultSchema,
  PromptArgumentSchema,
  PromptMessageSchema,
  PromptSchema,
} from './types/prompts.js';
export {
  CompleteRequestParamsSchema,
  CompleteResultSchema,
  ModernCompleteRequestParamsSchema,
  ModernCompleteResultSchema,
  PromptReferenceSchema,
  ResourceTemplateReferenceSchema,
} from './types/completion.js';
export {
  CreateMessageRequestParamsSchema,
  CreateMessageResultSchema,
  ModelHintSchema,
  ModelPreferencesSchema,
  SamplingMessageSchema,
  ToolChoiceSchema,
} from './types/sampling.js';
export {
  BooleanSchemaSchema,
  LegacyTitledEnumSchemaSchema,
  NumberSchemaSchema,
  PrimitiveSchemaDefinitionSchema,
  StringSchemaSchema,
  TitledMultiSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
  UntitledMultiSelectEnumSchemaSchema,
  UntitledSingleSelectEnumSchemaSchema,
} from './types/elicitation-schema.js';
export {
  ElicitationCompleteNotificationParamsSchema,
  ElicitRequestFormParamsSchema,
  ElicitRequestParamsSchema,
  ElicitRequestURLParamsSchema,
  ElicitResultSchema,
  LegacyElicitRequestParamsSchema,
  LegacyElicitRequestURLParamsSchema,
} from './types/elicitation.js';
export { ListRootsResultSchema, RootSchema } from './types/roots.js';
export {
  CreateTaskResultSchema,
  ListTasksResultSchema,
  RelatedTaskMetadataSchema,
  TaskIdRequestParamsSchema,
  TaskMetadataSchema,
  TaskPayloadResultSchema,
  TaskResultSchema,
  TaskSchema,
  TaskStatusNotificationParamsSchema,
  TaskStatusSchema,
} from './types/tasks.js';
export {
  InputRequestSchema,
  InputRequestsSchema,
  InputRequiredResultSchema,
  InputResponseSchema,
  InputResponsesSchema,
} from './types/mrtr.js';
export { DiscoverResultSchema } from './types/discover.js';
export {
  SubscriptionFilterSchema,
  SubscriptionsAcknowledgedNotificationParamsSchema,
  SubscriptionsListenRequestParamsSchema,
  SubscriptionsListenResultSchema,
} from './types/subscriptions.js';
export {
  ErrorObjectSchema,
  MissingRequiredClientCapabilityErrorDataSchema,
  UnsupportedProtocolVersionErrorDataSchema,
  UrlElicitationRequiredErrorDataSchema,
} from './types/error-data.js';

// The method registry: which schema validates a method's params and result in each revision.
export { getMethodSpec, listMethodSpecs, parseParams, parseResult } from './types/methods.js';
export type { ParseOutcome } from './types/methods.js';
export type { MethodDelivery, MethodKind, MethodSender, MethodSpec } from './types/method-table.js';
export type { McpMethod, McpMethodTypes, ParamsOf, ResultOf } from './types/method-types.js';

// JSON Schema validation (src/json-schema/): tool input and output schemas, elicitation forms.
export { compileJsonSchema } from './json-schema/compile.js';
export { applyJsonSchemaDefaults } from './json-schema/defaults.js';
export { JsonSchemaError } from './json-schema/types.js';
export type {
  JsonSchemaIssue,
  JsonSchemaOptions,
  JsonSchemaResult,
  JsonSchemaValidator,
} from './json-schema/types.js';
