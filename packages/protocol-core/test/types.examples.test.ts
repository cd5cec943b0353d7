/**
 * Every example message the spec ships for 2026-07-28 must parse with our types. The directory name
 * is the schema type name; a directory without a mapping here fails the suite, so new examples
 * cannot be skipped silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  ErrorCode,
  isJSONRPCErrorResponse,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  validateEnvelope,
} from '../src/index.js';
import {
  AudioContentSchema,
  BlobResourceContentsSchema,
  BooleanSchemaSchema,
  ClientCapabilitiesSchema,
  EmbeddedResourceSchema,
  ElicitRequestFormParamsSchema,
  ElicitRequestURLParamsSchema,
  ErrorObjectSchema,
  ImageContentSchema,
  InputRequestSchema,
  InputRequestsSchema,
  InputRequiredResultSchema,
  InputResponsesSchema,
  MissingRequiredClientCapabilityErrorDataSchema,
  ModelPreferencesSchema,
  ModernPaginatedRequestParamsSchema,
  NumberSchemaSchema,
  type ParseOutcome,
  ResourceLinkSchema,
  ResourceSchema,
  RootSchema,
  SamplingMessageSchema,
  ServerCapabilitiesSchema,
  StringSchemaSchema,
  TextContentSchema,
  TextResourceContentsSchema,
  TitledMultiSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
  ToolResultContentSchema,
  ToolSchema,
  ToolUseContentSchema,
  UnsupportedProtocolVersionErrorDataSchema,
  UntitledMultiSelectEnumSchemaSchema,
  UntitledSingleSelectEnumSchemaSchema,
  parseParams,
  parseResult,
} from '../src/schemas.js';
import { SCHEMA_ROOT, validateDefinition } from './support/schema-validator.js';

const REVISION = '2026-07-28';
const EXAMPLES = join(SCHEMA_ROOT, REVISION, 'examples');

/** How an example of one type is parsed. */
type Mapping =
  | { schema: z.ZodMiniType }
  | { params: string }
  | { result: string }
  | { request: string }
  | { notification: string }
  | { response: string }
  | { inputRequest: string }
  | { errorObject: number }
  | { errorResponse: number; data?: z.ZodMiniType };

const MAPPINGS: Record<string, Mapping> = {
  // Structures.
  AudioContent: { schema: AudioContentSchema },
  BlobResourceContents: { schema: BlobResourceContentsSchema },
  BooleanSchema: { schema: BooleanSchemaSchema },
  ClientCapabilities: { schema: ClientCapabilitiesSchema },
  EmbeddedResource: { schema: EmbeddedResourceSchema },
  ImageContent: { schema: ImageContentSchema },
  InputRequests: { schema: InputRequestsSchema },
  InputRequiredResult: { schema: InputRequiredResultSchema },
  InputResponses: { schema: InputResponsesSchema },
  ModelPreferences: { schema: ModelPreferencesSchema },
  NumberSchema: { schema: NumberSchemaSchema },
  Resource: { schema: ResourceSchema },
  ResourceLink: { schema: ResourceLinkSchema },
  Root: { schema: RootSchema },
  SamplingMessage: { schema: SamplingMessageSchema },
  ServerCapabilities: { schema: ServerCapabilitiesSchema },
  StringSchema: { schema: StringSchemaSchema },
  TextContent: { schema: TextContentSchema },
  TextResourceContents: { schema: TextResourceContentsSchema },
  TitledMultiSelectEnumSchema: { schema: TitledMultiSelectEnumSchemaSchema },
  TitledSingleSelectEnumSchema: { schema: TitledSingleSelectEnumSchemaSchema },
  Tool: { schema: ToolSchema },
  ToolResultContent: { schema: ToolResultContentSchema },
  ToolUseContent: { schema: ToolUseContentSchema },
  UntitledMultiSelectEnumSchema: { schema: UntitledMultiSelectEnumSchemaSchema },
  UntitledSingleSelectEnumSchema: { schema: UntitledSingleSelectEnumSchemaSchema },
  ElicitRequestFormParams: { schema: ElicitRequestFormParamsSchema },
  ElicitRequestURLParams: { schema: ElicitRequestURLParamsSchema },
  PaginatedRequestParams: { schema: ModernPaginatedRequestParamsSchema },
  // Params, through the registry.
  CallToolRequestParams: { params: 'tools/call' },
  CancelledNotificationParams: { params: 'notifications/cancelled' },
  CompleteRequestParams: { params: 'completion/complete' },
  CreateMessageRequestParams: { params: 'sampling/createMessage' },
  GetPromptRequestParams: { params: 'prompts/get' },
  LoggingMessageNotificationParams: { params: 'notifications/message' },
  ProgressNotificationParams: { params: 'notifications/progress' },
  ResourceUpdatedNotificationParams: { params: 'notifications/resources/updated' },
  // Results, through the registry.
  CallToolResult: { result: 'tools/call' },
  CompleteResult: { result: 'completion/complete' },
  CreateMessageResult: { result: 'sampling/createMessage' },
  DiscoverResult: { result: 'server/discover' },
  ElicitResult: { result: 'elicitation/create' },
  GetPromptResult: { result: 'prompts/get' },
  ListPromptsResult: { result: 'prompts/list' },
  ListResourceTemplatesResult: { result: 'resources/templates/list' },
  ListResourcesResult: { result: 'resources/list' },
  ListRootsResult: { result: 'roots/list' },
  ListToolsResult: { result: 'tools/list' },
  ReadResourceResult: { result: 'resources/read' },
  SubscriptionsListenResult: { result: 'subscriptions/listen' },
  // Whole requests and notifications.
  CallToolRequest: { request: 'tools/call' },
  CompleteRequest: { request: 'completion/complete' },
  DiscoverRequest: { request: 'server/discover' },
  GetPromptRequest: { request: 'prompts/get' },
  ListPromptsRequest: { request: 'prompts/list' },
  ListResourceTemplatesRequest: { request: 'resources/templates/list' },
  ListResourcesRequest: { request: 'resources/list' },
  ListToolsRequest: { request: 'tools/list' },
  ReadResourceRequest: { request: 'resources/read' },
  SubscriptionsListenRequest: { request: 'subscriptions/listen' },
  CancelledNotification: { notification: 'notifications/cancelled' },
  LoggingMessageNotification: { notification: 'notifications/message' },
  ProgressNotification: { notification: 'notifications/progress' },
  PromptListChangedNotification: { notification: 'notifications/prompts/list_changed' },
  ResourceListChangedNotification: { notification: 'notifications/resources/list_changed' },
  ResourceUpdatedNotification: { notification: 'notifications/resources/updated' },
  SubscriptionsAcknowledgedNotification: { notification: 'notifications/subscriptions/acknowledged' },
  ToolListChangedNotification: { notification: 'notifications/tools/list_changed' },
  // Server-to-client requests travel inside InputRequiredResult in this revision.
  CreateMessageRequest: { inputRequest: 'sampling/createMessage' },
  ElicitRequest: { inputRequest: 'elicitation/create' },
  ListRootsRequest: { inputRequest: 'roots/list' },
  // Whole responses.
  CallToolResultResponse: { response: 'tools/call' },
  CompleteResultResponse: { response: 'completion/complete' },
  DiscoverResultResponse: { response: 'server/discover' },
  GetPromptResultResponse: { response: 'prompts/get' },
  ListPromptsResultResponse: { response: 'prompts/list' },
  ListResourceTemplatesResultResponse: { response: 'resources/templates/list' },
  ListResourcesResultResponse: { response: 'resources/list' },
  ListToolsResultResponse: { response: 'tools/list' },
  ReadResourceResultResponse: { response: 'resources/read' },
  SubscriptionsListenResultResponse: { response: 'subscriptions/listen' },
  // Errors.
  InternalError: { errorObject: ErrorCode.InternalError },
  InvalidParamsError: { errorObject: ErrorCode.InvalidParams },
  MethodNotFoundError: { errorObject: ErrorCode.MethodNotFound },
  ParseError: { errorObject: ErrorCode.ParseError },
  HeaderMismatchError: { errorResponse: ErrorCode.HeaderMismatch },
  MissingRequiredClientCapabilityError: {
    errorResponse: ErrorCode.MissingRequiredClientCapability,
    data: MissingRequiredClientCapabilityErrorDataSchema,
  },
  UnsupportedProtocolVersionError: {
    errorResponse: ErrorCode.UnsupportedProtocolVersion,
    data: UnsupportedProtocolVersionErrorDataSchema,
  },
};

function fromSchema(schema: z.ZodMiniType, value: unknown): ParseOutcome<unknown> {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.message };
}

/** Parses one example as its mapping says; returns the parsed payload to compare with the input. */
function parseExample(mapping: Mapping, example: unknown): ParseOutcome<unknown> {
  if ('schema' in mapping) return fromSchema(mapping.schema, example);
  if ('params' in mapping) return parseParams(mapping.params, example, REVISION);
  if ('result' in mapping) return parseResult(mapping.result, example, REVISION);
  if ('inputRequest' in mapping) {
    expect((example as { method?: unknown }).method).toBe(mapping.inputRequest);
    return fromSchema(InputRequestSchema, example);
  }
  if ('errorObject' in mapping) {
    expect((example as { code?: unknown }).code).toBe(mapping.errorObject);
    return fromSchema(ErrorObjectSchema, example);
  }
  const envelope = validateEnvelope(example);
  if (!envelope.ok) return { ok: false, error: envelope.error.message };
  const message = envelope.message;
  if ('request' in mapping || 'notification' in mapping) {
    const method = 'request' in mapping ? mapping.request : mapping.notification;
    expect('request' in mapping ? isJSONRPCRequest(message) : isJSONRPCNotification(message)).toBe(true);
    expect((message as { method: string }).method).toBe(method);
    const parsed = parseParams(method, (message as { params?: unknown }).params, REVISION);
    return parsed.ok ? { ok: true, value: { ...message, params: parsed.value } } : parsed;
  }
  if ('response' in mapping) {
    if (!isJSONRPCResultResponse(message)) return { ok: false, error: 'not a result response' };
    const parsed = parseResult(mapping.response, message.result, REVISION);
    return parsed.ok ? { ok: true, value: { ...message, result: parsed.value } } : parsed;
  }
  if (!isJSONRPCErrorResponse(message)) return { ok: false, error: 'not an error response' };
  expect(message.error.code).toBe(mapping.errorResponse);
  const error = fromSchema(ErrorObjectSchema, message.error);
  if (!error.ok || mapping.data === undefined) return error.ok ? { ok: true, value: message } : error;
  const data = fromSchema(mapping.data, message.error.data);
  return data.ok ? { ok: true, value: message } : data;
}

const directories = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const examples = directories.flatMap((type) =>
  readdirSync(join(EXAMPLES, type))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map(
      (file) =>
        [`${type}/${file}`, type, JSON.parse(readFileSync(join(EXAMPLES, type, file), 'utf8'))] as const,
    ),
);

describe(`spec examples (${REVISION})`, () => {
  it('has a mapping for every example directory, and no stale mapping', () => {
    expect(directories.length).toBeGreaterThan(50);
    expect(directories.filter((type) => !(type in MAPPINGS))).toEqual([]);
    expect(Object.keys(MAPPINGS).filter((type) => !directories.includes(type))).toEqual([]);
  });

  it.each(examples)('%s parses, every member kept', (_file, type, example) => {
    const mapping = MAPPINGS[type];
    expect(mapping, `no mapping for ${type}`).toBeDefined();
    const parsed = parseExample(mapping!, example);
    expect(parsed).toEqual({ ok: true, value: example });
  });

  /** Records map keys to entries: an extra key there is an extra (invalid) entry, not an extension. */
  const RECORDS = new Set(['InputRequests', 'InputResponses']);
  const extensible = examples.filter(([, type]) => !RECORDS.has(type));

  it.each(extensible)('%s keeps an unknown extension member', (_file, type, example) => {
    const extension = { 'com.example/extension': { nested: [1, 2] } };
    const mapping = MAPPINGS[type]!;
    const record = example as Record<string, unknown>;
    let extended: Record<string, unknown>;
    if ('request' in mapping || 'notification' in mapping) {
      extended = { ...record, params: { ...(record['params'] as object | undefined), ...extension } };
    } else if ('response' in mapping) {
      extended = { ...record, result: { ...(record['result'] as object), ...extension } };
    } else if ('errorResponse' in mapping) {
      extended = { ...record, error: { ...(record['error'] as object), ...extension } };
    } else {
      extended = { ...record, ...extension };
    }
    expect(parseExample(mapping, extended)).toEqual({ ok: true, value: extended });
  });

  it.each(examples)('%s is valid against the official definition of its type', (_file, type, example) => {
    expect(validateDefinition(REVISION, type, example).errors).toEqual([]);
  });
});
