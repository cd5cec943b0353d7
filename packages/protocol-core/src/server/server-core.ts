/**
 * The state one `McpServer` shares between its connections and eras: resolved options, the
 * registries, the change fanout, open listen streams, the `requestState` codec, and the derived
 * capabilities (cached until a registry changes). Internal; `McpServer` is the public face.
 */
import { ErrorCode } from '../error-codes.js';
import { ProtocolError } from '../errors.js';
import type { EngineOptions } from '../engine/options.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { Implementation } from '../types/base.js';
import type { ServerCapabilities } from '../types/capabilities.js';
import { parseResult } from '../types/methods.js';
import type { CacheHints, CacheScope } from '../types/modern.js';
import {
  eraOf,
  type ProtocolVersion,
  SUPPORTED_PROTOCOL_VERSIONS,
  isSupportedProtocolVersion,
} from '../types/revisions.js';
import { deriveCapabilities, type RegisteredFeatures } from './capabilities.js';
import type { PromptEntry } from './features/prompts.js';
import type { ResourceEntry, TemplateEntry } from './features/resources.js';
import type { ToolEntry } from './features/tools.js';
import { Registry } from './registry.js';
import { RequestStateCodec } from './request-state.js';
import { ChangeFanout, type ListenStream } from './subscriptions.js';
import type { CacheableMethod, McpServerOptions } from './types.js';
import { UrlElicitations } from './url-elicitations.js';

/** Cache hints with both members set. */
export interface ResolvedCacheHints {
  ttlMs: number;
  cacheScope: CacheScope;
}

/** {@link McpServerOptions} with defaults applied. */
export interface ResolvedServerOptions {
  instructions: string | undefined;
  capabilityOverrides: ServerCapabilities | undefined;
  /** Supported revisions, newest first, and split by era. */
  supportedVersions: readonly ProtocolVersion[];
  legacyVersions: readonly ProtocolVersion[];
  modernVersions: readonly ProtocolVersion[];
  engine: EngineOptions | undefined;
  pageSize: number;
  cacheHints: { readonly [M in CacheableMethod]: ResolvedCacheHints };
  includeServerInfo: boolean;
  requestStateTtlMs: number;
  maxInputRounds: number;
  principalOf: (authInfo: unknown) => string | undefined;
  maxSubscriptions: number;
  maxSubscriptionsPerPrincipal: number;
  maxUriChars: number;
  maxClientInfoChars: number;
  maxUrlElicitationIds: number;
  validateResults: boolean;
  now: () => number;
}

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`McpServerOptions.${name} must be an integer >= 1, got ${value}`);
  return value;
}

/** Reads the usual principal fields of an auth-info object; a bare token is named by itself (digested later). */
function defaultPrincipalOf(authInfo: unknown): string | undefined {
  if (typeof authInfo !== 'object' || authInfo === null) return undefined;
  const info = authInfo as { [key: string]: unknown };
  for (const key of ['subject', 'sub', 'userId', 'clientId']) {
    const value = info[key];
    if (typeof value === 'string' && value !== '') return `${key}:${value}`;
  }
  const token = info['token'];
  return typeof token === 'string' && token !== '' ? `token:${token}` : undefined;
}

function resolveHints(given: McpServerOptions['cacheHints']): ResolvedServerOptions['cacheHints'] {
  const hint = (method: CacheableMethod, scope: CacheScope): ResolvedCacheHints => {
    const value: CacheHints | undefined = given?.[method];
    const ttlMs = value?.ttlMs ?? 0;
    if (!Number.isSafeInteger(ttlMs) || ttlMs < 0)
      throw new RangeError(`cacheHints["${method}"].ttlMs must be an integer >= 0`);
    return { ttlMs, cacheScope: value?.cacheScope ?? scope };
  };
  return {
    'server/discover': hint('server/discover', 'public'),
    'tools/list': hint('tools/list', 'public'),
    'prompts/list': hint('prompts/list', 'public'),
    'resources/list': hint('resources/list', 'public'),
    'resources/templates/list': hint('resources/templates/list', 'public'),
    // A read may depend on who asks: never shared across authorization contexts unless configured.
    'resources/read': hint('resources/read', 'private'),
  };
}

/** Applies the defaults and range-checks; throws RangeError on a bad value. */
export function resolveServerOptions(options: McpServerOptions | undefined): ResolvedServerOptions {
  const requested = options?.supportedVersions ?? SUPPORTED_PROTOCOL_VERSIONS;
  for (const version of requested) {
    if (!isSupportedProtocolVersion(version))
      throw new RangeError(`McpServerOptions.supportedVersions: unknown revision "${version}"`);
  }
  // Newest first, whatever order was given: that is the order of preference.
  const supportedVersions = SUPPORTED_PROTOCOL_VERSIONS.filter((version) => requested.includes(version));
  if (supportedVersions.length === 0)
    throw new RangeError('McpServerOptions.supportedVersions must name at least one revision');
  const ttl = options?.requestStateTtlMs ?? 600_000;
  if (!(ttl > 0)) throw new RangeError(`McpServerOptions.requestStateTtlMs must be > 0, got ${ttl}`);
  return {
    instructions: options?.instructions,
    capabilityOverrides: options?.capabilities,
    supportedVersions,
    legacyVersions: supportedVersions.filter((version) => eraOf(version) === 'legacy'),
    modernVersions: supportedVersions.filter((version) => eraOf(version) === 'modern'),
    engine: options?.engine,
    pageSize: positiveInt('pageSize', options?.pageSize, 100),
    cacheHints: resolveHints(options?.cacheHints),
    includeServerInfo: options?.includeServerInfo ?? true,
    requestStateTtlMs: ttl,
    maxInputRounds: positiveInt('maxInputRounds', options?.maxInputRounds, 8),
    principalOf: options?.principalOf ?? defaultPrincipalOf,
    maxSubscriptions: positiveInt('maxSubscriptions', options?.maxSubscriptions, 1024),
    maxSubscriptionsPerPrincipal: positiveInt(
      'maxSubscriptionsPerPrincipal',
      options?.maxSubscriptionsPerPrincipal,
      64,
    ),
    maxUriChars: positiveInt('maxUriChars', options?.maxUriChars, 8192),
    maxClientInfoChars: positiveInt('maxClientInfoChars', options?.maxClientInfoChars, 16_384),
    maxUrlElicitationIds: positiveInt('maxUrlElicitationIds', options?.maxUrlElicitationIds, 1024),
    validateResults: options?.validateResults ?? false,
    now: options?.now ?? Date.now,
  };
}

/** Everything the eras and features share. */
export class ServerCore {
  readonly info: Implementation;
  readonly options: ResolvedServerOptions;
  readonly fanout: ChangeFanout = new ChangeFanout();
  readonly streams: Set<ListenStream> = new Set();
  /** Open listen streams by owner (principal, or remote address when unauthenticated). */
  readonly streamOwners: Map<string, number> = new Map();
  readonly requestState: RequestStateCodec;
  /** Pending URL-mode elicitation ids of legacy sessions, for `completeElicitation`. */
  readonly urlElicitations: UrlElicitations;
  readonly tools: Registry<ToolEntry>;
  readonly resources: Registry<ResourceEntry>;
  readonly templates: Registry<TemplateEntry>;
  readonly prompts: Registry<PromptEntry>;
  /** Reports a non-fatal error (the server's `onerror`). */
  readonly report: (error: unknown) => void;
  #capabilities: ServerCapabilities | undefined = undefined;
  readonly #declared: RegisteredFeatures = {
    tools: false,
    resources: false,
    prompts: false,
    completions: false,
  };

  constructor(info: Implementation, options: McpServerOptions | undefined, report: (error: unknown) => void) {
    this.info = info;
    this.options = resolveServerOptions(options);
    this.requestState = new RequestStateCodec(options?.requestStateKey);
    this.urlElicitations = new UrlElicitations(this.options.maxUrlElicitationIds);
    this.report = report;
    this.tools = new Registry('tool', () => this.#changed('tools'));
    this.resources = new Registry('resource', () => this.#changed('resources'));
    this.templates = new Registry('resource template', () => this.#changed('resources'));
    this.prompts = new Registry('prompt', () => this.#changed('prompts'));
  }

  /**
   * The declared capabilities; cached until a registry changes. A feature stays declared once it had
   * a registration: clients negotiated it, and an empty list is a valid answer (a vanishing
   * capability would turn `tools/list` into -32601 mid-session).
   */
  capabilities(): ServerCapabilities {
    if (this.#capabilities !== undefined) return this.#capabilities;
    const declared = this.#declared;
    declared.tools ||= this.tools.size > 0;
    declared.resources ||= this.resources.size > 0 || this.templates.size > 0;
    declared.prompts ||= this.prompts.size > 0;
    declared.completions ||=
      this.prompts.values().some((entry) => entry.complete !== undefined) ||
      this.templates.values().some((entry) => entry.complete !== undefined);
    this.#capabilities = deriveCapabilities(declared, this.options.capabilityOverrides);
    return this.#capabilities;
  }

  /**
   * With `validateResults`, checks a shaped result against the revision's schema; a failure is the
   * server's bug: reported, and answered -32603 instead of sending an invalid message.
   */
  checkResult(method: string, result: JSONRPCParams, version: ProtocolVersion): JSONRPCParams {
    if (!this.options.validateResults) return result;
    const parsed = parseResult(method, result, version);
    if (parsed.ok) return result;
    this.report(new Error(`Refusing to send an invalid ${method} result (${version}): ${parsed.error}`));
    throw new ProtocolError(ErrorCode.InternalError, 'Internal error');
  }

  /** Any registry change may add a feature, and is announced (coalesced) to every listener. */
  #changed(kind: 'tools' | 'prompts' | 'resources'): void {
    this.#capabilities = undefined;
    this.fanout.listChanged(kind);
  }
}
