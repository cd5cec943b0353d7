/**
 * `createWebSocketClientTransport` of the `./browser` entry: the client over the WHATWG WebSocket
 * (the global one, or one injected). Nothing in this module's imports reaches `node:` or `ws`.
 */
import { TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { closedError } from '../internal/errors.js';
import type { SocketPort } from '../internal/port.js';
import { WebPort } from '../internal/web-port.js';
import type { WebSocketConstructorLike, WebSocketLike } from '../web-socket-types.js';
import {
  protocolsOf,
  resolveClientSettings,
  type WebSocketClientTransportOptions,
  webSocketUrl,
} from './options.js';
import { type Dialer, WebSocketClientTransportCore } from './transport.js';

/** Options of the browser entry's client. */
export interface BrowserWebSocketClientTransportOptions extends WebSocketClientTransportOptions {
  /** The WebSocket class to use. @default globalThis.WebSocket */
  WebSocket?: WebSocketConstructorLike | undefined;
}

function globalWebSocket(): WebSocketConstructorLike {
  const ctor = (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket;
  if (typeof ctor !== 'function') {
    throw new TypeError(
      'No global WebSocket in this runtime: pass BrowserWebSocketClientTransportOptions.WebSocket',
    );
  }
  return ctor;
}

/** Opens a WHATWG WebSocket. A refused upgrade shows only as a close (1006): browsers hide the HTTP status. */
class BrowserDialer implements Dialer {
  readonly #ctor: WebSocketConstructorLike;
  readonly #url: string;
  readonly #protocols: string[];
  #socket: WebSocketLike | undefined;
  #fail: ((error: Error) => void) | undefined;

  constructor(ctor: WebSocketConstructorLike, url: string, protocols: string[]) {
    this.#ctor = ctor;
    this.#url = url;
    this.#protocols = protocols;
  }

  open(): Promise<SocketPort> {
    return new Promise<SocketPort>((resolve, reject) => {
      let settled = false;
      const socket = new this.#ctor(this.#url, this.#protocols);
      this.#socket = socket;
      // Listening from construction on: the port queues what arrives before the transport takes it.
      const port = new WebPort(socket);
      this.#fail = (error) => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      socket.addEventListener('open', () => {
        if (settled) return;
        settled = true;
        resolve(port);
      });
      socket.addEventListener('close', (closed) => {
        const event = closed as { code: number; reason: string };
        this.#fail?.(
          new TransportError(
            TransportErrorCode.Network,
            `The WebSocket to ${this.#url} closed before opening (${event.code}${event.reason === '' ? '' : `: ${event.reason}`}); the server may have refused the upgrade`,
          ),
        );
      });
    });
  }

  abort(): void {
    this.#fail?.(closedError());
    this.#socket?.close();
  }
}

/**
 * The WebSocket client transport of the browser entry, on the WHATWG WebSocket (browsers, workers,
 * Deno, Bun, Node 22). Takes a URL (the official SDK's `new WebSocketClientTransport(url)`) or the
 * options. Browsers cannot send pings: a dead connection is found by the server's heartbeat (browsers
 * answer pings by themselves) and shows here as a close.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core';
 * import { WebSocketClientTransport } from '@mcpwire/transport-ws/browser';
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' });
 * await client.connect(new WebSocketClientTransport(new URL('wss://example.com/ws')));
 */
export class WebSocketClientTransport extends WebSocketClientTransportCore {
  /** Throws TypeError on a bad URL or when the runtime has no WebSocket, RangeError on a bad option. */
  constructor(urlOrOptions: URL | string | BrowserWebSocketClientTransportOptions) {
    const options =
      typeof urlOrOptions === 'string' || urlOrOptions instanceof URL ? { url: urlOrOptions } : urlOrOptions;
    const settings = resolveClientSettings(options);
    const url = webSocketUrl(options.url);
    const ctor = options.WebSocket ?? globalWebSocket();
    super(new BrowserDialer(ctor, url, protocolsOf(options)), settings);
  }
}

/**
 * Creates a WebSocket client transport on the WHATWG WebSocket; the same as
 * `new WebSocketClientTransport(options)`.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core';
 * import { createWebSocketClientTransport } from '@mcpwire/transport-ws/browser';
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' });
 * await client.connect(createWebSocketClientTransport({ url: 'wss://example.com/ws' }));
 */
export function createWebSocketClientTransport(
  options: BrowserWebSocketClientTransportOptions,
): WebSocketClientTransport {
  return new WebSocketClientTransport(options);
}
