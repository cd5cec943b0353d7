/**
 * `McpServer`: one instance, many connections, both eras. Register tools, resources, templates and
 * prompts once; legacy clients (initialize handshake) and modern clients (2026-07-28, stateless)
 * are served from the same registrations, on a transport (`connect`) or without one
 * (`handleModernRequest`, for stateless HTTP).
 */
import { ErrorCode } from '../error-codes.js';
import { ProtocolError } from '../errors.js';
import type { JSONRPCErrorObject, JSONRPCRequest, JSONRPCResponse } from '../jsonrpc.js';
import type { Transport } from '../transport.js';
import type { Implementation } from '../types/base.js';
import type { ServerCapabilities } from '../types/capabilities.js';
import type { LoggingMessageNotificationParams } from '../types/logging.js';
import type { PromptArgument } from '../types/prompts.js';
import type { Tool } from '../types/tool-definition.js';
import { McpServerConnection } from './connection.js';
import { DetachedChannel } from './detached-channel.js';
import { registerPrompt } from './features/prompts.js';
import { registerResource, registerResourceTemplate } from './features/resources.js';
import { registerTool } from './features/tools.js';
import { hasModernMeta, ModernEra } from './modern-era.js';
import { ServerCore } from './server-core.js';
import type {
  JsonSchemaObject,
  McpServerOptions,
  ModernRequestContext,
  PromptArgsSource,
  PromptConfig,
  PromptHandler,
  RegisteredPrompt,
  RegisteredResource,
  RegisteredResourceTemplate,
  RegisteredTool,
  ResourceHandler,
  ResourceMetadata,
  ResourceTemplateHandler,
  ResourceTemplateMetadata,
  ResourceTemplateOptions,
  SchemaSource,
  ServerConnection,
  ToolConfig,
  ToolHandler,
} from './types.js';

/**
 * A dual-era MCP server. Capabilities follow what is registered; every change to a registration
 * sends list-changed notifications to initialized legacy sessions and to modern listen streams that
 * asked for them.
 *
 * @example
 * const server = new McpServer({ name: 'demo', version: '1.0.0' });
 * server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
 *   content: [{ type: 'text', text }],
 * }));
 * await server.connect(createStdioServerTransport());
 */
export class McpServer {
  /** Non-fatal errors: handler failures answered -32603, invalid results, failed sends. Never thrown. */
  onerror?: ((error: Error) => void) | undefined;
  readonly #core: ServerCore;
  readonly #modern: ModernEra;
  readonly #connections = new Set<McpServerConnection>();

  constructor(info: Implementation, options?: McpServerOptions) {
    this.#core = new ServerCore(info, options, (error) => {
      try {
        this.onerror?.(error instanceof Error ? error : new Error(String(error)));
      } catch {
        // An observer that throws must not break request handling.
      }
    });
    this.#modern = new ModernEra(this.#core);
  }

  /** The server's name and version (`serverInfo`). */
  get info(): Implementation {
    return this.#core.info;
  }

  /** The open connections. */
  get connections(): readonly ServerConnection[] {
    return [...this.#connections];
  }

  /** The capabilities declared now: derived from the registrations, then the `capabilities` option. */
  getCapabilities(): ServerCapabilities {
    // A copy: the cached object goes into every initialize and discover result.
    return structuredClone(this.#core.capabilities());
  }

  /**
   * Registers a tool; a zod `inputSchema` types the handler's arguments. Throws if the name is taken
   * or a schema cannot be compiled.
   */
  registerTool<I extends SchemaSource = JsonSchemaObject, O extends SchemaSource | undefined = undefined>(
    name: string,
    config: ToolConfig<I, O>,
    handler: ToolHandler<I, O>,
  ): RegisteredTool {
    return registerTool(
      this.#core,
      name,
      config as ToolConfig<SchemaSource, SchemaSource | undefined>,
      handler as unknown as ToolHandler<SchemaSource, SchemaSource | undefined>,
    );
  }

  /** Registers a resource at a fixed URI; throws if the URI is taken. */
  registerResource(uri: string, meta: ResourceMetadata, handler: ResourceHandler): RegisteredResource {
    return registerResource(this.#core, uri, meta, handler);
  }

  /** Registers a resource template (RFC 6570); `resources/read` tries fixed URIs first, then templates in order. */
  registerResourceTemplate(
    uriTemplate: string,
    meta: ResourceTemplateMetadata,
    handler: ResourceTemplateHandler,
    options?: ResourceTemplateOptions,
  ): RegisteredResourceTemplate {
    return registerResourceTemplate(this.#core, uriTemplate, meta, handler, options);
  }

  /** Registers a prompt; a zod `argsSchema` types and checks the handler's arguments. */
  registerPrompt<A extends PromptArgsSource = PromptArgument[]>(
    name: string,
    config: PromptConfig<A>,
    handler: PromptHandler<A>,
  ): RegisteredPrompt {
    return registerPrompt(
      this.#core,
      name,
      config as PromptConfig<PromptArgsSource>,
      handler as unknown as PromptHandler<PromptArgsSource>,
    );
  }

  /**
   * The descriptor of a registered tool as `tools/list` shows it, or undefined. The live object, not a
   * copy (HTTP transports read its `inputSchema` on every call to check `Mcp-Param-*` headers): do not
   * mutate it; use the tool's handle to change it.
   */
  getTool(name: string): Readonly<Tool> | undefined {
    return this.#core.tools.get(name)?.descriptor;
  }

  /** Serves one client over `transport` (a new engine per connection) until either side closes it. */
  async connect(transport: Transport): Promise<ServerConnection> {
    const connection = new McpServerConnection(this.#core, this.#modern, (closed) =>
      this.#connections.delete(closed),
    );
    this.#connections.add(connection);
    try {
      await connection.start(transport);
    } catch (error) {
      this.#connections.delete(connection);
      throw error;
    }
    return connection;
  }

  /**
   * Serves one 2026-07-28 request without a connection and resolves with its response, never
   * rejecting: errors become error responses (a non-ProtocolError as a bare -32603, reported to
   * `onerror`). A request without `_meta["io.modelcontextprotocol/protocolVersion"]` is answered -32602.
   */
  async handleModernRequest(
    request: JSONRPCRequest,
    context?: ModernRequestContext,
  ): Promise<JSONRPCResponse> {
    const channel = new DetachedChannel(request, context ?? {});
    try {
      if (!hasModernMeta(request.params)) {
        throw new ProtocolError(
          ErrorCode.InvalidParams,
          'Not a 2026-07-28 request: _meta["io.modelcontextprotocol/protocolVersion"] is missing',
          { supported: [...this.#core.options.modernVersions] },
        );
      }
      const result = await this.#modern.serve(request.method, request.params, channel);
      return { jsonrpc: '2.0', id: request.id, result };
    } catch (error) {
      return { jsonrpc: '2.0', id: request.id, error: this.#wireError(error) };
    } finally {
      channel.done = true;
    }
  }

  /** Tells listeners the tool list changed (sent automatically on register, update and remove). */
  sendToolListChanged(): void {
    this.#core.fanout.listChanged('tools');
  }

  /** Tells listeners the prompt list changed (sent automatically on register, update and remove). */
  sendPromptListChanged(): void {
    this.#core.fanout.listChanged('prompts');
  }

  /** Tells listeners the resource list changed, e.g. when what a template's `list` returns changed. */
  sendResourceListChanged(): void {
    this.#core.fanout.listChanged('resources');
  }

  /** Sends `notifications/resources/updated` to legacy subscribers and modern listen streams watching `uri`. */
  sendResourceUpdated(uri: string): void {
    this.#core.fanout.resourceUpdated(uri);
  }

  /**
   * Sends a log message not tied to a request to every legacy session whose level lets it through.
   * Modern clients only receive log messages of their own requests (`ctx.log`).
   */
  sendLoggingMessage(params: LoggingMessageNotificationParams): void {
    for (const connection of this.#connections) connection.session?.log({ ...params });
  }

  /**
   * Tells the client that an out-of-band URL-mode elicitation is done (`notifications/elicitation/complete`,
   * 2025-11-25): sent once, and only to the legacy session that was sent `elicitationId` (by `ctx.elicit`,
   * whose `onElicitationId` reports the id, or by a thrown `UrlElicitationRequiredError`). Resolves
   * false, sending nothing, when no session waits for it: an unknown or completed id, one the user
   * declined, a closed connection, or a client that cannot receive it. The modern era has no such
   * notification: its client learns the outcome by retrying.
   *
   * @example
   * // In the route that finishes the third-party flow:
   * await server.completeElicitation(state.elicitationId);
   */
  async completeElicitation(elicitationId: string): Promise<boolean> {
    const owner = this.#core.urlElicitations.take(elicitationId);
    return owner === undefined ? false : owner.sendElicitationComplete(elicitationId);
  }

  /** Ends every listen stream and closes every connection. The server can accept new ones afterwards. */
  async close(): Promise<void> {
    const streams = [...this.#core.streams];
    for (const stream of streams) stream.end('Server shutting down');
    // A closing listen result travels through a few promise hops before the engine sends it; let it
    // go out before the transports close (microtasks only: no timer, so fake clocks cannot stall this).
    if (streams.length > 0) for (let hop = 0; hop < 16; hop++) await Promise.resolve();
    await Promise.all([...this.#connections].map((connection) => connection.close()));
  }

  #wireError(error: unknown): JSONRPCErrorObject {
    if (error instanceof ProtocolError) return error.toJSON();
    this.#core.report(error);
    return { code: ErrorCode.InternalError, message: 'Internal error' };
  }
}
