/**
 * The context handlers receive: one object per request, reading everything from the request's
 * channel and its era's rules, so that the same handler code runs in both eras.
 */
import type { JSONRPCParams, RequestId } from '../jsonrpc.js';
import type { RequestInfo } from '../transport.js';
import type { Implementation } from '../types/base.js';
import type { ClientCapabilities } from '../types/capabilities.js';
import type { ElicitRequestParams, ElicitResult } from '../types/elicitation.js';
import { LOGGING_LEVELS, type LoggingLevel } from '../types/logging.js';
import type { ProtocolEra, ProtocolVersion } from '../types/revisions.js';
import type { ListRootsResult } from '../types/roots.js';
import type { CreateMessageRequestParams, CreateMessageResult } from '../types/sampling.js';
import type { RequestChannel, RequestRules } from './era.js';
import type { CompletionContext, ElicitOptions, InputOptions, ServerContext } from './types.js';

const LEVEL_INDEX: ReadonlyMap<string, number> = new Map(
  LOGGING_LEVELS.map((level, index) => [level, index]),
);

/** The index of a level in `LOGGING_LEVELS` (least severe first), or undefined for an unknown one. */
export function levelIndex(level: unknown): number | undefined {
  return typeof level === 'string' ? LEVEL_INDEX.get(level) : undefined;
}

/** The {@link ServerContext} (and {@link CompletionContext}) of one request. */
export class RequestContext implements ServerContext, CompletionContext {
  readonly #rules: RequestRules;
  readonly #channel: RequestChannel;
  #arguments: { [name: string]: string } | undefined;

  constructor(rules: RequestRules, channel: RequestChannel, args?: { [name: string]: string }) {
    this.#rules = rules;
    this.#channel = channel;
    this.#arguments = args;
  }

  /** Completion only: the arguments the client already resolved. */
  get arguments(): { [name: string]: string } {
    // Made on first read: only completion handlers read it, and an empty object per tool call is garbage.
    this.#arguments ??= {};
    return this.#arguments;
  }

  // Getters, not copies: most handlers read one or two of these, and the engine makes its signal lazily.
  get signal(): AbortSignal {
    return this.#channel.signal;
  }

  get requestId(): RequestId {
    return this.#channel.requestId;
  }

  get era(): ProtocolEra {
    return this.#rules.era;
  }

  get protocolVersion(): ProtocolVersion {
    return this.#rules.protocolVersion;
  }

  get clientInfo(): Implementation | undefined {
    return this.#rules.clientInfo;
  }

  get clientCapabilities(): ClientCapabilities {
    return this.#rules.clientCapabilities;
  }

  /** Whatever the transport's auth hook attached; the server only digests it into `requestState`. */
  get authInfo(): unknown {
    return this.#channel.extra?.authInfo;
  }

  get requestInfo(): RequestInfo | undefined {
    return this.#channel.extra?.requestInfo;
  }

  get meta(): { [key: string]: unknown } | undefined {
    return this.#channel.meta;
  }

  sendProgress(progress: number, total?: number, message?: string): Promise<void> {
    return this.#channel.sendProgress(progress, total, message);
  }

  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void> {
    // The era decides the threshold: the session's setLevel (legacy) or this request's `_meta` (modern).
    const threshold = this.#rules.logThreshold(this.#channel.meta);
    const index = levelIndex(level);
    if (threshold === undefined || index === undefined || index < threshold) return Promise.resolve();
    const params: JSONRPCParams = { level, data };
    if (logger !== undefined) params['logger'] = logger;
    return this.#channel.notify('notifications/message', params);
  }

  elicit(params: ElicitRequestParams, options?: ElicitOptions): Promise<ElicitResult> {
    return this.#input(
      'elicitation/create',
      params as unknown as JSONRPCParams,
      options,
    ) as Promise<unknown> as Promise<ElicitResult>;
  }

  sample(params: CreateMessageRequestParams, options?: InputOptions): Promise<CreateMessageResult> {
    return this.#input(
      'sampling/createMessage',
      params as unknown as JSONRPCParams,
      options,
    ) as Promise<unknown> as Promise<CreateMessageResult>;
  }

  listRoots(options?: InputOptions): Promise<ListRootsResult> {
    return this.#input('roots/list', undefined, options) as Promise<unknown> as Promise<ListRootsResult>;
  }

  /** Input methods never throw synchronously: an era that refuses at once still yields a rejected promise. */
  #input(
    method: 'elicitation/create' | 'sampling/createMessage' | 'roots/list',
    params: JSONRPCParams | undefined,
    options: InputOptions | undefined,
  ): Promise<JSONRPCParams> {
    try {
      return this.#rules.input(method, params, this.#channel, options);
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
