/**
 * The public types of the dual-era MCP server (`McpServer`): registration configs, handlers, the
 * context every handler receives, handles, options and connections. One API serves both eras: the
 * server picks legacy (initialize handshake) or modern (2026-07-28, stateless) per connection and
 * request, and handlers never see the difference except through `ctx.era`.
 */
import type * as z from 'zod';
import type { ProtocolEngine } from '../engine/engine.js';
import type { EngineOptions } from '../engine/options.js';
import type { JSONRPCNotification, RequestId } from '../jsonrpc.js';
import type { RequestInfo } from '../transport.js';
import type { Icon, Implementation, Meta } from '../types/base.js';
import type { ClientCapabilities, ServerCapabilities } from '../types/capabilities.js';
import type { ContentBlock, Resource, ResourceContents } from '../types/content.js';
import type { ElicitRequestParams, ElicitResult } from '../types/elicitation.js';
import type { LoggingLevel } from '../types/logging.js';
import type { CacheHints, CacheScope } from '../types/modern.js';
import type { PromptArgument, PromptMessage } from '../types/prompts.js';
import type { ProtocolEra, ProtocolVersion } from '../types/revisions.js';
import type { ListRootsResult } from '../types/roots.js';
import type { CreateMessageRequestParams, CreateMessageResult } from '../types/sampling.js';
import type { ToolAnnotations } from '../types/tool-definition.js';

/** A JSON Schema object; 2020-12 unless its `$schema` says otherwise. */
export type JsonSchemaObject = { [key: string]: unknown };

/**
 * A schema given at registration: a zod schema (advertised as JSON Schema 2020-12), an object of zod
 * schemas (the official SDK's "raw shape", taken as `z.object(shape)`), or a plain JSON Schema.
 */
export type SchemaSource = z.ZodType | JsonSchemaObject;

/** The value a {@link SchemaSource} describes: zod's output type, or a plain object for JSON Schema. */
export type InferSchema<S> = S extends z.ZodType
  ? z.output<S>
  : S extends { [key: string]: z.ZodType }
    ? z.output<z.ZodObject<S>>
    : { [key: string]: unknown };

/** What every handler knows about the request it serves, in either era. */
export interface BaseContext {
  /** Aborted when the client cancels the request or the connection closes. */
  readonly signal: AbortSignal;
  /** The JSON-RPC id of the request (a modern retry after `input_required` has a new id). */
  readonly requestId: RequestId;
  /** `legacy` after an `initialize` handshake, `modern` for a 2026-07-28 request. */
  readonly era: ProtocolEra;
  /** The negotiated (legacy) or requested (modern) revision. */
  readonly protocolVersion: ProtocolVersion;
  /** The client's self-reported name and version; for display and logs, never for decisions. */
  readonly clientInfo: Implementation | undefined;
  /** What the client declared: in `initialize` (legacy) or in this request's `_meta` (modern). */
  readonly clientCapabilities: ClientCapabilities;
  /** What the transport's authentication hook returned for this message (`MessageExtraInfo.authInfo`). */
  readonly authInfo: unknown;
  /** The HTTP request that carried the message (headers, URL), where the transport has one. */
  readonly requestInfo: RequestInfo | undefined;
  /** The request's `_meta`, as received. */
  readonly meta: { [key: string]: unknown } | undefined;
}

/** Per-call options of the input methods of {@link ServerContext}. */
export interface InputOptions {
  /** Legacy era: how long to wait for the client's answer, in ms. @default the engine's `defaultTimeoutMs` */
  timeoutMs?: number | undefined;
  /**
   * Modern era: this input's key in `inputRequests` (and the client's `inputResponses`). Non-empty, at
   * most 128 characters, unique within the request; a bad or duplicate key is a server bug, answered
   * -32603 and reported to `onerror`. The legacy era sends a plain request and ignores it.
   * @default `input-<n>`, n counting this request's input calls without a key, in call order
   */
  key?: string | undefined;
  /**
   * Modern era: take this input's answer only from a retry that echoes the `requestState` of the
   * round that asked for it. An answer sent "cold" (in `inputResponses` without a `requestState`,
   * which the spec lets clients send and this server otherwise accepts as a first-round answer) is
   * ignored and the input asked again. For answers that must follow a question this server asked.
   * @default false
   */
  requireRequestState?: boolean | undefined;
}

/** Per-call options of {@link ServerContext.elicit}. */
export interface ElicitOptions extends InputOptions {
  /**
   * URL mode, 2025-11-25 sessions: called with the `elicitationId` the client is sent (the one in the
   * params, else a generated one) just before the request goes out, so the out-of-band flow can end it
   * with `server.completeElicitation(id)`. Not called for forms, for revisions without URL mode, nor in
   * the modern era (2026-07-28 URL elicitations carry no id: the client's retry correlates them).
   */
  onElicitationId?: ((elicitationId: string) => void) | undefined;
}

/**
 * The context of a tool, prompt or resource handler. The input methods work in both eras: legacy
 * sends a request to the client and awaits the answer; modern answers `input_required` and replays
 * the handler when the client retries, so code before an input call may run more than once.
 */
export interface ServerContext extends BaseContext {
  /** Sends `notifications/progress` when the client asked for progress; a no-op otherwise. */
  sendProgress(progress: number, total?: number, message?: string): Promise<void>;
  /** Sends `notifications/message` for this request when the client's level (session or per-request) lets it through. */
  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void>;
  /**
   * Asks the user for input (form or URL mode); rejects when the client did not declare that mode.
   * An accepted form's `content` is checked against `requestedSchema` first: content that does not
   * match rejects with a ProtocolError -32602 naming the paths (modern era: the request is answered
   * so even if the handler catches it, since the bad answer came in the request's `inputResponses`).
   */
  elicit(params: ElicitRequestParams, options?: ElicitOptions): Promise<ElicitResult>;
  /** Asks the client's model for a completion; rejects when the client did not declare `sampling`. */
  sample(params: CreateMessageRequestParams, options?: InputOptions): Promise<CreateMessageResult>;
  /** Asks the client for its roots; rejects when the client did not declare `roots`. */
  listRoots(options?: InputOptions): Promise<ListRootsResult>;
}

/** What a tool handler returns: `content` defaults to the JSON text of `structuredContent`. */
export interface ToolResult<Structured = unknown> {
  content?: ContentBlock[] | undefined;
  /** Checked against the tool's `outputSchema` unless `isError`; a mismatch is answered -32603. */
  structuredContent?: Structured | undefined;
  /** The tool failed; `content` tells the model why. */
  isError?: boolean | undefined;
  _meta?: Meta | undefined;
}

/** Serves `tools/call`: receives the validated arguments (zod output, defaults applied). */
export type ToolHandler<
  I extends SchemaSource = JsonSchemaObject,
  O extends SchemaSource | undefined = undefined,
> = (
  args: InferSchema<I>,
  ctx: ServerContext,
) =>
  | ToolResult<O extends SchemaSource ? InferSchema<O> : unknown>
  | Promise<ToolResult<O extends SchemaSource ? InferSchema<O> : unknown>>;

/** How a tool is described and validated. */
export interface ToolConfig<
  I extends SchemaSource = JsonSchemaObject,
  O extends SchemaSource | undefined = undefined,
> {
  title?: string | undefined;
  description?: string | undefined;
  /** Validates the arguments before the handler runs. @default `{ type: 'object' }` (any object) */
  inputSchema?: I | undefined;
  /** Describes `structuredContent`; the server checks every successful result against it. */
  outputSchema?: O | undefined;
  annotations?: ToolAnnotations | undefined;
  icons?: Icon[] | undefined;
  _meta?: Meta | undefined;
}

/** What `update()` of a registered tool may change; every change sends a list-changed notification. */
export interface ToolUpdate {
  title?: string | undefined;
  description?: string | undefined;
  inputSchema?: SchemaSource | undefined;
  outputSchema?: SchemaSource | undefined;
  annotations?: ToolAnnotations | undefined;
  icons?: Icon[] | undefined;
  _meta?: Meta | undefined;
  handler?: ToolHandler<SchemaSource, SchemaSource | undefined> | undefined;
}

/** The handle of a registered tool. */
export interface RegisteredTool {
  readonly name: string;
  /** Changes the tool in place (its position in `tools/list` stays). */
  update(changes: ToolUpdate): void;
  /** Unregisters the tool; idempotent. */
  remove(): void;
}

/** What `resources/read` handlers return; legacy clients never see the cache hints. */
export interface ResourceReadResult {
  contents: ResourceContents[];
  /** Overrides the server's `cacheHints['resources/read']` for this result (modern era). */
  ttlMs?: number | undefined;
  cacheScope?: CacheScope | undefined;
  _meta?: Meta | undefined;
}

/** How a fixed resource is described in `resources/list`. */
export interface ResourceMetadata {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  mimeType?: string | undefined;
  size?: number | undefined;
  annotations?: Resource['annotations'];
  icons?: Icon[] | undefined;
  _meta?: Meta | undefined;
}

/** Serves `resources/read` of one fixed URI. */
export type ResourceHandler = (
  uri: string,
  ctx: ServerContext,
) => ResourceReadResult | Promise<ResourceReadResult>;

/** The handle of a registered resource. */
export interface RegisteredResource {
  readonly uri: string;
  update(changes: Partial<ResourceMetadata> & { handler?: ResourceHandler | undefined }): void;
  remove(): void;
}

/** Variables matched from a URI by a template (`{+path}` and friends may give lists). */
export type TemplateVariables = { [name: string]: string | string[] };

/** Serves `resources/read` of every URI a template matches. */
export type ResourceTemplateHandler = (
  uri: string,
  variables: TemplateVariables,
  ctx: ServerContext,
) => ResourceReadResult | Promise<ResourceReadResult>;

/** How a resource template is described in `resources/templates/list`. */
export interface ResourceTemplateMetadata {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  mimeType?: string | undefined;
  annotations?: Resource['annotations'];
  icons?: Icon[] | undefined;
  _meta?: Meta | undefined;
}

/** The context of completers and of a template's `list`: no input methods, no progress. */
export interface CompletionContext extends BaseContext {
  /** Values of arguments the client already resolved (`context.arguments`). */
  readonly arguments: { [name: string]: string };
}

/** Suggests values for one argument or template variable; at most 100 are sent. */
export type Completer = (value: string, ctx: CompletionContext) => string[] | Promise<string[]>;

/** Extras of a resource template. */
export interface ResourceTemplateOptions {
  /** Lists concrete resources of the template in `resources/list`. */
  list?: ((ctx: BaseContext) => Resource[] | Promise<Resource[]>) | undefined;
  /** Completers for the template's variables, by variable name. */
  complete?: { [variable: string]: Completer } | undefined;
}

/** The handle of a registered resource template. */
export interface RegisteredResourceTemplate {
  readonly uriTemplate: string;
  update(
    changes: Partial<ResourceTemplateMetadata> &
      ResourceTemplateOptions & { handler?: ResourceTemplateHandler | undefined },
  ): void;
  remove(): void;
}

/** A prompt's arguments: a zod object schema of string fields, or a plain list (values then arrive unchecked). */
export type PromptArgsSource = z.ZodObject | PromptArgument[];

/** The arguments a prompt handler receives. */
export type InferPromptArgs<A> = A extends z.ZodType ? z.output<A> : { [name: string]: string | undefined };

/** What `prompts/get` handlers return. */
export interface PromptResult {
  description?: string | undefined;
  messages: PromptMessage[];
  _meta?: Meta | undefined;
}

/** Serves `prompts/get` with validated arguments. */
export type PromptHandler<A extends PromptArgsSource = PromptArgument[]> = (
  args: InferPromptArgs<A>,
  ctx: ServerContext,
) => PromptResult | Promise<PromptResult>;

/** How a prompt is described, validated and completed. */
export interface PromptConfig<A extends PromptArgsSource = PromptArgument[]> {
  title?: string | undefined;
  description?: string | undefined;
  /** Missing required arguments or a zod failure are answered -32602. */
  argsSchema?: A | undefined;
  /** Completers for the prompt's arguments, by argument name. */
  complete?: { [argument: string]: Completer } | undefined;
  icons?: Icon[] | undefined;
  _meta?: Meta | undefined;
}

/** The handle of a registered prompt. */
export interface RegisteredPrompt {
  readonly name: string;
  update(
    changes: PromptConfig<PromptArgsSource> & { handler?: PromptHandler<PromptArgsSource> | undefined },
  ): void;
  remove(): void;
}

/** The methods whose modern results carry cache hints. */
export type CacheableMethod =
  | 'server/discover'
  | 'tools/list'
  | 'prompts/list'
  | 'resources/list'
  | 'resources/templates/list'
  | 'resources/read';

/** Options of an {@link McpServer}. Every count and time is bounded by default. */
export interface McpServerOptions {
  /** How to use this server, for the model (`initialize` and `server/discover`). */
  instructions?: string | undefined;
  /**
   * Overrides the capabilities derived from what is registered, key by key; a key set to `undefined`
   * removes it. @default tools/resources/prompts/completions as registered, and `logging: {}`
   */
  capabilities?: ServerCapabilities | undefined;
  /** The revisions this server speaks; the rest are refused or negotiated away. @default every supported revision */
  supportedVersions?: readonly ProtocolVersion[] | undefined;
  /** Options of the engine each connection gets (timeouts, limits, timers). */
  engine?: EngineOptions | undefined;
  /** Items per page of `tools/list`, `prompts/list`, `resources/list`, `resources/templates/list`. @default 100 */
  pageSize?: number | undefined;
  /**
   * Cache hints of modern results, by method.
   * @default `{ ttlMs: 0, cacheScope: 'public' }` for lists and discover, `{ ttlMs: 0, cacheScope: 'private' }` for `resources/read`
   */
  cacheHints?: { [M in CacheableMethod]?: CacheHints } | undefined;
  /** Put `io.modelcontextprotocol/serverInfo` in the `_meta` of every modern result. @default true */
  includeServerInfo?: boolean | undefined;
  /**
   * Key of the HMAC that protects `requestState` (modern multi round-trip requests), at least 32
   * bytes (a string counts its UTF-8 bytes). A fleet of processes serving one endpoint must share it.
   * A list rotates keys: the first signs, every one verifies, so states in flight survive a new key
   * put first; drop the old one after `requestStateTtlMs`.
   * @default 32 random bytes per server instance (states are valid on this instance only)
   */
  requestStateKey?: string | Uint8Array | readonly (string | Uint8Array)[] | undefined;
  /** How long a `requestState` stays valid, in ms. @default 600_000 */
  requestStateTtlMs?: number | undefined;
  /** Input rounds one modern request may take before it is refused (-32602). @default 8 */
  maxInputRounds?: number | undefined;
  /**
   * Names the authenticated principal of a request, bound into `requestState` (as a keyed MAC).
   * @default `authInfo.subject`, `.sub`, `.userId` or `.clientId`, else `token:` and `authInfo.token`
   */
  principalOf?: ((authInfo: unknown) => string | undefined) | undefined;
  /**
   * Open `subscriptions/listen` streams across all connections, and `resources/subscribe` URIs per
   * legacy connection; beyond it the request is answered -32603 with `data.limit`. @default 1024
   */
  maxSubscriptions?: number | undefined;
  /**
   * Open `subscriptions/listen` streams one principal may hold (an unauthenticated request counts
   * against its `requestInfo.remoteAddress`, where the transport knows it), so that one client cannot
   * take every slot of `maxSubscriptions`; beyond it -32603 with `data.limit`. @default 64
   */
  maxSubscriptionsPerPrincipal?: number | undefined;
  /**
   * Characters of a URI a session keeps: a `resources/subscribe` URI, or one in a listen filter's
   * `resourceSubscriptions` (longer: -32602). @default 8192
   */
  maxUriChars?: number | undefined;
  /** JSON characters of the `clientInfo` a legacy session keeps from `initialize` (larger: -32602). @default 16384 */
  maxClientInfoChars?: number | undefined;
  /**
   * URL-mode elicitation ids each legacy session remembers for `completeElicitation` (the oldest is
   * forgotten beyond it; all go when the connection closes). @default 1024
   */
  maxUrlElicitationIds?: number | undefined;
  /** Validate every result against the revision's schema before sending (a failure is answered -32603). @default false */
  validateResults?: boolean | undefined;
  /** Wall clock for `requestState` expiry, in ms since the epoch. @default Date.now */
  now?: (() => number) | undefined;
}

/** One client connection of an {@link McpServer}. */
export interface ServerConnection {
  /** The engine under this connection. */
  readonly engine: ProtocolEngine;
  /** `legacy` once `initialize` was answered; `undefined` before (modern requests leave it so: they are stateless). */
  readonly era: ProtocolEra | undefined;
  /** The negotiated legacy revision, or undefined. */
  readonly protocolVersion: ProtocolVersion | undefined;
  /** The client's `clientInfo` from `initialize`, or undefined. */
  readonly clientInfo: Implementation | undefined;
  /** The client's capabilities from `initialize`, or undefined. */
  readonly clientCapabilities: ClientCapabilities | undefined;
  /** True once the connection closed, whoever closed it. */
  readonly closed: boolean;
  /** Closes this connection: its handlers are aborted, its listen streams end. */
  close(): Promise<void>;
}

/** What {@link McpServer.handleModernRequest} needs from the transport that carried the request. */
export interface ModernRequestContext {
  /** What the transport's authentication hook returned; bound into `requestState`. */
  authInfo?: unknown;
  /** The HTTP request that carried the request (handlers read it as `ctx.requestInfo`). */
  requestInfo?: RequestInfo | undefined;
  /** Aborts the handler (the client disconnected or cancelled). */
  signal?: AbortSignal | undefined;
  /** Delivers notifications of this request (progress, log messages, listen-stream events). */
  sendNotification?: ((notification: JSONRPCNotification) => void | Promise<void>) | undefined;
}
