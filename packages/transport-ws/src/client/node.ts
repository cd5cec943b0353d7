/**
 * `createWebSocketClientTransport` of the Node entry: the client over `ws`, with `maxPayload`,
 * heartbeat pings, request headers, and the HTTP status of a refused upgrade.
 */
import type { Agent } from 'node:http';
import type { SecureContextOptions } from 'node:tls';
import { TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { WebSocket as WsWebSocket } from 'ws';
import { closedError, socketError } from '../internal/errors.js';
import type { SocketPort } from '../internal/port.js';
import { WsPort } from '../internal/ws-port.js';
import type { WsConstructorLike, WsSocketLike } from '../ws-types.js';
import {
  protocolsOf,
  resolveClientSettings,
  type WebSocketClientTransportOptions,
  webSocketUrl,
} from './options.js';
import { type Dialer, WebSocketClientTransportCore } from './transport.js';

/** Options of the Node entry's client. */
export interface NodeWebSocketClientTransportOptions extends WebSocketClientTransportOptions {
  /** Headers of the upgrade request (Authorization, cookies). Browsers cannot set any. @default {} */
  headers?: Record<string, string> | undefined;
  /** The WebSocket class: `ws`'s, or a subclass. @default the `ws` package's WebSocket */
  WebSocket?: WsConstructorLike | undefined;
  /** Negotiate permessage-deflate (compression costs CPU on both sides for every message). @default false */
  perMessageDeflate?: boolean | undefined;
  /**
   * TLS settings of a `wss:` connection: a private CA (`ca`), a client certificate for mutual TLS
   * (`cert`, `key`, `pfx`, `passphrase`), the name to verify (`servername`). Certificates are always
   * verified unless `rejectUnauthorized: false` says otherwise. @default Node's TLS defaults
   */
  tls?: (SecureContextOptions & { rejectUnauthorized?: boolean; servername?: string }) | undefined;
  /** The HTTP(S) agent of the upgrade request: a proxy agent, or a keep-alive one. @default none (Node's global agent) */
  agent?: Agent | undefined;
}

/** The most of a refusal's body read for its message. */
const MAX_REFUSAL_BODY_BYTES = 4096;

interface UpgradeResponse {
  statusCode?: number | undefined;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end' | 'error' | 'close', listener: () => void): unknown;
}

/** The message of a refusal body: the JSON-RPC error message our servers send, or the text. */
function refusalMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
  } catch {
    // Not JSON: the text itself, below.
  }
  return body.trim().slice(0, 200);
}

class NodeDialer implements Dialer {
  readonly #ctor: WsConstructorLike;
  readonly #url: string;
  readonly #protocols: string[];
  readonly #options: NodeWebSocketClientTransportOptions;
  readonly #maxMessageBytes: number;
  #socket: WsSocketLike | undefined;
  #fail: ((error: Error) => void) | undefined;

  constructor(options: NodeWebSocketClientTransportOptions, maxMessageBytes: number) {
    this.#ctor = options.WebSocket ?? (WsWebSocket as unknown as WsConstructorLike);
    this.#url = webSocketUrl(options.url);
    this.#protocols = protocolsOf(options);
    this.#options = options;
    this.#maxMessageBytes = maxMessageBytes;
  }

  open(): Promise<SocketPort> {
    return new Promise<SocketPort>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        socket.off('open', onOpen);
        socket.off('unexpected-response', onRefused);
        socket.off('error', onError);
        socket.off('close', onClose);
        outcome();
      };
      const onOpen = (): void => settle(() => resolve(port));
      const onError = (error: Error): void => settle(() => reject(socketError(error, this.#maxMessageBytes)));
      const onClose = (): void => settle(() => reject(closedError()));
      // A refused upgrade: its status and the body's message say why (401 + WWW-Authenticate, 403, 503).
      const onRefused = (_request: unknown, response: UpgradeResponse): void => {
        const status = response.statusCode ?? 0;
        let body = '';
        const done = (): void =>
          settle(() => {
            socket.terminate();
            const why = refusalMessage(body);
            reject(
              new TransportError(
                TransportErrorCode.HttpStatus,
                `The server refused the WebSocket upgrade with HTTP ${status}${why === '' ? '' : `: ${why}`}`,
                { httpStatus: status },
              ),
            );
          });
        response.on('data', (chunk: Buffer) => {
          if (body.length < MAX_REFUSAL_BODY_BYTES) body += chunk.toString('utf8');
        });
        response.on('end', done);
        response.on('error', done);
        response.on('close', done);
      };
      let socket: WsSocketLike;
      try {
        socket = new this.#ctor(this.#url, this.#protocols, {
          // TLS first: the settings below are the transport's and are not the caller's to override.
          ...this.#options.tls,
          ...(this.#options.agent === undefined ? {} : { agent: this.#options.agent }),
          ...(this.#options.headers === undefined ? {} : { headers: this.#options.headers }),
          maxPayload: this.#maxMessageBytes,
          perMessageDeflate: this.#options.perMessageDeflate ?? false,
          followRedirects: false,
          skipUTF8Validation: false,
        });
      } catch (error) {
        reject(
          new TransportError(
            TransportErrorCode.Network,
            `Cannot open a WebSocket to ${this.#url}`,
            {},
            error,
          ),
        );
        return;
      }
      this.#socket = socket;
      // Listening from construction on: the port queues what arrives before the transport takes it.
      const port = new WsPort(socket);
      socket.on('open', onOpen);
      socket.on('unexpected-response', onRefused);
      socket.on('error', onError);
      socket.on('close', onClose);
      this.#fail = (error) => settle(() => reject(error));
    });
  }

  abort(): void {
    this.#fail?.(closedError());
    this.#socket?.terminate();
  }
}

/**
 * The WebSocket client transport of the Node entry, on `ws`, offering the `mcp` subprotocol. Takes a
 * URL (the official SDK's `new WebSocketClientTransport(url)`) or the options.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core';
 * import { WebSocketClientTransport } from '@mcpwire/transport-ws';
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' });
 * await client.connect(new WebSocketClientTransport(new URL('ws://127.0.0.1:3000/ws')));
 */
export class WebSocketClientTransport extends WebSocketClientTransportCore {
  /** Throws TypeError on a URL that is not ws(s) or http(s), RangeError on a bad option. */
  constructor(urlOrOptions: URL | string | NodeWebSocketClientTransportOptions) {
    const options =
      typeof urlOrOptions === 'string' || urlOrOptions instanceof URL ? { url: urlOrOptions } : urlOrOptions;
    const settings = resolveClientSettings(options);
    super(new NodeDialer(options, settings.maxMessageBytes), settings);
  }
}

/**
 * Creates a WebSocket client transport on `ws`, offering the `mcp` subprotocol; the same as
 * `new WebSocketClientTransport(options)`.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core';
 * import { createWebSocketClientTransport } from '@mcpwire/transport-ws';
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' });
 * await client.connect(createWebSocketClientTransport({
 *   url: 'ws://127.0.0.1:3000/ws',
 *   headers: { authorization: `Bearer ${token}` },
 * }));
 */
export function createWebSocketClientTransport(
  options: NodeWebSocketClientTransportOptions,
): WebSocketClientTransport {
  return new WebSocketClientTransport(options);
}
