import { ProtocolEngine } from '../engine/engine.js';
import { defaultTimers, type EngineTimers } from '../engine/options.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { Transport } from '../transport.js';
import type { Implementation } from '../types/base.js';
import type { ClientCapabilities, ServerCapabilities } from '../types/capabilities.js';
import type { CompleteResult } from '../types/completion.js';
import type { Resource } from '../types/content.js';
import type { DiscoverResult } from '../types/discover.js';
import type { ElicitationCompleteNotificationParams } from '../types/elicitation.js';
import type { LoggingLevel, LoggingMessageNotificationParams } from '../types/logging.js';
import type { McpMethod } from '../types/method-types.js';
import type { GetPromptResult, ListPromptsResult, Prompt } from '../types/prompts.js';
import type {
  ListResourcesResult,
  ListResourceTemplatesResult,
  ReadResourceResult,
  ResourceTemplate,
  ResourceUpdatedNotificationParams,
} from '../types/resources.js';
import type { ProtocolEra, ProtocolVersion } from '../types/revisions.js';
import type { SubscriptionFilter } from '../types/subscriptions.js';
import type { Tool } from '../types/tool-definition.js';
import type { ListToolsResult } from '../types/tools.js';
import { callOptionsOf, isResultSchema, type ResultSchemaLike } from './call-options.js';
import { deriveCapabilities } from './capabilities.js';
import { MODERN_ROOTS_CAPABILITY } from './modern-driver.js';
import { type EraDriver, notConnected, type Session } from './driver.js';
import { ElicitationCompletions } from './elicitation-complete.js';
import { removeLegacyInputHandlers } from './input-handlers.js';
import { ClientListCache } from './list-cache.js';
import { type ListMethod, ListRequests } from './list-requests.js';
import type { ListenHandle, ListenOptions } from './listen.js';
import type { UriHolds } from './listen-legacy.js';
import { applyDiscover, negotiate } from './negotiate.js';
import type { ListenCallbacks } from './notification-router.js';
import { NotificationRouter } from './notification-router.js';
import { installNotificationHandlers } from './notifications.js';
import {
  type ClientCallOptions,
  type ClientListAllOptions,
  type ClientListOptions,
  type McpClientOptions,
  type ResolvedClientOptions,
  resolveClientOptions,
} from './options.js';
import { SendObserver } from './send-observer.js';
import { ToolOutputValidator } from './tool-output.js';
import type {
  CallToolParams,
  ClientCallToolResult,
  CompleteParams,
  GetPromptParams,
  ClientListParams,
  ReadResourceParams,
} from './types.js';

/**
 * A dual-era MCP client. `connect()` detects the server's era (a `server/discover` probe, falling back
 * to the `initialize` handshake), then every method works the same in both eras: modern requests get
 * their `_meta`, input the server needs (elicitation, sampling, roots) goes to the same `handlers`
 * whether it arrives as a legacy request or inside a modern `input_required` result, list results
 * are cached as their TTL and scope allow, and tool output is checked against its schema.
 *
 * @example
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' }, {
 *   handlers: { elicitation: async (params) => ({ action: 'accept', content: await ask(params) }) },
 * });
 * await client.connect(createStdioClientTransport({ command: 'my-server' }));
 * console.log(client.era, client.protocolVersion);
 * const tools = await client.listAllTools();
 * const result = await client.callTool({ name: 'get_weather', arguments: { city: 'Paris' } });
 * await client.close();
 */
export class McpClient {
  /** The client's name and version, sent to the server. */
  readonly info: Implementation;
  /** Called once per connection when it closes, whoever closed it. */
  onclose?: (() => void) | undefined;
  /** Non-fatal errors: malformed notifications, a throwing listener, the engine's own reports. */
  onerror?: ((error: Error) => void) | undefined;
  readonly #options: ResolvedClientOptions;
  readonly #extraCapabilities: ClientCapabilities | undefined;
  readonly #engine: ProtocolEngine;
  readonly #observer: SendObserver;
  readonly #timers: EngineTimers;
  readonly #router: NotificationRouter;
  readonly #cache: ClientListCache | undefined;
  readonly #lists: ListRequests;
  readonly #toolOutput = new ToolOutputValidator();
  readonly #uriHolds: UriHolds = new Map();
  readonly #completions: ElicitationCompletions;
  #driver: EraDriver | undefined = undefined;
  #session: Session | undefined = undefined;
  #detectedEra: ProtocolEra | undefined = undefined;
  #logLevel: LoggingLevel | undefined;
  #everConnected = false;

  constructor(info: Implementation, options?: McpClientOptions) {
    this.info = info;
    this.#options = resolveClientOptions(options);
    this.#extraCapabilities = options?.capabilities;
    this.#logLevel = options?.logLevel;
    this.#timers = options?.engine?.timers ?? defaultTimers;
    this.#observer = new SendObserver(options?.engine?.validateOutgoing);
    this.#engine = new ProtocolEngine({ ...options?.engine, validateOutgoing: this.#observer.hook });
    const report = (error: unknown): void => this.#report(error);
    this.#engine.onerror = report;
    this.#engine.onclose = () => this.#onEngineClose();
    this.#router = new NotificationRouter(report);
    this.#completions = new ElicitationCompletions(report);
    const cacheOptions = options?.cache;
    this.#cache =
      cacheOptions === false || cacheOptions?.enabled === false
        ? undefined
        : new ClientListCache(cacheOptions ?? {}, this.#timers);
    this.#lists = new ListRequests(
      (method) => this.#driverFor(method),
      this.#cache,
      this.#toolOutput,
      this.#options.maxListPages,
      report,
    );
    installNotificationHandlers(this.#engine, {
      router: this.#router,
      completions: this.#completions,
      cache: this.#cache,
      toolOutput: this.#toolOutput,
      report,
    });
  }

  /** The era of the current (or last) connection; undefined before the first connect. */
  get era(): ProtocolEra | undefined {
    return this.#session?.era;
  }

  /** The protocol version in use; a modern server's -32022 may change it mid-session. */
  get protocolVersion(): ProtocolVersion | undefined {
    return this.#session?.version;
  }

  /** What the server says it is: from `initialize`, or `server/discover` (a pinned modern era learns it from `discover()`). */
  get serverInfo(): Implementation | undefined {
    return this.#session?.serverInfo;
  }

  /** What the server offers, where known (see {@link serverInfo}). */
  get serverCapabilities(): ServerCapabilities | undefined {
    return this.#session?.serverCapabilities;
  }

  /** The server's instructions for the model, where it sent some. */
  get instructions(): string | undefined {
    return this.#session?.instructions;
  }

  /** The official SDK's spelling of {@link serverInfo}. */
  getServerVersion(): Implementation | undefined {
    return this.serverInfo;
  }

  /** The official SDK's spelling of {@link serverCapabilities}. */
  getServerCapabilities(): ServerCapabilities | undefined {
    return this.serverCapabilities;
  }

  /** The official SDK's spelling of {@link instructions}. */
  getInstructions(): string | undefined {
    return this.instructions;
  }

  /** The capabilities the client declares: those of the connection's era, else of the modern era. */
  get capabilities(): ClientCapabilities {
    return (
      this.#session?.capabilities ??
      deriveCapabilities(this.#options.handlers, this.#extraCapabilities, MODERN_ROOTS_CAPABILITY)
    );
  }

  /** Whether a connection is open and negotiated. */
  get connected(): boolean {
    return this.#driver !== undefined;
  }

  /**
   * Connects and negotiates: probes the era (unless pinned or already detected), completes the legacy
   * handshake, and tells the transport the version. On failure the connection is closed and the error
   * thrown: `MCPWIRE_ERR_UNSUPPORTED_VERSION` when no version is shared, a `ProtocolError` from the server.
   */
  async connect(transport: Transport): Promise<void> {
    if (this.#engine.transport !== undefined) {
      throw new TransportError(TransportErrorCode.AlreadyStarted, 'The client is already connected');
    }
    this.#cache?.reset();
    this.#toolOutput.forget();
    this.#uriHolds.clear();
    this.#completions.clear();
    this.#everConnected = true;
    await this.#engine.connect(transport);
    try {
      const { driver, detected } = await negotiate({
        engine: this.#engine,
        observer: this.#observer,
        clientInfo: this.info,
        options: this.#options,
        extraCapabilities: this.#extraCapabilities,
        cachedEra: this.#detectedEra,
        completions: this.#completions,
        modernHost: {
          clientInfo: this.info,
          logLevel: () => this.#logLevel,
          versionChanged: (version) => this.#engine.transport?.setProtocolVersion?.(version),
        },
      });
      const session = driver.session;
      if (detected) this.#detectedEra = session.era;
      transport.setProtocolVersion?.(session.version);
      this.#session = session;
      await driver.completeConnect(this.#options.handlers, this.#logLevel);
      this.#driver = driver;
    } catch (error) {
      await this.#engine.close().catch(() => {});
      throw error;
    }
  }

  /** Closes the connection; pending requests reject with `MCPWIRE_ERR_CLOSED`, subscriptions end. */
  async close(): Promise<void> {
    await this.#engine.close();
  }

  /** `ping` (legacy era; the modern era has none and rejects with `MCPWIRE_ERR_SEND_VALIDATION`). */
  async ping(options?: ClientCallOptions): Promise<void> {
    await this.#driverFor('ping').request('ping', undefined, callOptionsOf('McpClient.ping', options));
  }

  /** `server/discover` (modern era); refreshes `serverInfo`, `serverCapabilities` and `instructions`. */
  async discover(options?: ClientCallOptions): Promise<DiscoverResult> {
    const driver = this.#driverFor('server/discover');
    const result = (await driver.request(
      'server/discover',
      undefined,
      callOptionsOf('McpClient.discover', options),
    )) as DiscoverResult;
    applyDiscover(driver.session, result);
    return result;
  }

  /** One page of `tools/list`; also learns the tools' output schemas. */
  async listTools(params?: ClientListParams, options?: ClientListOptions): Promise<ListToolsResult> {
    return (await this.#lists.page(
      'tools/list',
      params,
      callOptionsOf('McpClient.listTools', options, 'list'),
    )) as ListToolsResult;
  }

  /** Every tool, following `nextCursor` up to `maxPages`. */
  async listAllTools(options?: ClientListAllOptions): Promise<Tool[]> {
    return (await this.#lists.all(
      'tools/list',
      callOptionsOf('McpClient.listAllTools', options, 'listAll'),
    )) as Tool[];
  }

  /** One page of `resources/list`. */
  async listResources(params?: ClientListParams, options?: ClientListOptions): Promise<ListResourcesResult> {
    return (await this.#lists.page(
      'resources/list',
      params,
      callOptionsOf('McpClient.listResources', options, 'list'),
    )) as ListResourcesResult;
  }

  /** Every resource, following `nextCursor` up to `maxPages`. */
  async listAllResources(options?: ClientListAllOptions): Promise<Resource[]> {
    return (await this.#lists.all(
      'resources/list',
      callOptionsOf('McpClient.listAllResources', options, 'listAll'),
    )) as Resource[];
  }

  /** One page of `resources/templates/list`. */
  async listResourceTemplates(
    params?: ClientListParams,
    options?: ClientListOptions,
  ): Promise<ListResourceTemplatesResult> {
    return (await this.#lists.page(
      'resources/templates/list',
      params,
      callOptionsOf('McpClient.listResourceTemplates', options, 'list'),
    )) as ListResourceTemplatesResult;
  }

  /** Every resource template, following `nextCursor` up to `maxPages`. */
  async listAllResourceTemplates(options?: ClientListAllOptions): Promise<ResourceTemplate[]> {
    return (await this.#lists.all(
      'resources/templates/list',
      callOptionsOf('McpClient.listAllResourceTemplates', options, 'listAll'),
    )) as ResourceTemplate[];
  }

  /** One page of `prompts/list`. */
  async listPrompts(params?: ClientListParams, options?: ClientListOptions): Promise<ListPromptsResult> {
    return (await this.#lists.page(
      'prompts/list',
      params,
      callOptionsOf('McpClient.listPrompts', options, 'list'),
    )) as ListPromptsResult;
  }

  /** Every prompt, following `nextCursor` up to `maxPages`. */
  async listAllPrompts(options?: ClientListAllOptions): Promise<Prompt[]> {
    return (await this.#lists.all(
      'prompts/list',
      callOptionsOf('McpClient.listAllPrompts', options, 'listAll'),
    )) as Prompt[];
  }

  /**
   * `tools/call`, through any input rounds the server asks for. With `validateToolOutput`, the result's
   * `structuredContent` must match the tool's `outputSchema` (`MCPWIRE_ERR_INVALID_MESSAGE` otherwise,
   * unless `isError`); the schemas come from `listTools`, and a call made before any listing first
   * fetches the whole tool list once to learn them.
   */
  callTool(params: CallToolParams, options?: ClientCallOptions): Promise<ClientCallToolResult>;
  /**
   * The official SDK's shape, `callTool(params, resultSchema, options)`: the result is parsed with
   * `resultSchema` when one is given, and the options (`onprogress`, `signal`, `timeout`,
   * `resetTimeoutOnProgress`, `maxTotalTimeout`) apply as in the other form.
   */
  callTool(
    params: CallToolParams,
    resultSchema: ResultSchemaLike | undefined,
    options?: ClientCallOptions,
  ): Promise<ClientCallToolResult>;
  async callTool(
    params: CallToolParams,
    second?: ClientCallOptions | ResultSchemaLike,
    third?: ClientCallOptions,
  ): Promise<ClientCallToolResult> {
    let resultSchema: ResultSchemaLike | undefined;
    let given: ClientCallOptions | undefined;
    if (isResultSchema(second)) {
      resultSchema = second;
      given = third;
    } else if (third !== undefined) {
      if (second !== undefined) {
        throw new TypeError(
          'McpClient.callTool: with options third, the second argument must be a result schema or undefined',
        );
      }
      given = third;
    } else {
      given = second;
    }
    const options = callOptionsOf('McpClient.callTool', given);
    const driver = this.#driverFor('tools/call');
    if (this.#options.validateToolOutput && !this.#toolOutput.known) {
      // A call that would be refused anyway must not cost a tool listing first.
      driver.validate('tools/call', params as JSONRPCParams);
      await this.#lists.learnTools(options);
    }
    const result = (await this.#input('tools/call', params, options)) as ClientCallToolResult;
    if (this.#options.validateToolOutput) this.#toolOutput.check(params.name, result);
    return resultSchema === undefined ? result : (resultSchema.parse(result) as ClientCallToolResult);
  }

  /** `resources/read`, through any input rounds the server asks for. */
  async readResource(params: ReadResourceParams, options?: ClientCallOptions): Promise<ReadResourceResult> {
    return (await this.#input(
      'resources/read',
      params,
      callOptionsOf('McpClient.readResource', options),
    )) as ReadResourceResult;
  }

  /** `prompts/get`, through any input rounds the server asks for. */
  async getPrompt(params: GetPromptParams, options?: ClientCallOptions): Promise<GetPromptResult> {
    return (await this.#input(
      'prompts/get',
      params,
      callOptionsOf('McpClient.getPrompt', options),
    )) as GetPromptResult;
  }

  /** `completion/complete`. */
  async complete(params: CompleteParams, options?: ClientCallOptions): Promise<CompleteResult> {
    const driver = this.#driverFor('completion/complete');
    return (await driver.request(
      'completion/complete',
      params as unknown as JSONRPCParams,
      callOptionsOf('McpClient.complete', options),
    )) as CompleteResult;
  }

  /** `resources/subscribe` (legacy era; the modern era subscribes through {@link listen}). */
  async subscribeResource(uri: string | { uri: string }, options?: ClientCallOptions): Promise<void> {
    // The SDK's shape is \`{ uri }\`; ours is the URI itself.
    const params = { uri: typeof uri === 'string' ? uri : uri.uri };
    await this.#driverFor('resources/subscribe').request(
      'resources/subscribe',
      params,
      callOptionsOf('McpClient.subscribeResource', options),
    );
  }

  /** `resources/unsubscribe` (legacy era). */
  async unsubscribeResource(uri: string | { uri: string }, options?: ClientCallOptions): Promise<void> {
    // The SDK's shape is \`{ uri }\`; ours is the URI itself.
    const params = { uri: typeof uri === 'string' ? uri : uri.uri };
    await this.#driverFor('resources/unsubscribe').request(
      'resources/unsubscribe',
      params,
      callOptionsOf('McpClient.unsubscribeResource', options),
    );
  }

  /**
   * Sets the log level of the server's `notifications/message`. Legacy: `logging/setLevel` (sent at
   * connect when set before it). Modern: no request; every later request carries the level in `_meta`.
   */
  async setLoggingLevel(level: LoggingLevel, options?: ClientCallOptions): Promise<void> {
    const driver = this.#driver;
    const checked = callOptionsOf('McpClient.setLoggingLevel', options);
    await driver?.setLogLevel(level, checked);
    this.#logLevel = level;
  }

  /**
   * Opens a subscription and resolves once it is acknowledged. Modern: `subscriptions/listen`, ended by
   * `close()` with `notifications/cancelled`. Legacy: emulated with `resources/subscribe` and the
   * connection's `list_changed` notifications, as far as the server's capabilities allow.
   */
  async listen(
    filter: SubscriptionFilter,
    callbacks?: ListenCallbacks,
    options?: ListenOptions,
  ): Promise<ListenHandle> {
    const driver = this.#driverFor('subscriptions/listen');
    const deps = { router: this.#router, timers: this.#timers, uriHolds: this.#uriHolds };
    return driver.listen(deps, filter, callbacks ?? {}, options);
  }

  /** Listens for tool list changes (legacy: any; modern: on an open `listen({ toolsListChanged: true })`). */
  onToolsListChanged(listener: () => void): () => void {
    return this.#router.onListChanged('tools', listener);
  }

  /** Listens for prompt list changes; returns the remover. */
  onPromptsListChanged(listener: () => void): () => void {
    return this.#router.onListChanged('prompts', listener);
  }

  /** Listens for resource list changes; returns the remover. */
  onResourcesListChanged(listener: () => void): () => void {
    return this.#router.onListChanged('resources', listener);
  }

  /** Listens for `notifications/resources/updated` of any subscription; returns the remover. */
  onResourceUpdated(listener: (params: ResourceUpdatedNotificationParams) => void): () => void {
    return this.#router.onResourceUpdated(listener);
  }

  /** Listens for the server's `notifications/message`; returns the remover. */
  onLogMessage(listener: (params: LoggingMessageNotificationParams) => void): () => void {
    return this.#router.onLogMessage(listener);
  }

  /**
   * Listens for `notifications/elicitation/complete` (2025-11-25): the server says the out-of-band part
   * of a URL-mode elicitation is done, e.g. to retry a call that failed with -32042. Only ids this
   * connection was given (by an accepted `elicitation/create`, or a -32042 error) are delivered, each
   * once; the modern era has no such notification. Returns the remover.
   */
  onElicitationComplete(listener: (params: ElicitationCompleteNotificationParams) => void): () => void {
    return this.#completions.onComplete(listener);
  }

  /** Tells a legacy server the roots changed; the modern era has no such notification (a no-op there). */
  async sendRootsListChanged(): Promise<void> {
    const driver = this.#driverFor('notifications/roots/list_changed');
    await driver.rootsListChanged();
  }

  /** Drops cached list results: of one method, or of every list. */
  invalidateCache(method?: ListMethod): void {
    this.#lists.invalidate(method);
  }

  #driverFor(method: string): EraDriver {
    if (this.#driver === undefined) throw notConnected(method, this.#everConnected);
    return this.#driver;
  }

  #input(method: McpMethod, params: object, options: ClientCallOptions | undefined): Promise<unknown> {
    const input = { handlers: this.#options.handlers, maxInputRounds: this.#options.maxInputRounds };
    return this.#driverFor(method).requestWithInput(method, params as JSONRPCParams, options, input);
  }

  #onEngineClose(): void {
    this.#driver = undefined;
    removeLegacyInputHandlers(this.#engine);
    this.#uriHolds.clear();
    for (const subscription of this.#router.clearSubscriptions()) subscription.connectionClosed();
    try {
      this.onclose?.();
    } catch (error) {
      this.#report(error);
    }
  }

  #report(error: unknown): void {
    try {
      this.onerror?.(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // An observer that throws must not break the client.
    }
  }
}
