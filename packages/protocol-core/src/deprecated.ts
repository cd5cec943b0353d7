/**
 * Names that left the package root for a narrower entry point, re-exported by the root for one release
 * so that existing imports keep working. Each is declared here, not re-exported by name, so that its
 * `@deprecated` tag survives the bundled `.d.ts` and editors strike the old import through.
 */
import * as server from './server.js';
import * as schemas from './schemas.js';
import * as kit from './transport-kit/index.js';

/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const AnnotationsSchema: typeof schemas.AnnotationsSchema = schemas.AnnotationsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const CursorSchema: typeof schemas.CursorSchema = schemas.CursorSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const EmptyResultSchema: typeof schemas.EmptyResultSchema = schemas.EmptyResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const IconSchema: typeof schemas.IconSchema = schemas.IconSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ImplementationSchema: typeof schemas.ImplementationSchema = schemas.ImplementationSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const JSONObjectSchema: typeof schemas.JSONObjectSchema = schemas.JSONObjectSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const MetaSchema: typeof schemas.MetaSchema = schemas.MetaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const NotificationMetaSchema: typeof schemas.NotificationMetaSchema = schemas.NotificationMetaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const NotificationParamsSchema: typeof schemas.NotificationParamsSchema =
  schemas.NotificationParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const PaginatedRequestParamsSchema: typeof schemas.PaginatedRequestParamsSchema =
  schemas.PaginatedRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ProgressTokenSchema: typeof schemas.ProgressTokenSchema = schemas.ProgressTokenSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const RequestIdSchema: typeof schemas.RequestIdSchema = schemas.RequestIdSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const RequestMetaSchema: typeof schemas.RequestMetaSchema = schemas.RequestMetaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const RequestParamsSchema: typeof schemas.RequestParamsSchema = schemas.RequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ResultMetaSchema: typeof schemas.ResultMetaSchema = schemas.ResultMetaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const RoleSchema: typeof schemas.RoleSchema = schemas.RoleSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ClientCapabilitiesSchema: typeof schemas.ClientCapabilitiesSchema =
  schemas.ClientCapabilitiesSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ServerCapabilitiesSchema: typeof schemas.ServerCapabilitiesSchema =
  schemas.ServerCapabilitiesSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const CacheScopeSchema: typeof schemas.CacheScopeSchema = schemas.CacheScopeSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernPaginatedRequestParamsSchema: typeof schemas.ModernPaginatedRequestParamsSchema =
  schemas.ModernPaginatedRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernRequestMetaSchema: typeof schemas.ModernRequestMetaSchema =
  schemas.ModernRequestMetaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernRequestParamsSchema: typeof schemas.ModernRequestParamsSchema =
  schemas.ModernRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const AudioContentSchema: typeof schemas.AudioContentSchema = schemas.AudioContentSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const BlobResourceContentsSchema: typeof schemas.BlobResourceContentsSchema =
  schemas.BlobResourceContentsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ContentBlockSchema: typeof schemas.ContentBlockSchema = schemas.ContentBlockSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const EmbeddedResourceSchema: typeof schemas.EmbeddedResourceSchema = schemas.EmbeddedResourceSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ImageContentSchema: typeof schemas.ImageContentSchema = schemas.ImageContentSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ResourceContentsSchema: typeof schemas.ResourceContentsSchema = schemas.ResourceContentsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ResourceLinkSchema: typeof schemas.ResourceLinkSchema = schemas.ResourceLinkSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ResourceSchema: typeof schemas.ResourceSchema = schemas.ResourceSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const SamplingContentSchema: typeof schemas.SamplingContentSchema = schemas.SamplingContentSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TextContentSchema: typeof schemas.TextContentSchema = schemas.TextContentSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TextResourceContentsSchema: typeof schemas.TextResourceContentsSchema =
  schemas.TextResourceContentsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ToolResultContentSchema: typeof schemas.ToolResultContentSchema =
  schemas.ToolResultContentSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ToolUseContentSchema: typeof schemas.ToolUseContentSchema = schemas.ToolUseContentSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const CancelledNotificationParamsSchema: typeof schemas.CancelledNotificationParamsSchema =
  schemas.CancelledNotificationParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const InitializeRequestParamsSchema: typeof schemas.InitializeRequestParamsSchema =
  schemas.InitializeRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const InitializeResultSchema: typeof schemas.InitializeResultSchema = schemas.InitializeResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ProgressNotificationParamsSchema: typeof schemas.ProgressNotificationParamsSchema =
  schemas.ProgressNotificationParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const LoggingLevelSchema: typeof schemas.LoggingLevelSchema = schemas.LoggingLevelSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const LoggingMessageNotificationParamsSchema: typeof schemas.LoggingMessageNotificationParamsSchema =
  schemas.LoggingMessageNotificationParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const SetLevelRequestParamsSchema: typeof schemas.SetLevelRequestParamsSchema =
  schemas.SetLevelRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ToolAnnotationsSchema: typeof schemas.ToolAnnotationsSchema = schemas.ToolAnnotationsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ToolExecutionSchema: typeof schemas.ToolExecutionSchema = schemas.ToolExecutionSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ToolSchema: typeof schemas.ToolSchema = schemas.ToolSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const CallToolRequestParamsSchema: typeof schemas.CallToolRequestParamsSchema =
  schemas.CallToolRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const CallToolResultSchema: typeof schemas.CallToolResultSchema = schemas.CallToolResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ListToolsResultSchema: typeof schemas.ListToolsResultSchema = schemas.ListToolsResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernCallToolRequestParamsSchema: typeof schemas.ModernCallToolRequestParamsSchema =
  schemas.ModernCallToolRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernCallToolResultSchema: typeof schemas.ModernCallToolResultSchema =
  schemas.ModernCallToolResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernListToolsResultSchema: typeof schemas.ModernListToolsResultSchema =
  schemas.ModernListToolsResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ListResourcesResultSchema: typeof schemas.ListResourcesResultSchema =
  schemas.ListResourcesResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ListResourceTemplatesResultSchema: typeof schemas.ListResourceTemplatesResultSchema =
  schemas.ListResourceTemplatesResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernListResourcesResultSchema: typeof schemas.ModernListResourcesResultSchema =
  schemas.ModernListResourcesResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernListResourceTemplatesResultSchema: typeof schemas.ModernListResourceTemplatesResultSchema =
  schemas.ModernListResourceTemplatesResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernReadResourceRequestParamsSchema: typeof schemas.ModernReadResourceRequestParamsSchema =
  schemas.ModernReadResourceRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernReadResourceResultSchema: typeof schemas.ModernReadResourceResultSchema =
  schemas.ModernReadResourceResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ReadResourceResultSchema: typeof schemas.ReadResourceResultSchema =
  schemas.ReadResourceResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ResourceRequestParamsSchema: typeof schemas.ResourceRequestParamsSchema =
  schemas.ResourceRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ResourceTemplateSchema: typeof schemas.ResourceTemplateSchema = schemas.ResourceTemplateSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ResourceUpdatedNotificationParamsSchema: typeof schemas.ResourceUpdatedNotificationParamsSchema =
  schemas.ResourceUpdatedNotificationParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const GetPromptRequestParamsSchema: typeof schemas.GetPromptRequestParamsSchema =
  schemas.GetPromptRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const GetPromptResultSchema: typeof schemas.GetPromptResultSchema = schemas.GetPromptResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ListPromptsResultSchema: typeof schemas.ListPromptsResultSchema =
  schemas.ListPromptsResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernGetPromptRequestParamsSchema: typeof schemas.ModernGetPromptRequestParamsSchema =
  schemas.ModernGetPromptRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernGetPromptResultSchema: typeof schemas.ModernGetPromptResultSchema =
  schemas.ModernGetPromptResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernListPromptsResultSchema: typeof schemas.ModernListPromptsResultSchema =
  schemas.ModernListPromptsResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const PromptArgumentSchema: typeof schemas.PromptArgumentSchema = schemas.PromptArgumentSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const PromptMessageSchema: typeof schemas.PromptMessageSchema = schemas.PromptMessageSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const PromptSchema: typeof schemas.PromptSchema = schemas.PromptSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const CompleteRequestParamsSchema: typeof schemas.CompleteRequestParamsSchema =
  schemas.CompleteRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const CompleteResultSchema: typeof schemas.CompleteResultSchema = schemas.CompleteResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernCompleteRequestParamsSchema: typeof schemas.ModernCompleteRequestParamsSchema =
  schemas.ModernCompleteRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModernCompleteResultSchema: typeof schemas.ModernCompleteResultSchema =
  schemas.ModernCompleteResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const PromptReferenceSchema: typeof schemas.PromptReferenceSchema = schemas.PromptReferenceSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ResourceTemplateReferenceSchema: typeof schemas.ResourceTemplateReferenceSchema =
  schemas.ResourceTemplateReferenceSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const CreateMessageRequestParamsSchema: typeof schemas.CreateMessageRequestParamsSchema =
  schemas.CreateMessageRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const CreateMessageResultSchema: typeof schemas.CreateMessageResultSchema =
  schemas.CreateMessageResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModelHintSchema: typeof schemas.ModelHintSchema = schemas.ModelHintSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ModelPreferencesSchema: typeof schemas.ModelPreferencesSchema = schemas.ModelPreferencesSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const SamplingMessageSchema: typeof schemas.SamplingMessageSchema = schemas.SamplingMessageSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ToolChoiceSchema: typeof schemas.ToolChoiceSchema = schemas.ToolChoiceSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const BooleanSchemaSchema: typeof schemas.BooleanSchemaSchema = schemas.BooleanSchemaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const LegacyTitledEnumSchemaSchema: typeof schemas.LegacyTitledEnumSchemaSchema =
  schemas.LegacyTitledEnumSchemaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const NumberSchemaSchema: typeof schemas.NumberSchemaSchema = schemas.NumberSchemaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const PrimitiveSchemaDefinitionSchema: typeof schemas.PrimitiveSchemaDefinitionSchema =
  schemas.PrimitiveSchemaDefinitionSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const StringSchemaSchema: typeof schemas.StringSchemaSchema = schemas.StringSchemaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TitledMultiSelectEnumSchemaSchema: typeof schemas.TitledMultiSelectEnumSchemaSchema =
  schemas.TitledMultiSelectEnumSchemaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TitledSingleSelectEnumSchemaSchema: typeof schemas.TitledSingleSelectEnumSchemaSchema =
  schemas.TitledSingleSelectEnumSchemaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const UntitledMultiSelectEnumSchemaSchema: typeof schemas.UntitledMultiSelectEnumSchemaSchema =
  schemas.UntitledMultiSelectEnumSchemaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const UntitledSingleSelectEnumSchemaSchema: typeof schemas.UntitledSingleSelectEnumSchemaSchema =
  schemas.UntitledSingleSelectEnumSchemaSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ElicitationCompleteNotificationParamsSchema: typeof schemas.ElicitationCompleteNotificationParamsSchema =
  schemas.ElicitationCompleteNotificationParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ElicitRequestFormParamsSchema: typeof schemas.ElicitRequestFormParamsSchema =
  schemas.ElicitRequestFormParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ElicitRequestParamsSchema: typeof schemas.ElicitRequestParamsSchema =
  schemas.ElicitRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ElicitRequestURLParamsSchema: typeof schemas.ElicitRequestURLParamsSchema =
  schemas.ElicitRequestURLParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ElicitResultSchema: typeof schemas.ElicitResultSchema = schemas.ElicitResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const LegacyElicitRequestParamsSchema: typeof schemas.LegacyElicitRequestParamsSchema =
  schemas.LegacyElicitRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const LegacyElicitRequestURLParamsSchema: typeof schemas.LegacyElicitRequestURLParamsSchema =
  schemas.LegacyElicitRequestURLParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ListRootsResultSchema: typeof schemas.ListRootsResultSchema = schemas.ListRootsResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const RootSchema: typeof schemas.RootSchema = schemas.RootSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const CreateTaskResultSchema: typeof schemas.CreateTaskResultSchema = schemas.CreateTaskResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ListTasksResultSchema: typeof schemas.ListTasksResultSchema = schemas.ListTasksResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const RelatedTaskMetadataSchema: typeof schemas.RelatedTaskMetadataSchema =
  schemas.RelatedTaskMetadataSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TaskIdRequestParamsSchema: typeof schemas.TaskIdRequestParamsSchema =
  schemas.TaskIdRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TaskMetadataSchema: typeof schemas.TaskMetadataSchema = schemas.TaskMetadataSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TaskPayloadResultSchema: typeof schemas.TaskPayloadResultSchema =
  schemas.TaskPayloadResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TaskResultSchema: typeof schemas.TaskResultSchema = schemas.TaskResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TaskSchema: typeof schemas.TaskSchema = schemas.TaskSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TaskStatusNotificationParamsSchema: typeof schemas.TaskStatusNotificationParamsSchema =
  schemas.TaskStatusNotificationParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const TaskStatusSchema: typeof schemas.TaskStatusSchema = schemas.TaskStatusSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const InputRequestSchema: typeof schemas.InputRequestSchema = schemas.InputRequestSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const InputRequestsSchema: typeof schemas.InputRequestsSchema = schemas.InputRequestsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const InputRequiredResultSchema: typeof schemas.InputRequiredResultSchema =
  schemas.InputRequiredResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const InputResponseSchema: typeof schemas.InputResponseSchema = schemas.InputResponseSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const InputResponsesSchema: typeof schemas.InputResponsesSchema = schemas.InputResponsesSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const DiscoverResultSchema: typeof schemas.DiscoverResultSchema = schemas.DiscoverResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const SubscriptionFilterSchema: typeof schemas.SubscriptionFilterSchema =
  schemas.SubscriptionFilterSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const SubscriptionsAcknowledgedNotificationParamsSchema: typeof schemas.SubscriptionsAcknowledgedNotificationParamsSchema =
  schemas.SubscriptionsAcknowledgedNotificationParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const SubscriptionsListenRequestParamsSchema: typeof schemas.SubscriptionsListenRequestParamsSchema =
  schemas.SubscriptionsListenRequestParamsSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const SubscriptionsListenResultSchema: typeof schemas.SubscriptionsListenResultSchema =
  schemas.SubscriptionsListenResultSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const ErrorObjectSchema: typeof schemas.ErrorObjectSchema = schemas.ErrorObjectSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const MissingRequiredClientCapabilityErrorDataSchema: typeof schemas.MissingRequiredClientCapabilityErrorDataSchema =
  schemas.MissingRequiredClientCapabilityErrorDataSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const UnsupportedProtocolVersionErrorDataSchema: typeof schemas.UnsupportedProtocolVersionErrorDataSchema =
  schemas.UnsupportedProtocolVersionErrorDataSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const UrlElicitationRequiredErrorDataSchema: typeof schemas.UrlElicitationRequiredErrorDataSchema =
  schemas.UrlElicitationRequiredErrorDataSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const getMethodSpec: typeof schemas.getMethodSpec = schemas.getMethodSpec;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const listMethodSpecs: typeof schemas.listMethodSpecs = schemas.listMethodSpecs;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const parseParams: typeof schemas.parseParams = schemas.parseParams;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const parseResult: typeof schemas.parseResult = schemas.parseResult;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const compileJsonSchema: typeof schemas.compileJsonSchema = schemas.compileJsonSchema;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const applyJsonSchemaDefaults: typeof schemas.applyJsonSchemaDefaults =
  schemas.applyJsonSchemaDefaults;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export const JsonSchemaError: typeof schemas.JsonSchemaError = schemas.JsonSchemaError;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export type JsonSchemaError = schemas.JsonSchemaError;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export type ParseOutcome<T> = schemas.ParseOutcome<T>;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export type MethodDelivery = schemas.MethodDelivery;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export type MethodKind = schemas.MethodKind;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export type MethodSender = schemas.MethodSender;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export type MethodSpec = schemas.MethodSpec;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export type JsonSchemaIssue = schemas.JsonSchemaIssue;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export type JsonSchemaOptions = schemas.JsonSchemaOptions;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export type JsonSchemaResult = schemas.JsonSchemaResult;
/** @deprecated import from '@mcpwire/protocol-core/schemas' */
export type JsonSchemaValidator = schemas.JsonSchemaValidator;
/** @deprecated import from '@mcpwire/protocol-core/server' */
export const isUriTemplate: typeof server.isUriTemplate = server.isUriTemplate;
/** @deprecated import from '@mcpwire/protocol-core/server' */
export const UriTemplate: typeof server.UriTemplate = server.UriTemplate;
/** @deprecated import from '@mcpwire/protocol-core/server' */
export type UriTemplate = server.UriTemplate;
/** @deprecated import from '@mcpwire/protocol-core/server' */
export type UriTemplateOptions = server.UriTemplateOptions;
/** @deprecated import from '@mcpwire/protocol-core/server' */
export type UriTemplateValue = server.UriTemplateValue;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export const parseFrame: typeof kit.parseFrame = kit.parseFrame;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export const validateEnvelope: typeof kit.validateEnvelope = kit.validateEnvelope;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export const envelopeErrorResponse: typeof kit.envelopeErrorResponse = kit.envelopeErrorResponse;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export const InboundBuffer: typeof kit.InboundBuffer = kit.InboundBuffer;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export type InboundBuffer = kit.InboundBuffer;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export const OriginGuard: typeof kit.OriginGuard = kit.OriginGuard;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export type OriginGuard = kit.OriginGuard;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export const CorsPolicy: typeof kit.CorsPolicy = kit.CorsPolicy;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export type CorsPolicy = kit.CorsPolicy;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export type InboundBufferOptions = kit.InboundBufferOptions;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export type CorsHeaders = kit.CorsHeaders;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export type CorsPolicyOptions = kit.CorsPolicyOptions;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export type EnvelopeError = kit.EnvelopeError;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export type EnvelopeResult = kit.EnvelopeResult;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export type ParsedFrame = kit.ParsedFrame;
/** @deprecated import from '@mcpwire/protocol-core/transport-kit' */
export type ParseFrameOptions = kit.ParseFrameOptions;
