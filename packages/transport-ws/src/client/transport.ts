import {
  type JSONRPCMessage,
  type MessageCallback,
  type Transport,
  TransportError,
  TransportErrorCode,
  type TransportSendOptions,
} from '@mcpwire/protocol-core';
import type { ConnectionSettings } from '../connection-options.js';
import { Connection } from '../internal/connection.js';
import { closedError } from '../internal/errors.js';
import type { SocketPort } from '../internal/port.js';

/** How a client opens its socket (`ws` in Node, the native WebSocket in browsers). */
export interface Dialer {
  /** Opens the socket; rejects with a TransportError when it cannot. */
  open(): Promise<SocketPort>;
  /** Abandons an `open()` in progress (its socket is dropped, its promise rejects). */
  abort(): void;
}

/** A client's settings: the connection's, and how long opening may take. */
export interface ClientSettings extends ConnectionSettings {
  readonly connectTimeoutMs: number;
}

/**
 * The client side of MCP over WebSocket: `start()` opens the socket (subprotocol `mcp`), then one
 * JSON-RPC message travels per text frame. Each entry exports its subclass `WebSocketClientTransport`,
 * which opens the socket with that entry's WebSocket (`ws` in Node, the WHATWG one in browsers).
 */
export class WebSocketClientTransportCore implements Transport {
  /** Called once when the connection closed, whoever closed it. */
  onclose?: (() => void) | undefined;
  /** Called for malformed frames, limits hit, and a connection that dropped. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called for each valid message received. */
  onmessage?: MessageCallback | undefined;
  readonly #dialer: Dialer;
  readonly #settings: ClientSettings;
  #state: 'new' | 'connecting' | 'open' | 'closed' = 'new';
  #connection: Connection | undefined;
  #closeFired = false;
  /** The negotiated revision, kept for a connection not made yet. */
  #protocolVersion: string | undefined;

  /** Built by an entry's `WebSocketClientTransport`: the dialer is internal. */
  protected constructor(dialer: Dialer, settings: ClientSettings) {
    this.#dialer = dialer;
    this.#settings = settings;
  }

  /** Bytes the socket holds that were not handed to the OS yet. */
  get bufferedAmount(): number {
    return this.#connection?.bufferedAmount ?? 0;
  }

  /**
   * The connection's close code, once closing: the one this side sent when it closed first, else the one
   * received (1006 when the connection dropped without a close frame).
   */
  get closeCode(): number | undefined {
    return this.#connection?.closeCode;
  }

  /** The reason that goes with {@link closeCode}. */
  get closeReason(): string | undefined {
    return this.#connection?.closeReason;
  }

  /**
   * Opens the connection; resolves once it is open. Rejects with a TransportError: `MCPWIRE_ERR_HTTP_STATUS`
   * when the server refused the upgrade (`details.httpStatus`; Node only, browsers do not tell),
   * `MCPWIRE_ERR_NETWORK` when it could not connect or took longer than `connectTimeoutMs`,
   * `MCPWIRE_ERR_ALREADY_STARTED` on a second call, `MCPWIRE_ERR_CLOSED` after `close()`.
   */
  async start(): Promise<void> {
    if (this.#state !== 'new') {
      throw this.#state === 'closed'
        ? closedError()
        : new TransportError(
            TransportErrorCode.AlreadyStarted,
            'Transport already started; start() is called once',
          );
    }
    this.#state = 'connecting';
    let port: SocketPort;
    try {
      port = await this.#dial();
    } catch (error) {
      // A failed start leaves a transport that never opened: there is no close to report.
      if (this.#state === 'connecting') this.#state = 'closed';
      this.#closeFired = true;
      throw error;
    }
    if (this.#state !== 'connecting') {
      port.terminate();
      throw closedError();
    }
    this.#state = 'open';
    const connection = new Connection(this, port, this.#settings);
    if (this.#protocolVersion !== undefined) connection.setProtocolVersion(this.#protocolVersion);
    this.#connection = connection;
    await connection.start();
  }

  /**
   * Records the revision `initialize` negotiated (called by the client engine). Under 2024-11-05 and
   * 2025-03-26 a frame from the server may hold a JSON-RPC batch, answered with one frame holding an
   * array of the responses; under other revisions, and before this call, an array is refused -32600.
   */
  setProtocolVersion(version: string): void {
    this.#protocolVersion = version;
    this.#connection?.setProtocolVersion(version);
  }

  /** Sends one text frame; see `WebSocketTransport.send` for when it resolves. */
  send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    const connection = this.#connection;
    if (connection !== undefined) return connection.send(message);
    return Promise.reject(
      this.#state === 'closed'
        ? closedError()
        : new TransportError(TransportErrorCode.NotStarted, 'Transport not started; call start() first'),
    );
  }

  /** Closes with `code` (1000) and resolves once the socket closed or `closeTimeoutMs` passed. Idempotent. */
  close(code?: number, reason?: string): Promise<void> {
    const connection = this.#connection;
    if (connection !== undefined) return connection.close(code, reason);
    if (this.#state === 'connecting') this.#dialer.abort();
    this.#state = 'closed';
    if (!this.#closeFired) {
      this.#closeFired = true;
      this.onclose?.();
    }
    return Promise.resolve();
  }

  #dial(): Promise<SocketPort> {
    const { timers, connectTimeoutMs } = this.#settings;
    return new Promise<SocketPort>((resolve, reject) => {
      const timer = timers.setTimeout(() => {
        this.#dialer.abort();
        reject(
          new TransportError(
            TransportErrorCode.Network,
            `The WebSocket did not open within ${connectTimeoutMs} ms (connectTimeoutMs)`,
            { limit: { name: 'connectTimeoutMs', value: connectTimeoutMs } },
          ),
        );
      }, connectTimeoutMs);
      this.#dialer.open().then(
        (port) => {
          timers.clearTimeout(timer);
          resolve(port);
        },
        (error: unknown) => {
          timers.clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}
