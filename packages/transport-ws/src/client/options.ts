import { integerOption } from '@mcpwire/protocol-core/transport-kit';
import { resolveConnectionSettings, type WebSocketConnectionOptions } from '../connection-options.js';
import { MCP_SUBPROTOCOL } from '../subprotocol.js';
import type { ClientSettings } from './transport.js';

/** Options of `createWebSocketClientTransport`, common to the Node and browser entries. */
export interface WebSocketClientTransportOptions extends WebSocketConnectionOptions {
  /** The server's URL: `ws:` or `wss:` (`http:` and `https:` are turned into them). */
  url: string | URL;
  /** The subprotocols offered; the server must pick one. @default ['mcp'] */
  protocols?: readonly string[] | undefined;
  /** How long `start()` waits for the socket to open, in ms. @default 10000 */
  connectTimeoutMs?: number | undefined;
}

/** The URL as a `ws:`/`wss:` string; throws TypeError for anything else. */
export function webSocketUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`WebSocketClientTransportOptions.url is not a URL: ${String(url)}`);
  }
  if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
  else if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    throw new TypeError(
      `WebSocketClientTransportOptions.url must be ws:, wss:, http: or https:, got ${parsed.protocol}`,
    );
  }
  // A fragment means nothing to a WebSocket server, and the WHATWG constructor refuses one.
  parsed.hash = '';
  return parsed.href;
}

/** Applies the defaults; throws RangeError on a bad value. */
export function resolveClientSettings(options: WebSocketClientTransportOptions): ClientSettings {
  const owner = 'WebSocketClientTransportOptions';
  return {
    // No cap by default: a client buffers its own requests, and a server that pauses reading to hold a
    // fast client back must not make that client drop its own connection.
    ...resolveConnectionSettings(owner, options, Number.MAX_SAFE_INTEGER),
    connectTimeoutMs: integerOption(owner, 'connectTimeoutMs', options.connectTimeoutMs, 10_000, 1),
  };
}

/** The subprotocols to offer. */
export function protocolsOf(options: WebSocketClientTransportOptions): string[] {
  const protocols = options.protocols ?? [MCP_SUBPROTOCOL];
  if (protocols.length === 0)
    throw new RangeError('WebSocketClientTransportOptions.protocols must not be empty');
  return [...protocols];
}
