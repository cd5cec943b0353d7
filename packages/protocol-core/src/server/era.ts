/**
 * The seam between the shared server code and the two eras. Each era implements {@link Era} (admit a
 * request and serve it) and hands the shared feature code a {@link RequestRules} (what the handler's
 * context says, how results are shaped, how input is obtained from the client). Everything that
 * differs between legacy and modern lives behind these two interfaces, in `legacy-era.ts` and
 * `modern-era.ts`; the shared code never looks at a version string.
 */
import type { RequestOptions } from '../engine/options.js';
import type { ProtocolError } from '../errors.js';
import type { JSONRPCParams, RequestId } from '../jsonrpc.js';
import type { MessageExtraInfo } from '../transport.js';
import type { Implementation } from '../types/base.js';
import type { ClientCapabilities } from '../types/capabilities.js';
import type { ProtocolEra, ProtocolVersion } from '../types/revisions.js';
import type { InputOptions } from './types.js';

/** The server-to-client requests a handler may need answered (input requests, in the modern era). */
export type InputMethod = 'elicitation/create' | 'sampling/createMessage' | 'roots/list';

/**
 * How a request talks back to its client. The engine's `HandlerContext` is one (connection path);
 * `handleModernRequest` builds another from the caller's context.
 */
export interface RequestChannel {
  readonly requestId: RequestId;
  readonly signal: AbortSignal;
  /** The request's `params._meta`, or undefined. */
  readonly meta: JSONRPCParams | undefined;
  readonly extra: MessageExtraInfo | undefined;
  /** True when the request has a stream of its own (HTTP); false or absent on a shared channel (stdio). */
  readonly perRequestStream?: boolean | undefined;
  /** Sends a notification tied to this request. */
  notify(method: string, params?: JSONRPCParams): Promise<void>;
  /** Sends `notifications/progress` when the request carries a progress token. */
  sendProgress(progress: number, total?: number, message?: string): Promise<void>;
  /** Sends a request to the client, tied to this one (connection path only). */
  request?(method: string, params?: JSONRPCParams, options?: RequestOptions): Promise<JSONRPCParams>;
}

/** The era-specific rules one request is served under. */
export interface RequestRules {
  readonly era: ProtocolEra;
  readonly protocolVersion: ProtocolVersion;
  readonly clientInfo: Implementation | undefined;
  readonly clientCapabilities: ClientCapabilities;
  /** Invalid tool arguments are a tool result with `isError` (2025-11-25 on), not a -32602 error. */
  readonly toolInputErrorsAsResults: boolean;
  /** The revision has `outputSchema` and `structuredContent` (2025-06-18 on). */
  readonly structuredContent: boolean;
  /** Index in `LOGGING_LEVELS` of the least severe level sent for this request; undefined sends none. */
  logThreshold(meta: JSONRPCParams | undefined): number | undefined;
  /** The error for `resources/read` of an unknown URI. */
  resourceNotFound(uri: string): ProtocolError;
  /** Shapes a completed result for the wire (modern: `resultType`, server info, cache hints). */
  finish(method: string, result: JSONRPCParams): JSONRPCParams;
  /** Obtains a client's answer to an input request, or rejects (missing capability, timeout, input required). */
  input(
    method: InputMethod,
    params: JSONRPCParams | undefined,
    channel: RequestChannel,
    options: InputOptions | undefined,
  ): Promise<JSONRPCParams>;
  /**
   * What a handler's -32042 (URL elicitation required) becomes: legacy sends it, remembering its ids,
   * or refuses when the session cannot take URL mode; modern turns it into input requests (the
   * returned signal). Called on the failure path of handlers only.
   */
  urlElicitationRequired(error: ProtocolError, channel: RequestChannel): Error;
}

/** One era's way of serving requests: admission, its own methods, then the shared features. */
export interface Era {
  /** Serves one request and resolves with the shaped result; throws a ProtocolError to answer an error. */
  serve(
    method: string,
    params: JSONRPCParams | undefined,
    channel: RequestChannel,
  ): JSONRPCParams | Promise<JSONRPCParams>;
}
