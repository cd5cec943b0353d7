/**
 * Static types of every method's params and result, across all revisions (a union where eras
 * differ). `parseParams`/`parseResult` return these for a known method name; narrow by era where the
 * shapes differ (modern params carry `_meta["io.modelcontextprotocol/protocolVersion"]`).
 */
import type { EmptyResult, NotificationParams, PaginatedRequestParams, RequestParams } from './base.js';
import type {
  CompleteRequestParams,
  CompleteResult,
  ModernCompleteRequestParams,
  ModernCompleteResult,
} from './completion.js';
import type { DiscoverResult } from './discover.js';
import type {
  ElicitationCompleteNotificationParams,
  ElicitRequestParams,
  ElicitResult,
} from './elicitation.js';
import type {
  CancelledNotificationParams,
  InitializeRequestParams,
  InitializeResult,
  ProgressNotificationParams,
} from './lifecycle.js';
import type { LoggingMessageNotificationParams, SetLevelRequestParams } from './logging.js';
import type { ModernPaginatedRequestParams, ModernRequestParams } from './modern.js';
import type { InputRequiredResult } from './mrtr.js';
import type {
  GetPromptRequestParams,
  GetPromptResult,
  ListPromptsResult,
  ModernGetPromptRequestParams,
  ModernGetPromptResult,
  ModernListPromptsResult,
} from './prompts.js';
import type {
  ListResourcesResult,
  ListResourceTemplatesResult,
  ModernListResourcesResult,
  ModernListResourceTemplatesResult,
  ModernReadResourceRequestParams,
  ModernReadResourceResult,
  ReadResourceResult,
  ResourceRequestParams,
  ResourceUpdatedNotificationParams,
} from './resources.js';
import type { ListRootsResult } from './roots.js';
import type { CreateMessageRequestParams, CreateMessageResult } from './sampling.js';
import type {
  SubscriptionsAcknowledgedNotificationParams,
  SubscriptionsListenRequestParams,
  SubscriptionsListenResult,
} from './subscriptions.js';
import type {
  CreateTaskResult,
  ListTasksResult,
  TaskIdRequestParams,
  TaskPayloadResult,
  TaskResult,
  TaskStatusNotificationParams,
} from './tasks.js';
import type {
  CallToolRequestParams,
  CallToolResult,
  ListToolsResult,
  ModernCallToolRequestParams,
  ModernCallToolResult,
  ModernListToolsResult,
} from './tools.js';

/** Params (`undefined` where they may be omitted) and result of each MCP method. */
export interface McpMethodTypes {
  initialize: { params: InitializeRequestParams; result: InitializeResult };
  ping: { params: RequestParams | undefined; result: EmptyResult };
  'logging/setLevel': { params: SetLevelRequestParams; result: EmptyResult };
  'server/discover': { params: ModernRequestParams; result: DiscoverResult };
  'resources/list': {
    params: PaginatedRequestParams | ModernPaginatedRequestParams | undefined;
    result: ListResourcesResult | ModernListResourcesResult;
  };
  'resources/templates/list': {
    params: PaginatedRequestParams | ModernPaginatedRequestParams | undefined;
    result: ListResourceTemplatesResult | ModernListResourceTemplatesResult;
  };
  'resources/read': {
    params: ResourceRequestParams | ModernReadResourceRequestParams;
    result: ReadResourceResult | ModernReadResourceResult | InputRequiredResult;
  };
  'resources/subscribe': { params: ResourceRequestParams; result: EmptyResult };
  'resources/unsubscribe': { params: ResourceRequestParams; result: EmptyResult };
  'subscriptions/listen': { params: SubscriptionsListenRequestParams; result: SubscriptionsListenResult };
  'prompts/list': {
    params: PaginatedRequestParams | ModernPaginatedRequestParams | undefined;
    result: ListPromptsResult | ModernListPromptsResult;
  };
  'prompts/get': {
    params: GetPromptRequestParams | ModernGetPromptRequestParams;
    result: GetPromptResult | ModernGetPromptResult | InputRequiredResult;
  };
  'tools/list': {
    params: PaginatedRequestParams | ModernPaginatedRequestParams | undefined;
    result: ListToolsResult | ModernListToolsResult;
  };
  'tools/call': {
    params: CallToolRequestParams | ModernCallToolRequestParams;
    result: CallToolResult | CreateTaskResult | ModernCallToolResult | InputRequiredResult;
  };
  'completion/complete': {
    params: CompleteRequestParams | ModernCompleteRequestParams;
    result: CompleteResult | ModernCompleteResult;
  };
  'roots/list': { params: RequestParams | undefined; result: ListRootsResult };
  'sampling/createMessage': {
    params: CreateMessageRequestParams;
    result: CreateMessageResult | CreateTaskResult;
  };
  'elicitation/create': { params: ElicitRequestParams; result: ElicitResult | CreateTaskResult };
  'tasks/get': { params: TaskIdRequestParams; result: TaskResult };
  'tasks/result': { params: TaskIdRequestParams; result: TaskPayloadResult };
  'tasks/cancel': { params: TaskIdRequestParams; result: TaskResult };
  'tasks/list': { params: PaginatedRequestParams | undefined; result: ListTasksResult };
  'notifications/initialized': { params: NotificationParams | undefined; result: never };
  'notifications/cancelled': { params: CancelledNotificationParams; result: never };
  'notifications/progress': { params: ProgressNotificationParams; result: never };
  'notifications/message': { params: LoggingMessageNotificationParams; result: never };
  'notifications/resources/list_changed': { params: NotificationParams | undefined; result: never };
  'notifications/resources/updated': { params: ResourceUpdatedNotificationParams; result: never };
  'notifications/prompts/list_changed': { params: NotificationParams | undefined; result: never };
  'notifications/tools/list_changed': { params: NotificationParams | undefined; result: never };
  'notifications/roots/list_changed': { params: NotificationParams | undefined; result: never };
  'notifications/elicitation/complete': { params: ElicitationCompleteNotificationParams; result: never };
  'notifications/tasks/status': { params: TaskStatusNotificationParams; result: never };
  'notifications/subscriptions/acknowledged': {
    params: SubscriptionsAcknowledgedNotificationParams;
    result: never;
  };
}

/** Every MCP method name, across all revisions. */
export type McpMethod = keyof McpMethodTypes;

/** The params type of a method (`undefined` included where params may be omitted). */
export type ParamsOf<M extends McpMethod> = McpMethodTypes[M]['params'];

/** The result type of a request method (`never` for notifications). */
export type ResultOf<M extends McpMethod> = McpMethodTypes[M]['result'];
