/**
 * Tasks (2025-11-25 only): task-augmented requests answer with a task handle that the requester
 * polls with `tasks/get`, `tasks/result`, `tasks/list` and `tasks/cancel`. In 2026-07-28 tasks moved
 * to an extension, so the core registry has none.
 */
import * as z from 'zod/mini';
import {
  CursorSchema,
  type NotificationMeta,
  NotificationMetaSchema,
  type RequestMeta,
  RequestMetaSchema,
  type ResultMeta,
  ResultMetaSchema,
} from './base.js';

/** The state of a task. */
export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

/** Schema of {@link TaskStatus}. */
export const TaskStatusSchema: z.ZodMiniType<TaskStatus> = z.enum([
  'working',
  'input_required',
  'completed',
  'failed',
  'cancelled',
]);

/** The `task` member of a task-augmented request's params: asks for a task instead of a result. */
export interface TaskMetadata {
  /** Requested retention in milliseconds from creation. */
  ttl?: number | undefined;
}

/** Schema of {@link TaskMetadata}. */
export const TaskMetadataSchema: z.ZodMiniType<TaskMetadata> = z.looseObject({ ttl: z.optional(z.int()) });

/** The `_meta["io.modelcontextprotocol/related-task"]` value that ties a message to a task. */
export interface RelatedTaskMetadata {
  taskId: string;
}

/** Schema of {@link RelatedTaskMetadata}. */
export const RelatedTaskMetadataSchema: z.ZodMiniType<RelatedTaskMetadata> = z.looseObject({
  taskId: z.string(),
});

/** A task's state. */
export interface Task {
  taskId: string;
  status: TaskStatus;
  statusMessage?: string | undefined;
  /** ISO 8601 creation time. */
  createdAt: string;
  /** ISO 8601 time of the last update. */
  lastUpdatedAt: string;
  /** Retention in milliseconds from creation; `null` for unlimited. */
  ttl: number | null;
  /** Suggested polling interval in milliseconds. */
  pollInterval?: number | undefined;
}

const taskShape = {
  taskId: z.string(),
  status: TaskStatusSchema,
  statusMessage: z.optional(z.string()),
  createdAt: z.string(),
  lastUpdatedAt: z.string(),
  ttl: z.nullable(z.int()),
  pollInterval: z.optional(z.int()),
};

/** Schema of {@link Task}. */
export const TaskSchema: z.ZodMiniType<Task> = z.looseObject(taskShape);

/** The answer to a task-augmented request: the task that will produce the result. */
export interface CreateTaskResult {
  task: Task;
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link CreateTaskResult}. */
export const CreateTaskResultSchema: z.ZodMiniType<CreateTaskResult> = z.looseObject({
  task: TaskSchema,
  _meta: z.optional(ResultMetaSchema),
});

/** Params of `tasks/get`, `tasks/result` and `tasks/cancel`. */
export interface TaskIdRequestParams {
  taskId: string;
  _meta?: RequestMeta | undefined;
}

/** Schema of {@link TaskIdRequestParams}. */
export const TaskIdRequestParamsSchema: z.ZodMiniType<TaskIdRequestParams> = z.looseObject({
  taskId: z.string(),
  _meta: z.optional(RequestMetaSchema),
});

/** The result of `tasks/get` and `tasks/cancel`: the task's state. */
export interface TaskResult extends Task {
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link TaskResult}. */
export const TaskResultSchema: z.ZodMiniType<TaskResult> = z.looseObject({
  ...taskShape,
  _meta: z.optional(ResultMetaSchema),
});

/** The result of `tasks/result`: the original request's result, whatever its shape. */
export interface TaskPayloadResult {
  [key: string]: unknown;
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link TaskPayloadResult}. */
export const TaskPayloadResultSchema: z.ZodMiniType<TaskPayloadResult> = z.looseObject({
  _meta: z.optional(ResultMetaSchema),
});

/** The result of `tasks/list`. */
export interface ListTasksResult {
  tasks: Task[];
  nextCursor?: string | undefined;
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link ListTasksResult}. */
export const ListTasksResultSchema: z.ZodMiniType<ListTasksResult> = z.looseObject({
  tasks: z.array(TaskSchema),
  nextCursor: z.optional(CursorSchema),
  _meta: z.optional(ResultMetaSchema),
});

/** Params of `notifications/tasks/status`: the task's new state. */
export interface TaskStatusNotificationParams extends Task {
  _meta?: NotificationMeta | undefined;
}

/** Schema of {@link TaskStatusNotificationParams}. */
export const TaskStatusNotificationParamsSchema: z.ZodMiniType<TaskStatusNotificationParams> = z.looseObject({
  ...taskShape,
  _meta: z.optional(NotificationMetaSchema),
});
