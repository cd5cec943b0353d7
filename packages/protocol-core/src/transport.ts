import type { JSONRPCMessage, RequestId } from './jsonrpc.js';

/** What a transport knows about the HTTP request that carried a message, where there was one. */
export interface RequestInfo {
  /** The request headers, lower-cased names. */
  headers: Record<string, string | string[] | undefined>;
  /** The request URL, where known. */
  url?: URL | undefined;
  /**
   * The peer's IP address as the socket sees it (not `X-Forwarded-For`), where the transport knows
   * it: servers key per-client limits on it when a request is unauthenticated.
   */
  remoteAddress?: string | undefined;
}

/** Extra context a transport hands along with a received message. */
export interface MessageExtraInfo {
  /** The HTTP request that carried the message. */
  requestInfo?: RequestInfo | undefined;
  /** What an authentication hook returned for this message's connection or request. */
  authInfo?: unknown;
}

/**
 * Options for one `send`. Only routing that every transport understands lives here; a
 * transport's own knobs live in its own options.
 */
export interface TransportSendOptions {
  /** The incoming request this message belongs to (a response, or a progress notification), for transports that route per request. */
  relatedRequestId?: RequestId | undefined;
}

/**
 * The `onmessage` callback. Typed through a method so that its parameter is checked bivariantly: the
 * official SDK's message type has no `id: null` error responses, and without this its transports could
 * not be used where ours are expected (nor ours where theirs are), although they carry the same wire.
 */
export type MessageCallback = {
  bivariant(message: JSONRPCMessage, extra?: MessageExtraInfo): void;
}['bivariant'];

/**
 * One connection that carries JSON-RPC messages. Structurally compatible with the official MCP SDK's
 * `Transport`, so each side can use the other's.
 *
 * Contract (checked by the shared transport suite):
 * - `start()` is called once; messages that arrive before it are queued, never lost.
 * - `send()` resolves when the message is handed to the peer or the OS, waits for drain above a
 *   high-water mark, and rejects with a `TransportError` (`MCPWIRE_ERR_CLOSED`) once closed.
 * - `onmessage` gets envelope-validated messages only; a malformed frame goes to `onerror` with a bounded excerpt.
 * - `close()` is idempotent; `onclose` fires exactly once, whoever closed.
 */
export interface Transport {
  /** Starts delivering messages; call once, after installing the callbacks. */
  start(): Promise<void>;
  /** Sends one message. */
  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void>;
  /** Closes the connection; idempotent. */
  close(): Promise<void>;
  /** Called once when the connection closed, whoever closed it. */
  onclose?: (() => void) | undefined;
  /** Called for errors that do not close the connection: malformed frames, failed writes. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called for each valid message received. */
  onmessage?: MessageCallback | undefined;
  /** The session id, for transports that have sessions. */
  sessionId?: string | undefined;
  /** Tells the transport which protocol version was negotiated (HTTP sends it as a header). */
  setProtocolVersion?: ((version: string) => void) | undefined;
}

/** A transport decorator: wraps one transport in another with the same contract. */
export type TransportDecorator = (next: Transport) => Transport;

/**
 * Composes decorators over a base transport; the last decorator is the outermost.
 * @example
 * // A decorator installs its own callbacks on the inner transport in start() and forwards to the outer ones.
 * const logSends: TransportDecorator = (next) => {
 *   const outer: Transport = {
 *     start: () => {
 *       next.onmessage = (message, extra) => outer.onmessage?.(message, extra);
 *       next.onerror = (error) => outer.onerror?.(error);
 *       next.onclose = () => outer.onclose?.();
 *       return next.start();
 *     },
 *     send: (message, options) => {
 *       console.log('sending', message);
 *       return next.send(message, options);
 *     },
 *     close: () => next.close(),
 *     get sessionId() {
 *       return next.sessionId;
 *     },
 *     setProtocolVersion: (version) => next.setProtocolVersion?.(version),
 *   };
 *   return outer;
 * };
 * const transport = pipe(createStdioClientTransport({ command: 'server' }), logSends);
 */
export function pipe(base: Transport, ...decorators: TransportDecorator[]): Transport {
  let current = base;
  for (const decorate of decorators) current = decorate(current);
  return current;
}
