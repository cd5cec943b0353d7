/**
 * Lifecycle and cross-cutting notifications: the legacy `initialize` handshake, cancellation and
 * progress. (`ping` and `notifications/initialized` carry only `_meta`: see `RequestParams` and
 * `NotificationParams`.)
 */
import * as z from 'zod/mini';
import type { ProgressToken, RequestId } from '../jsonrpc.js';
import {
  type Implementation,
  ImplementationSchema,
  type NotificationMeta,
  NotificationMetaSchema,
  ProgressTokenSchema,
  RequestIdSchema,
  type RequestMeta,
  RequestMetaSchema,
  type ResultMeta,
  ResultMetaSchema,
} from './base.js';
import {
  type ClientCapabilities,
  ClientCapabilitiesSchema,
  type ServerCapabilities,
  ServerCapabilitiesSchema,
} from './capabilities.js';

/** Params of `initialize` (legacy era): the client's offer. */
export interface InitializeRequestParams {
  /** The newest revision the client supports; not restricted here, the server answers with its own. */
  protocolVersion: string;
  capabilities: ClientCapabilities;
  clientInfo: Implementation;
  _meta?: RequestMeta | undefined;
}

/** Schema of {@link InitializeRequestParams}. */
export const InitializeRequestParamsSchema: z.ZodMiniType<InitializeRequestParams> = z.looseObject({
  protocolVersion: z.string(),
  capabilities: ClientCapabilitiesSchema,
  clientInfo: ImplementationSchema,
  _meta: z.optional(RequestMetaSchema),
});

/** The result of `initialize` (legacy era): the server's choice of revision and its capabilities. */
export interface InitializeResult {
  protocolVersion: string;
  capabilities: ServerCapabilities;
  serverInfo: Implementation;
  /** How to use the server, for the model. */
  instructions?: string | undefined;
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link InitializeResult}. */
export const InitializeResultSchema: z.ZodMiniType<InitializeResult> = z.looseObject({
  protocolVersion: z.string(),
  capabilities: ServerCapabilitiesSchema,
  serverInfo: ImplementationSchema,
  instructions: z.optional(z.string()),
  _meta: z.optional(ResultMetaSchema),
});

/**
 * Params of `notifications/cancelled`. `requestId` is required in every revision but 2025-11-25,
 * whose schema lets it be omitted; the method registry applies the right rule per revision.
 */
export interface CancelledNotificationParams {
  requestId?: RequestId | undefined;
  reason?: string | undefined;
  _meta?: NotificationMeta | undefined;
}

const cancelledShape = {
  requestId: RequestIdSchema,
  reason: z.optional(z.string()),
  _meta: z.optional(NotificationMetaSchema),
};

/** Schema of {@link CancelledNotificationParams}, `requestId` required. */
export const CancelledNotificationParamsSchema: z.ZodMiniType<
  CancelledNotificationParams & { requestId: RequestId }
> = z.looseObject(cancelledShape);

/** `notifications/cancelled` params as 2025-11-25 has them: `requestId` optional. */
export const OptionalIdCancelledNotificationParamsSchema: z.ZodMiniType<CancelledNotificationParams> =
  z.looseObject({
    ...cancelledShape,
    requestId: z.optional(RequestIdSchema),
  });

/** Params of `notifications/progress`. */
export interface ProgressNotificationParams {
  progressToken: ProgressToken;
  /** Progress so far; increases with each notification. */
  progress: number;
  total?: number | undefined;
  /** A human-readable status (2025-03-26 and later). */
  message?: string | undefined;
  _meta?: NotificationMeta | undefined;
}

/** Schema of {@link ProgressNotificationParams}. */
export const ProgressNotificationParamsSchema: z.ZodMiniType<ProgressNotificationParams> = z.looseObject({
  progressToken: ProgressTokenSchema,
  progress: z.number(),
  total: z.optional(z.number()),
  message: z.optional(z.string()),
  _meta: z.optional(NotificationMetaSchema),
});
