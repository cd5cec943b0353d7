/**
 * The client's notification handlers, both eras: a `list_changed` makes the cached pages of that list
 * stale (spec `server/utilities/caching`: a notification invalidates at once) before anyone is told;
 * the rest is routed to listeners and subscriptions. Malformed params are reported and dropped, as
 * the spec asks of invalid notifications.
 */
import type { ProtocolEngine } from '../engine/engine.js';
import { excerptOf, TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import { ElicitationCompleteNotificationParamsSchema } from '../types/elicitation.js';
import { LoggingMessageNotificationParamsSchema } from '../types/logging.js';
import { ResourceUpdatedNotificationParamsSchema } from '../types/resources.js';
import type { ElicitationCompletions } from './elicitation-complete.js';
import type { ClientListCache } from './list-cache.js';
import { LIST_CHANGED_METHODS, type ListKind, type NotificationRouter } from './notification-router.js';
import type { ToolOutputValidator } from './tool-output.js';

/** The list methods whose cached pages each kind of `list_changed` makes stale. */
const STALE_LISTS: Readonly<Record<ListKind, readonly string[]>> = {
  tools: ['tools/list'],
  prompts: ['prompts/list'],
  // Templates are resources too; a server adding one announces it as a resource list change.
  resources: ['resources/list', 'resources/templates/list'],
};

/** What the handlers act on. */
export interface NotificationTargets {
  readonly router: NotificationRouter;
  readonly completions: ElicitationCompletions;
  readonly cache: ClientListCache | undefined;
  readonly toolOutput: ToolOutputValidator;
  readonly report: (error: unknown) => void;
}

function malformed(method: string, error: string): TransportError {
  return new TransportError(
    TransportErrorCode.InvalidMessage,
    excerptOf(`Ignored a malformed ${method}: ${error}`),
    { method },
  );
}

/** Registers the client's notification handlers on its engine. */
export function installNotificationHandlers(engine: ProtocolEngine, targets: NotificationTargets): void {
  const { router, completions, cache, toolOutput, report } = targets;
  for (const kind of Object.keys(LIST_CHANGED_METHODS) as ListKind[]) {
    engine.setNotificationHandler(LIST_CHANGED_METHODS[kind], (params) => {
      for (const method of STALE_LISTS[kind]) cache?.invalidate(method);
      // The output schemas came from the old list: learn them again on the next callTool.
      if (kind === 'tools') toolOutput.forget();
      router.listChanged(kind, params);
    });
  }
  engine.setNotificationHandler('notifications/resources/updated', (params) => {
    const parsed = ResourceUpdatedNotificationParamsSchema.safeParse(params);
    if (!parsed.success) return report(malformed('notifications/resources/updated', parsed.error.message));
    router.resourceUpdated(parsed.data, params);
  });
  engine.setNotificationHandler('notifications/message', (params) => {
    const parsed = LoggingMessageNotificationParamsSchema.safeParse(params);
    if (!parsed.success) return report(malformed('notifications/message', parsed.error.message));
    router.logMessage(parsed.data);
  });
  // 2025-11-25 only; an id the client was never given (or already completed) is ignored, as the spec asks.
  engine.setNotificationHandler('notifications/elicitation/complete', (params) => {
    const parsed = ElicitationCompleteNotificationParamsSchema.safeParse(params);
    if (!parsed.success) return report(malformed('notifications/elicitation/complete', parsed.error.message));
    completions.complete(parsed.data);
  });
  engine.setNotificationHandler(
    'notifications/subscriptions/acknowledged',
    (params: JSONRPCParams | undefined) => router.acknowledged(params),
  );
  // The engine has already treated it as a cancellation of an incoming request; a modern server
  // sends it only to end a subscription, which is what the router checks.
  engine.setNotificationHandler('notifications/cancelled', (params) => router.cancelled(params));
}
