// Public API of @mcpwire/protocol-core: explicit named exports only.

export { ErrorCode } from './error-codes.js';
export type { ErrorCodeValue } from './error-codes.js';
export {
  ProtocolError,
  TransportError,
  TransportErrorCode,
  MAX_EXCERPT_CHARS,
  excerptOf,
  invalidParams,
} from './errors.js';
export type { TransportErrorCodeValue, TransportErrorDetails } from './errors.js';
export { envelopeErrorResponse, parseFrame, validateEnvelope } from './envelope.js';
export type { EnvelopeError, EnvelopeResult, ParsedFrame, ParseFrameOptions } from './envelope.js';
export {
  JSONRPC_VERSION,
  isJSONRPCErrorResponse,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResponse,
  isJSONRPCResultResponse,
} from './jsonrpc.js';
export type {
  JSONRPCErrorObject,
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCParams,
  JSONRPCRequest,
  JSONRPCResponse,
  JSONRPCResultResponse,
  ProgressToken,
  RequestId,
} from './jsonrpc.js';
export { pipe } from './transport.js';
export { headersOfRequestInit } from './sdk-request-init.js';
export type { HeadersInitLike, SdkRequestInit } from './sdk-request-init.js';
export type {
  MessageCallback,
  MessageExtraInfo,
  RequestInfo,
  Transport,
  TransportDecorator,
  TransportSendOptions,
} from './transport.js';
export { HttpAuthError, defaultPrincipalOf } from './http-security/auth.js';
export type { Authenticate, HttpAuthErrorOptions, HttpAuthRequest } from './http-security/auth.js';
export { LOOPBACK_HOSTS, LOOPBACK_ORIGINS, OriginGuard } from './http-security/origin-guard.js';
export { CorsPolicy } from './http-security/cors.js';
export type { CorsHeaders, CorsPolicyOptions } from './http-security/cors.js';
export { InboundBuffer } from './inbound-buffer.js';
export type { InboundBufferOptions } from './inbound-buffer.js';
export { ProtocolEngine } from './engine/engine.js';
export type {
  EngineOptions,
  EngineTimers,
  NotifyOptions,
  ProgressInfo,
  RequestOptions,
} from './engine/options.js';
export type {
  EngineDebugCounts,
  EngineStats,
  HandlerContext,
  NotificationContext,
  NotificationHandler,
  RequestHandler,
  RequestHandlerOptions,
} from './engine/types.js';
export type { SchemaIssue } from './engine/schema.js';

// MCP wire types of every revision (src/types/): revisions, zod schemas with their types, method registry.
export {
  LATEST_LEGACY_PROTOCOL_VERSION,
  LATEST_PROTOCOL_VERSION,
  LEGACY_PROTOCOL_VERSIONS,
  MetaKey,
  MODERN_PROTOCOL_VERSIONS,
  PROTOCOL_VERSION_2024_11_05,
  PROTOCOL_VERSION_2025_03_26,
  PROTOCOL_VERSION_2025_06_18,
  PROTOCOL_VERSION_2025_11_25,
  PROTOCOL_VERSION_2026_07_28,
  SUPPORTED_PROTOCOL_VERSIONS,
  eraOf,
  isSupportedProtocolVersion,
} from './types/revisions.js';
export type { MetaKeyValue, ProtocolEra, ProtocolVersion } from './types/revisions.js';
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
export type {
  Annotations,
  Cursor,
  EmptyResult,
  Icon,
  Implementation,
  JSONObject,
  Meta,
  NotificationMeta,
  NotificationParams,
  PaginatedRequestParams,
  RequestMeta,
  RequestParams,
  ResultMeta,
  Role,
} from './types/base.js';
export { ClientCapabilitiesSchema, ServerCapabilitiesSchema } from './types/capabilities.js';
export type { ClientCapabilities, ServerCapabilities } from './types/capabilities.js';
export {
  CacheScopeSchema,
  ModernPaginatedRequestParamsSchema,
  ModernRequestMetaSchema,
  ModernRequestParamsSchema,
  ResultType,
} from './types/modern.js';
export type {
  CacheHints,
  CacheScope,
  CompleteResultFields,
  ModernPaginatedRequestParams,
  ModernRequestMeta,
  ModernRequestParams,
  ResultTypeValue,
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
export type {
  AudioContent,
  BlobResourceContents,
  ContentBlock,
  EmbeddedResource,
  ImageContent,
  Resource,
  ResourceContents,
  ResourceLink,
  SamplingContent,
  TextContent,
  TextResourceContents,
  ToolResultContent,
  ToolUseContent,
} from './types/content.js';
export {
  CancelledNotificationParamsSchema,
  InitializeRequestParamsSchema,
  InitializeResultSchema,
  ProgressNotificationParamsSchema,
} from './types/lifecycle.js';
export type {
  CancelledNotificationParams,
  InitializeRequestParams,
  InitializeResult,
  ProgressNotificationParams,
} from './types/lifecycle.js';
export {
  LOGGING_LEVELS,
  LoggingLevelSchema,
  LoggingMessageNotificationParamsSchema,
  SetLevelRequestParamsSchema,
} from './types/logging.js';
export type {
  LoggingLevel,
  LoggingMessageNotificationParams,
  SetLevelRequestParams,
} from './types/logging.js';
export { ToolAnnotationsSchema, ToolExecutionSchema, ToolSchema } from './types/tool.js';
export type {
  Tool,
  ToolAnnotations,
  ToolExecution,
  ToolInputSchema,
  ToolOutputSchema,
} from './types/tool.js';
export {
  CallToolRequestParamsSchema,
  CallToolResultSchema,
  ListToolsResultSchema,
  ModernCallToolRequestParamsSchema,
  ModernCallToolResultSchema,
  ModernListToolsResultSchema,
} from './types/tools.js';
export type {
  CallToolRequestParams,
  CallToolResult,
  ListToolsResult,
  ModernCallToolRequestParams,
  ModernCallToolResult,
  ModernListToolsResult,
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
export type {
  ListResourcesResult,
  ListResourceTemplatesResult,
  ModernListResourcesResult,
  ModernListResourceTemplatesResult,
  ModernReadResourceRequestParams,
  ModernReadResourceResult,
  ReadResourceResult,
  ResourceRequestParams,
  ResourceTemplate,
  ResourceUpdatedNotificationParams,
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
export type {
  GetPromptRequestParams,
  GetPromptResult,
  ListPromptsResult,
  ModernGetPromptRequestParams,
  ModernGetPromptResult,
  ModernListPromptsResult,
  Prompt,
  PromptArgument,
  PromptMessage,
} from './types/prompts.js';
export {
  CompleteRequestParamsSchema,
  CompleteResultSchema,
  MAX_COMPLETION_VALUES,
  ModernCompleteRequestParamsSchema,
  ModernCompleteResultSchema,
  PromptReferenceSchema,
  ResourceTemplateReferenceSchema,
} from './types/completion.js';
export type {
  CompleteRequestParams,
  CompleteResult,
  ModernCompleteRequestParams,
  ModernCompleteResult,
  PromptReference,
  ResourceTemplateReference,
} from './types/completion.js';
export {
  CreateMessageRequestParamsSchema,
  CreateMessageResultSchema,
  ModelHintSchema,
  ModelPreferencesSchema,
  SamplingMessageSchema,
  ToolChoiceSchema,
} from './types/sampling.js';
export type {
  CreateMessageRequestParams,
  CreateMessageResult,
  ModelHint,
  ModelPreferences,
  SamplingMessage,
  SamplingMessageContent,
  ToolChoice,
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
export type {
  BooleanSchema,
  LegacyTitledEnumSchema,
  NumberSchema,
  PrimitiveSchemaDefinition,
  StringSchema,
  TitledMultiSelectEnumSchema,
  TitledSingleSelectEnumSchema,
  UntitledMultiSelectEnumSchema,
  UntitledSingleSelectEnumSchema,
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
export type {
  ElicitationCompleteNotificationParams,
  ElicitationRequestedSchema,
  ElicitRequestFormParams,
  ElicitRequestParams,
  ElicitRequestURLParams,
  ElicitResult,
  ElicitValue,
} from './types/elicitation.js';
export { ListRootsResultSchema, RootSchema } from './types/roots.js';
export type { ListRootsResult, Root } from './types/roots.js';
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
export type {
  CreateTaskResult,
  ListTasksResult,
  RelatedTaskMetadata,
  Task,
  TaskIdRequestParams,
  TaskMetadata,
  TaskPayloadResult,
  TaskResult,
  TaskStatus,
  TaskStatusNotificationParams,
} from './types/tasks.js';
export {
  InputRequestSchema,
  InputRequestsSchema,
  InputRequiredResultSchema,
  InputResponseSchema,
  InputResponsesSchema,
  isInputRequiredResult,
} from './types/mrtr.js';
export type {
  InputRequest,
  InputRequests,
  InputRequiredResult,
  InputResponse,
  InputResponses,
  MrtrRetryFields,
} from './types/mrtr.js';
export { DiscoverResultSchema } from './types/discover.js';
export type { DiscoverResult } from './types/discover.js';
export {
  SubscriptionFilterSchema,
  SubscriptionsAcknowledgedNotificationParamsSchema,
  SubscriptionsListenRequestParamsSchema,
  SubscriptionsListenResultSchema,
} from './types/subscriptions.js';
export type {
  SubscriptionFilter,
  SubscriptionsAcknowledgedNotificationParams,
  SubscriptionsListenRequestParams,
  SubscriptionsListenResult,
} from './types/subscriptions.js';
export {
  ErrorObjectSchema,
  MissingRequiredClientCapabilityErrorDataSchema,
  UnsupportedProtocolVersionErrorDataSchema,
  UrlElicitationRequiredErrorDataSchema,
} from './types/error-data.js';
export type {
  MissingRequiredClientCapabilityErrorData,
  UnsupportedProtocolVersionErrorData,
  UrlElicitationRequiredErrorData,
} from './types/error-data.js';
export { MAX_ISSUE_MESSAGE_CHARS, formatIssues } from './types/format-issues.js';
export { getMethodSpec, listMethodSpecs, parseParams, parseResult } from './types/methods.js';
export type { ParseOutcome } from './types/methods.js';
export type { MethodDelivery, MethodKind, MethodSender, MethodSpec } from './types/method-table.js';
export type { McpMethod, McpMethodTypes, ParamsOf, ResultOf } from './types/method-types.js';

// JSON Schema validation (src/json-schema/) and RFC 6570 URI templates, for the client and server.
export { compileJsonSchema } from './json-schema/compile.js';
export { applyJsonSchemaDefaults } from './json-schema/defaults.js';
export { JsonSchemaError } from './json-schema/types.js';
export type {
  JsonSchemaIssue,
  JsonSchemaOptions,
  JsonSchemaResult,
  JsonSchemaValidator,
} from './json-schema/types.js';
export { UriTemplate, isUriTemplate } from './uri-template.js';
export type { UriTemplateOptions, UriTemplateValue } from './uri-template.js';

// The dual-era MCP client (src/client/).
export { McpClient } from './client/client.js';
export { ListCache } from './client/list-cache.js';
export type {
  ClientCallOptions,
  ClientEraOption,
  ClientHandlers,
  ClientListAllOptions,
  ClientListOptions,
  ElicitationHandler,
  InputContext,
  ListCacheOptions,
  McpClientOptions,
  RootsHandler,
  SamplingHandler,
} from './client/options.js';
export type {
  CallToolParams,
  ClientCallToolResult,
  ClientListParams,
  CompleteParams,
  GetPromptParams,
  ReadResourceParams,
} from './client/types.js';
export type { ListenEnd, ListenHandle, ListenOptions } from './client/listen.js';
export type { ListenCallbacks } from './client/notification-router.js';
export type { ListMethod } from './client/list-requests.js';

// The dual-era MCP server (src/server/).
export { McpServer } from './server/mcp-server.js';
export { ResourceNotFoundError } from './server/features/resources.js';
export { UrlElicitationRequiredError } from './server/url-elicitation-error.js';
export { InputRefusedError } from './server/input-refused-error.js';
export type { RequiredUrlElicitation } from './server/url-elicitation-error.js';
export type {
  BaseContext,
  CacheableMethod,
  Completer,
  CompletionContext,
  ElicitOptions,
  InferPromptArgs,
  InferSchema,
  InputOptions,
  JsonSchemaObject,
  McpServerOptions,
  ModernRequestContext,
  PromptArgsSource,
  PromptConfig,
  PromptHandler,
  PromptResult,
  RegisteredPrompt,
  RegisteredResource,
  RegisteredResourceTemplate,
  RegisteredTool,
  ResourceHandler,
  ResourceMetadata,
  ResourceReadResult,
  ResourceTemplateHandler,
  ResourceTemplateMetadata,
  ResourceTemplateOptions,
  SchemaSource,
  ServerConnection,
  ServerContext,
  TemplateVariables,
  ToolConfig,
  ToolHandler,
  ToolResult,
  ToolUpdate,
} from './server/types.js';
