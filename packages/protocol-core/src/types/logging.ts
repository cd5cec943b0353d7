/** Logging: levels, `logging/setLevel` (legacy) and `notifications/message`. */
import * as z from 'zod/mini';
import {
  type NotificationMeta,
  NotificationMetaSchema,
  type RequestMeta,
  RequestMetaSchema,
} from './base.js';

/** Syslog severities (RFC 5424), least to most severe. */
export const LOGGING_LEVELS = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
] as const;

/** One of the {@link LOGGING_LEVELS}. */
export type LoggingLevel = (typeof LOGGING_LEVELS)[number];

/** Schema of {@link LoggingLevel}. */
export const LoggingLevelSchema: z.ZodMiniType<LoggingLevel> = z.enum(LOGGING_LEVELS);

/** Params of `logging/setLevel` (legacy era; modern requests carry a log level in `_meta`). */
export interface SetLevelRequestParams {
  level: LoggingLevel;
  _meta?: RequestMeta | undefined;
}

/** Schema of {@link SetLevelRequestParams}. */
export const SetLevelRequestParamsSchema: z.ZodMiniType<SetLevelRequestParams> = z.looseObject({
  level: LoggingLevelSchema,
  _meta: z.optional(RequestMetaSchema),
});

/** Params of `notifications/message`. */
export interface LoggingMessageNotificationParams {
  level: LoggingLevel;
  /** The logger's name. */
  logger?: string | undefined;
  /** Any JSON value; required, though it may be `null`. */
  data: unknown;
  _meta?: NotificationMeta | undefined;
}

/** Schema of {@link LoggingMessageNotificationParams}. */
export const LoggingMessageNotificationParamsSchema: z.ZodMiniType<LoggingMessageNotificationParams> =
  z.looseObject({
    level: LoggingLevelSchema,
    logger: z.optional(z.string()),
    data: z.unknown(),
    _meta: z.optional(NotificationMetaSchema),
  });
