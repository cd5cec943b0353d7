// Public API of @mcpwire/protocol-core: explicit named exports only. The root holds what an application
// uses (McpClient, McpServer, Transport and pipe, errors, the wire types); narrower entries hold the rest:
// '/schemas' (zod schemas, method registry, JSON Schema validator), '/client' and '/server' (each side alone).

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
export { LOOPBACK_HOSTS, LOOPBACK_ORIGINS } from './http-security/origin-guard.js';
// What an application writes when it hands a server to a transport's server, or fakes its timers.
export type { ServerOrFactory, ServerStats } from './transport-kit/serve.js';
export type { Timers } from './transport-kit/timers.js';
export { ProtocolEngine } from './engine/engine.js';
export type {
  EngineOptions,
  EngineTimers,
  NotifyOptions,
  ProgressInfo,
  RequestOptions,
} from './engine/options.js';
export type {
  EngineStats,
  HandlerContext,
  NotificationContext,
  NotificationHandler,
  RequestHandler,
  RequestHandlerOptions,
} from './engine/types.js';
export type { SchemaIssue } from './engine/schema.js';

// MCP wire types of every revision (src/types/): protocol versions and constants, and the TypeScript types
// (free at run time). Their zod schemas and the method registry are in '@mcpwire/protocol-core/schemas'.
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
export type { ClientCapabilities, ServerCapabilities } from './types/capabilities.js';
export { ResultType } from './types/modern.js';
export type {
  CacheHints,
  CacheScope,
  CompleteResultFields,
  ModernPaginatedRequestParams,
  ModernRequestMeta,
  ModernRequestParams,
  ResultTypeValue,
} from './types/modern.js';
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
export type {
  CancelledNotificationParams,
  InitializeRequestParams,
  InitializeResult,
  ProgressNotificationParams,
} from './types/lifecycle.js';
export { LOGGING_LEVELS } from './types/logging.js';
export type {
  LoggingLevel,
  LoggingMessageNotificationParams,
  SetLevelRequestParams,
} from './types/logging.js';
export type {
  Tool,
  ToolAnnotations,
  ToolExecution,
  ToolInputSchema,
  ToolOutputSchema,
} from './types/tool-definition.js';
export type {
  CallToolRequestParams,
  CallToolResult,
  ListToolsResult,
  ModernCallToolRequestParams,
  ModernCallToolResult,
  ModernListToolsResult,
} from './types/tools.js';
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
export { MAX_COMPLETION_VALUES } from './types/completion.js';
export type {
  CompleteRequestParams,
  CompleteResult,
  ModernCompleteRequestParams,
  ModernCompleteResult,
  PromptReference,
  ResourceTemplateReference,
} from './types/completion.js';
export type {
  CreateMessageRequestParams,
  CreateMessageResult,
  ModelHint,
  ModelPreferences,
  SamplingMessage,
  SamplingMessageContent,
  ToolChoice,
} from './types/sampling.js';
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
export type {
  ElicitationCompleteNotificationParams,
  ElicitationRequestedSchema,
  ElicitRequestFormParams,
  ElicitRequestParams,
  ElicitRequestURLParams,
  ElicitResult,
  ElicitValue,
} from './types/elicitation.js';
export type { ListRootsResult, Root } from './types/roots.js';
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
export { isInputRequiredResult } from './types/mrtr.js';
export type {
  InputRequest,
  InputRequests,
  InputRequiredResult,
  InputResponse,
  InputResponses,
  MrtrRetryFields,
} from './types/mrtr.js';
export type { DiscoverResult } from './types/discover.js';
export type {
  SubscriptionFilter,
  SubscriptionsAcknowledgedNotificationParams,
  SubscriptionsListenRequestParams,
  SubscriptionsListenResult,
} from './types/subscriptions.js';
export type {
  MissingRequiredClientCapabilityErrorData,
  UnsupportedProtocolVersionErrorData,
  UrlElicitationRequiredErrorData,
} from './types/error-data.js';
export type { McpMethod, McpMethodTypes, ParamsOf, ResultOf } from './types/method-types.js';

// The dual-era MCP client (src/client/), also alone in '@mcpwire/protocol-core/client'.
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

// The dual-era MCP server (src/server/), also alone in '@mcpwire/protocol-core/server'.
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

// Moved to '@mcpwire/protocol-core/schemas' and '/server'; kept here for one release, marked @deprecated.
export {
  AnnotationsSchema,
  applyJsonSchemaDefaults,
  AudioContentSchema,
  BlobResourceContentsSchema,
  BooleanSchemaSchema,
  CacheScopeSchema,
  CallToolRequestParamsSchema,
  CallToolResultSchema,
  CancelledNotificationParamsSchema,
  ClientCapabilitiesSchema,
  compileJsonSchema,
  CompleteRequestParamsSchema,
  CompleteResultSchema,
  ContentBlockSchema,
  CreateMessageRequestParamsSchema,
  CreateMessageResultSchema,
  CreateTaskResultSchema,
  CursorSchema,
  DiscoverResultSchema,
  ElicitationCompleteNotificationParamsSchema,
  ElicitRequestFormParamsSchema,
  ElicitRequestParamsSchema,
  ElicitRequestURLParamsSchema,
  ElicitResultSchema,
  EmbeddedResourceSchema,
  EmptyResultSchema,
  ErrorObjectSchema,
  getMethodSpec,
  GetPromptRequestParamsSchema,
  GetPromptResultSchema,
  IconSchema,
  ImageContentSchema,
  ImplementationSchema,
  InitializeRequestParamsSchema,
  InitializeResultSchema,
  InputRequestSchema,
  InputRequestsSchema,
  InputRequiredResultSchema,
  InputResponseSchema,
  InputResponsesSchema,
  isUriTemplate,
  JSONObjectSchema,
  JsonSchemaError,
  LegacyElicitRequestParamsSchema,
  LegacyElicitRequestURLParamsSchema,
  LegacyTitledEnumSchemaSchema,
  listMethodSpecs,
  ListPromptsResultSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ListRootsResultSchema,
  ListTasksResultSchema,
  ListToolsResultSchema,
  LoggingLevelSchema,
  LoggingMessageNotificationParamsSchema,
  MetaSchema,
  MissingRequiredClientCapabilityErrorDataSchema,
  ModelHintSchema,
  ModelPreferencesSchema,
  ModernCallToolRequestParamsSchema,
  ModernCallToolResultSchema,
  ModernCompleteRequestParamsSchema,
  ModernCompleteResultSchema,
  ModernGetPromptRequestParamsSchema,
  ModernGetPromptResultSchema,
  ModernListPromptsResultSchema,
  ModernListResourcesResultSchema,
  ModernListResourceTemplatesResultSchema,
  ModernListToolsResultSchema,
  ModernPaginatedRequestParamsSchema,
  ModernReadResourceRequestParamsSchema,
  ModernReadResourceResultSchema,
  ModernRequestMetaSchema,
  ModernRequestParamsSchema,
  NotificationMetaSchema,
  NotificationParamsSchema,
  NumberSchemaSchema,
  PaginatedRequestParamsSchema,
  parseParams,
  parseResult,
  PrimitiveSchemaDefinitionSchema,
  ProgressNotificationParamsSchema,
  ProgressTokenSchema,
  PromptArgumentSchema,
  PromptMessageSchema,
  PromptReferenceSchema,
  PromptSchema,
  ReadResourceResultSchema,
  RelatedTaskMetadataSchema,
  RequestIdSchema,
  RequestMetaSchema,
  RequestParamsSchema,
  ResourceContentsSchema,
  ResourceLinkSchema,
  ResourceRequestParamsSchema,
  ResourceSchema,
  ResourceTemplateReferenceSchema,
  ResourceTemplateSchema,
  ResourceUpdatedNotificationParamsSchema,
  ResultMetaSchema,
  RoleSchema,
  RootSchema,
  SamplingContentSchema,
  SamplingMessageSchema,
  ServerCapabilitiesSchema,
  SetLevelRequestParamsSchema,
  StringSchemaSchema,
  SubscriptionFilterSchema,
  SubscriptionsAcknowledgedNotificationParamsSchema,
  SubscriptionsListenRequestParamsSchema,
  SubscriptionsListenResultSchema,
  TaskIdRequestParamsSchema,
  TaskMetadataSchema,
  TaskPayloadResultSchema,
  TaskResultSchema,
  TaskSchema,
  TaskStatusNotificationParamsSchema,
  TaskStatusSchema,
  TextContentSchema,
  TextResourceContentsSchema,
  TitledMultiSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
  ToolAnnotationsSchema,
  ToolChoiceSchema,
  ToolExecutionSchema,
  ToolResultContentSchema,
  ToolSchema,
  ToolUseContentSchema,
  UnsupportedProtocolVersionErrorDataSchema,
  UntitledMultiSelectEnumSchemaSchema,
  UntitledSingleSelectEnumSchemaSchema,
  UriTemplate,
  UrlElicitationRequiredErrorDataSchema,
  // Moved to '@mcpwire/protocol-core/transport-kit'.
  CorsPolicy,
  InboundBuffer,
  OriginGuard,
  envelopeErrorResponse,
  parseFrame,
  validateEnvelope,
} from './deprecated.js';
export type {
  JsonSchemaIssue,
  JsonSchemaOptions,
  JsonSchemaResult,
  JsonSchemaValidator,
  MethodDelivery,
  MethodKind,
  MethodSender,
  MethodSpec,
  ParseOutcome,
  UriTemplateOptions,
  UriTemplateValue,
  CorsHeaders,
  CorsPolicyOptions,
  EnvelopeError,
  EnvelopeResult,
  InboundBufferOptions,
  ParsedFrame,
  ParseFrameOptions,
} from './deprecated.js';
