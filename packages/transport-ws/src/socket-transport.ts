import type {
  JSONRPCMessage,
  MessageCallback,
  Transport,
  TransportSendOptions,
} from '@mcpwire/protocol-core';
import {
  type ConnectionSettings,
  resolveConnectionSettings,
  type WebSocketConnectionOptions,
} from './connection-options.js';
import { Connection, type ConnectionHooks } from './internal/connection.js';
import type { SocketPort } from './internal/port.js';
import { WsPort } from './internal/ws-port.js';
import type { WsSocketLike } from './ws-types.js';

/** Options of {@link WebSocketTransport} and `createWebSocketTransport`. */
export interface WebSocketSocketTransportOptions extends WebSocketConnectionOptions {
  /**
   * An open `ws` WebSocket (e.g. one your framework accepted). Its `maxPayload` was fixed when it was
   * made: set it to `maxMessageBytes` there, so oversized frames are refused before being buffered.
   */
  socket: WsSocketLike;
}

/**
 * A Transport over one open WebSocket: each connection the server accepts, or a `ws` socket you
 * wrap with `new WebSocketTransport({ socket })`. One JSON-RPC message per text frame.
 */
export class WebSocketTransport implements Transport {
  /** Called once when the connection closed, whoever closed it. */
  onclose?: (() => void) | undefined;
  /** Called for malformed frames, refused frames, limits hit and dropped connections. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called for each valid message received; server side, `extra` carries `requestInfo` and `authInfo`. */
  onmessage?: MessageCallback | undefined;
  readonly #connection: Connection;

  /** Wraps an open `ws` socket; throws RangeError on a bad option. */
  constructor(options: WebSocketSocketTransportOptions);
  constructor(
    first: WebSocketSocketTransportOptions | SocketPort,
    settings?: ConnectionSettings,
    hooks?: ConnectionHooks,
  ) {
    if (settings === undefined) {
      const options = first as WebSocketSocketTransportOptions;
      const resolved = resolveConnectionSettings('WebSocketSocketTransportOptions', options);
      this.#connection = new Connection(this, new WsPort(options.socket), resolved);
    } else {
      this.#connection = new Connection(this, first as SocketPort, settings, hooks);
    }
  }

  /** Bytes the socket holds that were not handed to the OS yet. */
  get bufferedAmount(): number {
    return this.#connection.bufferedAmount;
  }

  /**
   * The connection's close code, once closing: the one this side sent when it closed first, else the one
   * received (1006 when the connection dropped without a close frame).
   */
  get closeCode(): number | undefined {
    return this.#connection.closeCode;
  }

  /** The reason that goes with {@link closeCode}. */
  get closeReason(): string | undefined {
    return this.#connection.closeReason;
  }

  /**
   * Records the revision `initialize` negotiated (called by the server and client engines). Under
   * 2024-11-05 and 2025-03-26 a received frame may hold a JSON-RPC batch, answered with one frame
   * holding an array of the responses; under other revisions, and before this call, an array is refused -32600.
   */
  setProtocolVersion(version: string): void {
    this.#connection.setProtocolVersion(version);
  }

  /** Delivers the messages that arrived so far, then each new one. Rejects with `MCPWIRE_ERR_ALREADY_STARTED` on a second call. */
  start(): Promise<void> {
    return this.#connection.start();
  }

  /**
   * Sends the message as one text frame. Resolves at once while the socket buffers at most
   * `highWaterMarkBytes`, else once it drained below; rejects with `MCPWIRE_ERR_NOT_STARTED`,
   * `MCPWIRE_ERR_CLOSED`, `MCPWIRE_ERR_SEND_VALIDATION`, or `MCPWIRE_ERR_LIMIT_EXCEEDED` when the peer
   * stopped reading (the connection is dropped).
   */
  send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    return this.#connection.send(message);
  }

  /**
   * Closes with `code` (1000; 1001 when a server shuts down) and resolves once the socket closed, or
   * after `closeTimeoutMs` when the peer does not answer. Idempotent.
   */
  close(code?: number, reason?: string): Promise<void> {
    return this.#connection.close(code, reason);
  }
}

/** A transport over a port the server already made, with its hooks (the constructor's internal form). */
export function webSocketTransportOver(
  port: SocketPort,
  settings: ConnectionSettings,
  hooks?: ConnectionHooks,
): WebSocketTransport {
  const Construct = WebSocketTransport as unknown as new (
    port: SocketPort,
    settings: ConnectionSettings,
    hooks?: ConnectionHooks,
  ) => WebSocketTransport;
  return new Construct(port, settings, hooks);
}
