/**
 * The official SDK's `StreamableHTTPServerTransport`, so that a server written for
 * `@modelcontextprotocol/sdk/server/streamableHttp.js` ports by renaming its import: the caller keeps
 * one transport per session, connects a server to each, and hands it the session's requests. Each
 * transport runs a Streamable HTTP handler of its own (legacy era) holding that one session.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type JSONRPCMessage,
  type McpServer,
  type MessageCallback,
  type Transport,
  TransportError,
  TransportErrorCode,
  type TransportSendOptions,
} from '@mcpwire/protocol-core';
import { InboundBuffer } from '@mcpwire/protocol-core/transport-kit';
import { createStreamableHttpHandler, type StreamableHttpHandler } from './node-handler.js';
import { KEEP_SESSIONS, type StreamableHttpServerOptions } from './options.js';

/** The SDK's options; see the constructor for what is refused. */
export interface StreamableHTTPServerTransportOptions {
  /** Makes the session id (visible ASCII without '.' or '/'). `undefined` (stateless) is refused. */
  sessionIdGenerator: (() => string) | undefined;
  /** Called with the id once `initialize` opened the session. */
  onsessioninitialized?: ((sessionId: string) => void | Promise<void>) | undefined;
  /** Called with the id once the session was closed (DELETE, or `close()`). */
  onsessionclosed?: ((sessionId: string) => void | Promise<void>) | undefined;
  /** Answer POSTs with one JSON body instead of an SSE stream. @default false */
  enableJsonResponse?: boolean | undefined;
  /** Not supported (the SDK's event store interface differs from ours): refused. */
  eventStore?: unknown;
  /** Host names let in when `enableDnsRebindingProtection` is set. @default any */
  allowedHosts?: string[] | undefined;
  /** Origins let in when `enableDnsRebindingProtection` is set. @default any */
  allowedOrigins?: string[] | undefined;
  /** Check Host and Origin against the lists above. @default false (as the SDK) */
  enableDnsRebindingProtection?: boolean | undefined;
  /** The `retry` hint of SSE streams, in ms. @default 1000 */
  retryInterval?: number | undefined;
}

function refuse(what: string, instead: string): never {
  throw new TypeError(`StreamableHTTPServerTransport: ${what} is not supported; ${instead}`);
}

/**
 * One legacy Streamable HTTP session with the official SDK's constructor and `handleRequest`.
 * @example
 * // was: import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
 * import { StreamableHTTPServerTransport } from '@mcpwire/transport-http';
 * const transport = new StreamableHTTPServerTransport({
 *   sessionIdGenerator: () => randomUUID(),
 *   onsessioninitialized: (id) => void transports.set(id, transport),
 * });
 * await server.connect(transport);
 * await transport.handleRequest(req, res, req.body);
 */
export class StreamableHTTPServerTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: MessageCallback | undefined;
  readonly #handler: StreamableHttpHandler;
  readonly #inbound: InboundBuffer = new InboundBuffer(this);
  readonly #options: StreamableHTTPServerTransportOptions;
  #session: Transport | undefined = undefined;
  #sessionId: string | undefined = undefined;
  #closed = false;

  /** Throws TypeError for stateless mode (`sessionIdGenerator: undefined`) and for `eventStore`. */
  constructor(options: StreamableHTTPServerTransportOptions) {
    if (typeof options?.sessionIdGenerator !== 'function') {
      refuse(
        'stateless mode (sessionIdGenerator: undefined)',
        'pass a sessionIdGenerator, or serve stateless 2026-07-28 requests with createStreamableHttpHandler',
      );
    }
    if (options.eventStore !== undefined) {
      refuse('eventStore', 'createStreamableHttpHandler takes an EventStore of this package');
    }
    this.#options = options;
    const protect = options.enableDnsRebindingProtection === true;
    // The handler's session goes to this transport: the shim is the only "server" it ever sees.
    const shim = {
      connect: async (session: Transport) => this.#attach(session),
    } as unknown as McpServer;
    const handlerOptions: StreamableHttpServerOptions & { [KEEP_SESSIONS]: true } = {
      [KEEP_SESSIONS]: true,
      server: shim,
      allowedHosts: protect ? (options.allowedHosts ?? []) : 'any',
      allowedOrigins: protect ? (options.allowedOrigins ?? []) : 'any',
      cors: false,
      maxSessions: 1,
      enableJsonResponse: options.enableJsonResponse ?? false,
      sessionIdGenerator: options.sessionIdGenerator,
      ...(options.retryInterval === undefined ? {} : { sseRetryMs: options.retryInterval }),
      onerror: (error) => this.#inbound.fail(error),
    };
    this.#handler = createStreamableHttpHandler(handlerOptions);
  }

  /** The session id, once `initialize` was served. */
  get sessionId(): string | undefined {
    return this.#sessionId;
  }

  /** Starts delivering to `onmessage` (called by `server.connect`). */
  async start(): Promise<void> {
    this.#inbound.start();
  }

  /**
   * Serves one HTTP request of this session (POST, GET or DELETE); `parsedBody` when a framework
   * parsed the body already (Express `express.json()`).
   */
  handleRequest(req: IncomingMessage, res: ServerResponse, parsedBody?: unknown): Promise<void> {
    return this.#handler.handleNode(req, res, parsedBody);
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.#session === undefined || this.#closed) {
      return Promise.reject(
        new TransportError(TransportErrorCode.Closed, 'StreamableHTTPServerTransport: no open session'),
      );
    }
    return this.#session.send(message, options);
  }

  /** Closes the session and its streams; `onclose` fires once. */
  async close(): Promise<void> {
    await this.#handler.close();
    this.#finish();
  }

  setProtocolVersion(version: string): void {
    this.#session?.setProtocolVersion?.(version);
  }

  async #attach(session: Transport): Promise<void> {
    this.#session = session;
    session.onmessage = (message, extra) => this.#inbound.deliver(message, extra);
    session.onerror = (error) => this.#inbound.fail(error);
    session.onclose = () => this.#finish();
    await session.start();
    this.#sessionId = session.sessionId;
    if (this.#sessionId !== undefined) await this.#options.onsessioninitialized?.(this.#sessionId);
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    const id = this.#sessionId;
    if (id !== undefined) {
      Promise.resolve()
        .then(() => this.#options.onsessionclosed?.(id))
        .catch((error: unknown) =>
          this.#inbound.fail(error instanceof Error ? error : new Error(String(error))),
        );
    }
    this.#inbound.flushClose();
  }
}
