/**
 * Drives an `McpServer` with raw JSON-RPC over a lone fake transport: the test plays the client.
 * Every message the server sends is checked against the official JSON schema of the revision the
 * test says is in use: the whole message (`JSONRPCMessage`), and for responses, notifications and
 * requests also the definition of their method (`CallToolResult`, `ServerNotification`, …).
 */
import { expect } from 'vitest';
import type {
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCParams,
  JSONRPCRequest,
  JSONRPCResponse,
  JSONRPCResultResponse,
  McpServer,
  MessageExtraInfo,
  RequestId,
  ServerConnection,
} from '../../src/index.js';
import { FakeTransport } from './fake-transport.js';
import { modernMeta } from './mcp-fixtures.js';
import { assertValidDefinition, assertValidMessage } from './schema-validator.js';

/** Lets every queued microtask and promise chain run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The official definition of each method's result. */
const RESULT_DEFINITIONS: { [method: string]: string } = {
  initialize: 'InitializeResult',
  ping: 'EmptyResult',
  'logging/setLevel': 'EmptyResult',
  'resources/subscribe': 'EmptyResult',
  'resources/unsubscribe': 'EmptyResult',
  'tools/list': 'ListToolsResult',
  'tools/call': 'CallToolResult',
  'resources/list': 'ListResourcesResult',
  'resources/templates/list': 'ListResourceTemplatesResult',
  'resources/read': 'ReadResourceResult',
  'prompts/list': 'ListPromptsResult',
  'prompts/get': 'GetPromptResult',
  'completion/complete': 'CompleteResult',
  'server/discover': 'DiscoverResult',
  'subscriptions/listen': 'SubscriptionsListenResult',
};

/** Modern error codes that have their own definition. */
const ERROR_DEFINITIONS: { [code: number]: string } = {
  [-32022]: 'UnsupportedProtocolVersionError',
  [-32021]: 'MissingRequiredClientCapabilityError',
};

/** Peers connected in the current test, validated (and forgotten) by {@link validatePeers}. */
const livePeers = new Set<ServerPeer>();

/**
 * Validates whatever every peer of the test received and was not checked yet (notifications after
 * the last response, say); call it from `afterEach`.
 */
export function validatePeers(): void {
  const peers = [...livePeers];
  livePeers.clear();
  for (const peer of peers) peer.validate();
}

/** The client's side of one connection to a server. */
export class ServerPeer {
  readonly transport: FakeTransport;
  readonly connection: ServerConnection;
  /** The revision every server message is validated against; set it when the test negotiates another. */
  revision: string;
  #nextId = 1;
  /** Request methods by id, to know which definition a response must satisfy. */
  readonly #methods = new Map<RequestId, string>();
  #validated = 0;

  private constructor(transport: FakeTransport, connection: ServerConnection, revision: string) {
    this.transport = transport;
    this.connection = connection;
    this.revision = revision;
  }

  /** Connects a fresh fake transport to `server`; {@link validatePeers} checks it after the test. */
  static async connect(server: McpServer, revision: string): Promise<ServerPeer> {
    const transport = new FakeTransport();
    const connection = await server.connect(transport);
    const peer = new ServerPeer(transport, connection, revision);
    livePeers.add(peer);
    return peer;
  }

  /** Everything the server sent, in order. */
  get sent(): JSONRPCMessage[] {
    return this.transport.messages;
  }

  /** The notifications the server sent, optionally of one method. */
  notifications(method?: string): JSONRPCNotification[] {
    return this.sent.filter(
      (message): message is JSONRPCNotification =>
        'method' in message && !('id' in message) && (method === undefined || message.method === method),
    );
  }

  /** The requests the server sent (legacy: sampling, elicitation, roots), optionally of one method. */
  serverRequests(method?: string): JSONRPCRequest[] {
    return this.sent.filter(
      (message): message is JSONRPCRequest =>
        'method' in message && 'id' in message && (method === undefined || message.method === method),
    );
  }

  /** Sends a request and returns its id, without waiting. */
  send(method: string, params?: JSONRPCParams, extra?: MessageExtraInfo, id?: RequestId): RequestId {
    const requestId = id ?? this.#nextId++;
    this.#methods.set(requestId, method);
    const message: JSONRPCRequest =
      params === undefined
        ? { jsonrpc: '2.0', id: requestId, method }
        : { jsonrpc: '2.0', id: requestId, method, params };
    this.transport.receive(message, extra);
    return requestId;
  }

  /**
   * The response to `id`, once it arrived, validated. Web Crypto work (requestState) runs on the
   * thread pool, so after a few microtask flushes this also yields to the event loop for a while:
   * up to 10 s of real time, which a loaded CI machine may need and a fast one returns long before.
   */
  async response(id: RequestId): Promise<JSONRPCResponse> {
    const deadline = performance.now() + 10_000;
    for (let attempt = 0; attempt <= 20 || performance.now() < deadline; attempt++) {
      const found = this.sent.find(
        (message): message is JSONRPCResponse =>
          ('result' in message || 'error' in message) && message.id === id,
      );
      if (found !== undefined) {
        this.validate();
        return found;
      }
      await flush();
      if (attempt > 20) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no response to request ${String(id)}; sent: ${JSON.stringify(this.sent).slice(0, 500)}`);
  }

  /** Sends a request and waits for its response. */
  async request(method: string, params?: JSONRPCParams, extra?: MessageExtraInfo): Promise<JSONRPCResponse> {
    return this.response(this.send(method, params, extra));
  }

  /** Sends a request that must succeed, and returns its result. */
  async result(method: string, params?: JSONRPCParams, extra?: MessageExtraInfo): Promise<JSONRPCParams> {
    const response = await this.request(method, params, extra);
    if (!('result' in response)) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
    return (response as JSONRPCResultResponse).result;
  }

  /** Sends a request that must fail, and returns its error object. */
  async error(
    method: string,
    params?: JSONRPCParams,
    extra?: MessageExtraInfo,
  ): Promise<JSONRPCErrorResponse['error']> {
    const response = await this.request(method, params, extra);
    if (!('error' in response)) throw new Error(`${method} succeeded: ${JSON.stringify(response.result)}`);
    return (response as JSONRPCErrorResponse).error;
  }

  /** Sends a notification. */
  notify(method: string, params?: JSONRPCParams): void {
    this.transport.receive(
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
    );
  }

  /** Answers a request the server sent. */
  respond(id: RequestId, result: JSONRPCParams): void {
    this.transport.receive({ jsonrpc: '2.0', id, result });
  }

  /** Runs the legacy handshake for `version` and returns the initialize result. */
  async initialize(version: string, capabilities: JSONRPCParams = {}): Promise<JSONRPCParams> {
    const result = await this.result('initialize', {
      protocolVersion: version,
      capabilities,
      clientInfo: { name: 'test-client', version: '1.0.0' },
    });
    this.revision = result['protocolVersion'] as string;
    this.notify('notifications/initialized');
    await flush();
    return result;
  }

  /** Checks every server message not checked yet against the official schema of `revision`. */
  validate(): void {
    const messages = this.sent;
    for (; this.#validated < messages.length; this.#validated++) {
      validateServerMessage(this.revision, messages[this.#validated]!, this.#methods);
    }
  }
}

/** Validates one server message: the envelope, then its method's definition. */
export function validateServerMessage(
  revision: string,
  message: JSONRPCMessage,
  methods: ReadonlyMap<RequestId, string>,
): void {
  assertValidMessage(revision, message);
  if ('method' in message) {
    // Newer schemas define whole messages, older ones method and params: the whole message fits both.
    assertValidDefinition(revision, 'id' in message ? 'ServerRequest' : 'ServerNotification', message);
    return;
  }
  if ('error' in message) {
    const definition = ERROR_DEFINITIONS[message.error.code];
    if (definition !== undefined && revision === '2026-07-28')
      assertValidDefinition(revision, definition, message);
    expect(JSON.stringify(message.error)).not.toMatch(/\n\s+at /);
    return;
  }
  const method = methods.get(message.id);
  if (method === undefined) return;
  const definition =
    (message.result as { resultType?: unknown }).resultType === 'input_required'
      ? 'InputRequiredResult'
      : RESULT_DEFINITIONS[method];
  if (definition !== undefined) assertValidDefinition(revision, definition, message.result);
}

/** The `_meta` of a modern request, with extra keys. */
export function meta(extra?: Record<string, unknown>): JSONRPCParams {
  return modernMeta(extra) as JSONRPCParams;
}

/** A modern request's params: `params` plus `_meta` (default capabilities: sampling, form elicitation, roots). */
export function modern(params: JSONRPCParams = {}, metaExtra?: Record<string, unknown>): JSONRPCParams {
  return { ...params, _meta: meta(metaExtra) };
}
