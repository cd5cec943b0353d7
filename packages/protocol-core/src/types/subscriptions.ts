/**
 * Subscriptions (2026-07-28): `subscriptions/listen` opens a stream of the notifications the client
 * asks for; it replaces `resources/subscribe` and the connection-wide `list_changed` notifications.
 */
import * as z from 'zod';
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
export const SubscriptionFilterSchema: z.ZodType<SubscriptionFilter> = z.looseObject({
  toolsListChanged: z.boolean().optional(),
  promptsListChanged: z.boolean().optional(),
  resourcesListChanged: z.boolean().optional(),
  resourceSubscriptions: z.array(z.string()).optional(),
});

/** Params of `subscriptions/listen`. */
export interface SubscriptionsListenRequestParams {
  notifications: SubscriptionFilter;
  _meta: ModernRequestMeta;
}

/** Schema of {@link SubscriptionsListenRequestParams}. */
export const SubscriptionsListenRequestParamsSchema: z.ZodType<SubscriptionsListenRequestParams> =
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
export const SubscriptionsListenResultSchema: z.ZodType<SubscriptionsListenResult> = z.looseObject({
  resultType: z.literal(ResultType.Complete),
  _meta: z.looseObject({
    'io.modelcontextprotocol/subscriptionId': RequestIdSchema,
    'io.modelcontextprotocol/serverInfo': ImplementationSchema.optional(),
  }),
});

/** Params of `notifications/subscriptions/acknowledged`: the filter the server will honour. */
export interface SubscriptionsAcknowledgedNotificationParams {
  notifications: SubscriptionFilter;
  _meta?: NotificationMeta | undefined;
}

/** Schema of {@link SubscriptionsAcknowledgedNotificationParams}. */
export const SubscriptionsAcknowledgedNotificationParamsSchema: z.ZodType<SubscriptionsAcknowledgedNotificationParams> =
  z.looseObject({ notifications: SubscriptionFilterSchema, _meta: NotificationMetaSchema.optional() });
