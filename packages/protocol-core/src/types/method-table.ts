/**
 * The data of the method registry: one spec per method and group of revisions whose schemas agree.
 * Built once at module load; `methods.ts` indexes it and parses with it.
 */
import type * as z from 'zod/mini';
import {
  EmptyResultSchema,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  RequestParamsSchema,
} from './base.js';
import {
  CompleteRequestParamsSchema,
  CompleteResultSchema,
  ModernCompleteRequestParamsSchema,
  ModernCompleteResultSchema,
} from './completion.js';
import { DiscoverResultSchema } from './discover.js';
import {
  ElicitationCompleteNotificationParamsSchema,
  ElicitRequestFormParamsSchema,
  ElicitRequestParamsSchema,
  ElicitResultSchema,
  LegacyElicitRequestParamsSchema,
} from './elicitation.js';
import {
  CancelledNotificationParamsSchema,
  InitializeRequestParamsSchema,
  InitializeResultSchema,
  OptionalIdCancelledNotificationParamsSchema,
  ProgressNotificationParamsSchema,
} from './lifecycle.js';
import { LoggingMessageNotificationParamsSchema, SetLevelRequestParamsSchema } from './logging.js';
import type { McpMethod } from './method-types.js';
import { ModernPaginatedRequestParamsSchema, ModernRequestParamsSchema } from './modern.js';
import {
  GetPromptRequestParamsSchema,
  GetPromptResultSchema,
  ListPromptsResultSchema,
  ModernGetPromptRequestParamsSchema,
  ModernGetPromptResultSchema,
  ModernListPromptsResultSchema,
} from './prompts.js';
import {
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ModernListResourcesResultSchema,
  ModernListResourceTemplatesResultSchema,
  ModernReadResourceRequestParamsSchema,
  ModernReadResourceResultSchema,
  ReadResourceResultSchema,
  ResourceRequestParamsSchema,
  ResourceUpdatedNotificationParamsSchema,
} from './resources.js';
import {
  LEGACY_PROTOCOL_VERSIONS,
  MODERN_PROTOCOL_VERSIONS,
  type ProtocolVersion,
  SUPPORTED_PROTOCOL_VERSIONS,
} from './revisions.js';
import { ListRootsResultSchema } from './roots.js';
import { CreateMessageRequestParamsSchema, CreateMessageResultSchema } from './sampling.js';
import {
  SubscriptionsAcknowledgedNotificationParamsSchema,
  SubscriptionsListenRequestParamsSchema,
  SubscriptionsListenResultSchema,
} from './subscriptions.js';
import {
  ListTasksResultSchema,
  TaskIdRequestParamsSchema,
  TaskPayloadResultSchema,
  TaskResultSchema,
  TaskStatusNotificationParamsSchema,
} from './tasks.js';
import {
  CallToolRequestParamsSchema,
  CallToolResultSchema,
  ListToolsResultSchema,
  ModernCallToolRequestParamsSchema,
  ModernCallToolResultSchema,
  ModernListToolsResultSchema,
} from './tools.js';

/** A request expects a response; a notification does not. */
export type MethodKind = 'request' | 'notification';

/** Which side sends a method. */
export type MethodSender = 'client' | 'server' | 'both';

/**
 * How a method travels: as its own JSON-RPC message, or (2026-07-28 sampling, roots, elicitation)
 * embedded in an `InputRequiredResult` and answered in the client's retry.
 */
export type MethodDelivery = 'message' | 'input-request';

/** What the registry knows about one method in a set of revisions. */
export interface MethodSpec {
  readonly method: string;
  readonly kind: MethodKind;
  readonly from: MethodSender;
  /** The revisions this spec applies to (a method may have one spec per era). */
  readonly revisions: readonly ProtocolVersion[];
  /** Schema of the params object. */
  readonly params: z.ZodMiniType;
  /** True when `params` may be omitted altogether. */
  readonly paramsOptional: boolean;
  /** Schema of the completed result; requests only. */
  readonly result?: z.ZodMiniType | undefined;
  /** The request may also be answered with an `InputRequiredResult` (2026-07-28). */
  readonly inputRequired: boolean;
  /** With `params.task`, the request is answered with a `CreateTaskResult` (2025-11-25). */
  readonly taskAugmented: boolean;
  readonly delivery: MethodDelivery;
}

interface Variant {
  revisions: readonly ProtocolVersion[];
  from: MethodSender;
  params: z.ZodMiniType;
  paramsOptional?: boolean;
  result?: z.ZodMiniType;
  inputRequired?: boolean;
  taskAugmented?: boolean;
  delivery?: MethodDelivery;
}

const LEGACY = LEGACY_PROTOCOL_VERSIONS;
const MODERN = MODERN_PROTOCOL_VERSIONS;
const ALL = SUPPORTED_PROTOCOL_VERSIONS;
/** The only revision with tasks and URL-mode elicitation ids. */
const TASKS: readonly ProtocolVersion[] = ['2025-11-25'];
const BEFORE_TASKS: readonly ProtocolVersion[] = ['2025-06-18', '2025-03-26', '2024-11-05'];

const specs: MethodSpec[] = [];

/** Every method spec, in definition order. */
export const METHOD_SPECS: readonly MethodSpec[] = specs;

function define(method: McpMethod, kind: MethodKind, variants: readonly Variant[]): void {
  for (const variant of variants) {
    specs.push(
      Object.freeze({
        method,
        kind,
        from: variant.from,
        revisions: Object.freeze([...variant.revisions]),
        params: variant.params,
        paramsOptional: variant.paramsOptional ?? false,
        result: variant.result,
        inputRequired: variant.inputRequired ?? false,
        taskAugmented: variant.taskAugmented ?? false,
        delivery: variant.delivery ?? 'message',
      }),
    );
  }
}

/** A list method: legacy params may be omitted; modern ones carry `_meta` and the result is cacheable. */
function list(method: McpMethod, legacyResult: z.ZodMiniType, modernResult: z.ZodMiniType): void {
  define(method, 'request', [
    {
      revisions: LEGACY,
      from: 'client',
      params: PaginatedRequestParamsSchema,
      paramsOptional: true,
      result: legacyResult,
    },
    { revisions: MODERN, from: 'client', params: ModernPaginatedRequestParamsSchema, result: modernResult },
  ]);
}

/** A notification that carries only `_meta`. */
function signal(method: McpMethod, from: MethodSender, revisions: readonly ProtocolVersion[]): void {
  define(method, 'notification', [
    { revisions, from, params: NotificationParamsSchema, paramsOptional: true },
  ]);
}

// Lifecycle and utilities.
define('initialize', 'request', [
  {
    revisions: LEGACY,
    from: 'client',
    params: InitializeRequestParamsSchema,
    result: InitializeResultSchema,
  },
]);
define('ping', 'request', [
  {
    revisions: LEGACY,
    from: 'both',
    params: RequestParamsSchema,
    paramsOptional: true,
    result: EmptyResultSchema,
  },
]);
define('logging/setLevel', 'request', [
  { revisions: LEGACY, from: 'client', params: SetLevelRequestParamsSchema, result: EmptyResultSchema },
]);
define('server/discover', 'request', [
  { revisions: MODERN, from: 'client', params: ModernRequestParamsSchema, result: DiscoverResultSchema },
]);
define('completion/complete', 'request', [
  { revisions: LEGACY, from: 'client', params: CompleteRequestParamsSchema, result: CompleteResultSchema },
  {
    revisions: MODERN,
    from: 'client',
    params: ModernCompleteRequestParamsSchema,
    result: ModernCompleteResultSchema,
  },
]);

// Server features.
list('resources/list', ListResourcesResultSchema, ModernListResourcesResultSchema);
list('resources/templates/list', ListResourceTemplatesResultSchema, ModernListResourceTemplatesResultSchema);
list('prompts/list', ListPromptsResultSchema, ModernListPromptsResultSchema);
list('tools/list', ListToolsResultSchema, ModernListToolsResultSchema);
define('resources/read', 'request', [
  {
    revisions: LEGACY,
    from: 'client',
    params: ResourceRequestParamsSchema,
    result: ReadResourceResultSchema,
  },
  {
    revisions: MODERN,
    from: 'client',
    params: ModernReadResourceRequestParamsSchema,
    result: ModernReadResourceResultSchema,
    inputRequired: true,
  },
]);
for (const method of ['resources/subscribe', 'resources/unsubscribe'] as const) {
  define(method, 'request', [
    { revisions: LEGACY, from: 'client', params: ResourceRequestParamsSchema, result: EmptyResultSchema },
  ]);
}
define('subscriptions/listen', 'request', [
  {
    revisions: MODERN,
    from: 'client',
    params: SubscriptionsListenRequestParamsSchema,
    result: SubscriptionsListenResultSchema,
  },
]);
define('prompts/get', 'request', [
  { revisions: LEGACY, from: 'client', params: GetPromptRequestParamsSchema, result: GetPromptResultSchema },
  {
    revisions: MODERN,
    from: 'client',
    params: ModernGetPromptRequestParamsSchema,
    result: ModernGetPromptResultSchema,
    inputRequired: true,
  },
]);
define('tools/call', 'request', [
  {
    revisions: BEFORE_TASKS,
    from: 'client',
    params: CallToolRequestParamsSchema,
    result: CallToolResultSchema,
  },
  {
    revisions: TASKS,
    from: 'client',
    params: CallToolRequestParamsSchema,
    result: CallToolResultSchema,
    taskAugmented: true,
  },
  {
    revisions: MODERN,
    from: 'client',
    params: ModernCallToolRequestParamsSchema,
    result: ModernCallToolResultSchema,
    inputRequired: true,
  },
]);

// Client features: requests in the legacy era, input requests in the modern one.
define('roots/list', 'request', [
  {
    revisions: LEGACY,
    from: 'server',
    params: RequestParamsSchema,
    paramsOptional: true,
    result: ListRootsResultSchema,
  },
  {
    revisions: MODERN,
    from: 'server',
    params: RequestParamsSchema,
    paramsOptional: true,
    result: ListRootsResultSchema,
    delivery: 'input-request',
  },
]);
define('sampling/createMessage', 'request', [
  {
    revisions: BEFORE_TASKS,
    from: 'server',
    params: CreateMessageRequestParamsSchema,
    result: CreateMessageResultSchema,
  },
  {
    revisions: TASKS,
    from: 'server',
    params: CreateMessageRequestParamsSchema,
    result: CreateMessageResultSchema,
    taskAugmented: true,
  },
  {
    revisions: MODERN,
    from: 'server',
    params: CreateMessageRequestParamsSchema,
    result: CreateMessageResultSchema,
    delivery: 'input-request',
  },
]);
define('elicitation/create', 'request', [
  // 2025-06-18 has form mode only, without the `mode` member.
  {
    revisions: ['2025-06-18'],
    from: 'server',
    params: ElicitRequestFormParamsSchema,
    result: ElicitResultSchema,
  },
  {
    revisions: TASKS,
    from: 'server',
    params: LegacyElicitRequestParamsSchema,
    result: ElicitResultSchema,
    taskAugmented: true,
  },
  {
    revisions: MODERN,
    from: 'server',
    params: ElicitRequestParamsSchema,
    result: ElicitResultSchema,
    delivery: 'input-request',
  },
]);

// Tasks (2025-11-25): either side may run tasks for the other.
for (const method of ['tasks/get', 'tasks/cancel'] as const) {
  define(method, 'request', [
    { revisions: TASKS, from: 'both', params: TaskIdRequestParamsSchema, result: TaskResultSchema },
  ]);
}
define('tasks/result', 'request', [
  { revisions: TASKS, from: 'both', params: TaskIdRequestParamsSchema, result: TaskPayloadResultSchema },
]);
define('tasks/list', 'request', [
  {
    revisions: TASKS,
    from: 'both',
    params: PaginatedRequestParamsSchema,
    paramsOptional: true,
    result: ListTasksResultSchema,
  },
]);

// Notifications.
signal('notifications/initialized', 'client', LEGACY);
signal('notifications/roots/list_changed', 'client', LEGACY);
signal('notifications/resources/list_changed', 'server', ALL);
signal('notifications/prompts/list_changed', 'server', ALL);
signal('notifications/tools/list_changed', 'server', ALL);
define('notifications/cancelled', 'notification', [
  { revisions: [...BEFORE_TASKS, ...MODERN], from: 'both', params: CancelledNotificationParamsSchema },
  // 2025-11-25 lets `requestId` be omitted.
  { revisions: TASKS, from: 'both', params: OptionalIdCancelledNotificationParamsSchema },
]);
define('notifications/progress', 'notification', [
  { revisions: LEGACY, from: 'both', params: ProgressNotificationParamsSchema },
  // Modern clients send no progress: servers no longer send them requests.
  { revisions: MODERN, from: 'server', params: ProgressNotificationParamsSchema },
]);
define('notifications/message', 'notification', [
  { revisions: ALL, from: 'server', params: LoggingMessageNotificationParamsSchema },
]);
define('notifications/resources/updated', 'notification', [
  { revisions: ALL, from: 'server', params: ResourceUpdatedNotificationParamsSchema },
]);
define('notifications/elicitation/complete', 'notification', [
  { revisions: TASKS, from: 'server', params: ElicitationCompleteNotificationParamsSchema },
]);
define('notifications/tasks/status', 'notification', [
  { revisions: TASKS, from: 'both', params: TaskStatusNotificationParamsSchema },
]);
define('notifications/subscriptions/acknowledged', 'notification', [
  { revisions: MODERN, from: 'server', params: SubscriptionsAcknowledgedNotificationParamsSchema },
]);
Object.freeze(specs);
