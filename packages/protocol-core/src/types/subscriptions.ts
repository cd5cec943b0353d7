/**
 * Subscriptions (2026-07-28): `subscriptions/listen` opens a stream of the notifications the client
 * asks for; it replaces `resources/subscribe` and the connection-wide `list_changed` notifications.
 */
import * as z from 'zod/mini';
import type { RequestId } from '../jsonrpc.js';
import {
  type Implementation,
  ImplementationSchema,
  type NotificationMeta,
  NotificationMetaSchema,
  RequestIdSchema,
} from './base.js';
import { type ModernRequestMeta, ModernRequestMetaSchema, ResultType } from './modern.js';

/** Which notifications a listen stream carries. */
export interface SubscriptionFilter {
  toolsListChanged?: boolean | undefined;
  promptsListChanged?: boolean | undefined;
  resourcesListChanged?: boolean | undefined;
  /** URIs whose `notifications/resources/updated` the client wants. */
  resourceSubscriptions?: string[] | undefined;
}

/** Schema of {@link SubscriptionFilter}. */
export const SubscriptionFilterSchema: z.ZodMiniType<SubscriptionFilter> = z.looseObject({
  toolsListChanged: z.optional(z.boolean()),
  promptsListChanged: z.optional(z.boolean()),
  resourcesListChanged: z.optional(z.boolean()),
  resourceSubscriptions: z.optional(z.array(z.string())),
});

/** Params of `subscriptions/listen`. */
export interface SubscriptionsListenRequestParams {
  notifications: SubscriptionFilter;
  _meta: ModernRequestMeta;
}

/** Schema of {@link SubscriptionsListenRequestParams}. */
export const SubscriptionsListenRequestParamsSchema: z.ZodMiniType<SubscriptionsListenRequestParams> =
  z.looseObject({ notifications: SubscriptionFilterSchema, _meta: ModernRequestMetaSchema });

/** The result that closes a listen stream; its `_meta` names the subscription. */
export interface SubscriptionsListenResult {
  resultType: 'complete';
  _meta: {
    [key: string]: unknown;
    'io.modelcontextprotocol/subscriptionId': RequestId;
    'io.modelcontextprotocol/serverInfo'?: Implementation | undefined;
  };
}

/** Schema of {@link SubscriptionsListenResult}. */
export const SubscriptionsListenResultSchema: z.ZodMiniType<SubscriptionsListenResult> = z.looseObject({
  resultType: z.literal(ResultType.Complete),
  _meta: z.looseObject({
    'io.modelcontextprotocol/subscriptionId': RequestIdSchema,
    'io.modelcontextprotocol/serverInfo': z.optional(ImplementationSchema),
  }),
});

/** Params of `notifications/subscriptions/acknowledged`: the filter the server will honour. */
export interface SubscriptionsAcknowledgedNotificationParams {
  notifications: SubscriptionFilter;
  _meta?: NotificationMeta | undefined;
}

/** Schema of {@link SubscriptionsAcknowledgedNotificationParams}. */
export const SubscriptionsAcknowledgedNotificationParamsSchema: z.ZodMiniType<SubscriptionsAcknowledgedNotificationParams> =
  z.looseObject({ notifications: SubscriptionFilterSchema, _meta: z.optional(NotificationMetaSchema) });
