/**
 * The official SDK's spelling of the client transport, so that moving from
 * `@modelcontextprotocol/sdk/client/streamableHttp.js` is an import rename. Runtime-neutral.
 */
import { headersOfRequestInit, type SdkRequestInit } from '@mcpwire/protocol-core';
import type { FetchLike } from './http.js';
import type { ReconnectOptions } from './options.js';
import { StreamableHttpClientTransport } from './transport.js';

/** The SDK's reconnection options; each maps onto {@link ReconnectOptions}. */
export interface StreamableHTTPReconnectionOptions {
  /** Longest delay between reconnections, in ms (`reconnect.maxDelayMs`). */
  maxReconnectionDelay: number;
  /** Delay before the first reconnection, in ms (`reconnect.initialDelayMs`). */
  initialReconnectionDelay: number;
  /** Growth of the delay per attempt (`reconnect.backoffFactor`). */
  reconnectionDelayGrowFactor: number;
  /** Consecutive failed reconnections before giving up (`reconnect.maxAttempts`). */
  maxRetries: number;
}

/**
 * The SDK's options. `requestInit.headers`, `fetch` and `reconnectionOptions` are honoured; an OAuth
 * `authProvider`, a `sessionId` to resume, `redirectPolicy: 'same-origin'` and any other
 * `requestInit` key are refused with a TypeError, never ignored (send tokens with `requestInit.headers`).
 */
export interface StreamableHTTPClientTransportOptions {
  /** Not supported: refused. Send a bearer token through `requestInit.headers`. */
  authProvider?: unknown;
  /** Its `headers` go on every request. @default {} */
  requestInit?: SdkRequestInit | undefined;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: FetchLike | undefined;
  /** Only `'follow'` (fetch's own behaviour) is accepted. @default 'follow' */
  redirectPolicy?: 'same-origin' | 'follow' | undefined;
  /** Stream resumption. @default 1000 ms initial, 30000 ms max, 1.5 growth, 2 retries (the SDK's) */
  reconnectionOptions?: StreamableHTTPReconnectionOptions | undefined;
  /** Not supported: refused. A session is always started by `initialize`. */
  sessionId?: string | undefined;
}

function refuse(what: string, instead: string): never {
  throw new TypeError(`StreamableHTTPClientTransport: ${what} is not supported; ${instead}`);
}

/**
 * The official SDK's `StreamableHTTPClientTransport(url, opts)` constructor over this package's
 * transport (both eras). Everything the SDK's `Client` and McpClient use works as with
 * {@link StreamableHttpClientTransport}; options this transport would not apply throw a TypeError.
 * @example
 * // was: import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
 * import { StreamableHTTPClientTransport } from '@mcpwire/transport-http';
 * const transport = new StreamableHTTPClientTransport(new URL('http://127.0.0.1:3000/mcp'));
 */
export class StreamableHTTPClientTransport extends StreamableHttpClientTransport {
  /** Throws TypeError for an option this transport does not support (see {@link StreamableHTTPClientTransportOptions}). */
  constructor(url: URL, opts?: StreamableHTTPClientTransportOptions) {
    if (opts?.authProvider !== undefined) {
      refuse(
        'authProvider (OAuth)',
        "send a token with requestInit: { headers: { authorization: 'Bearer …' } }",
      );
    }
    if (opts?.sessionId !== undefined) refuse('sessionId (resuming a session)', 'let initialize start one');
    if (opts?.redirectPolicy === 'same-origin') {
      refuse("redirectPolicy: 'same-origin'", "redirects follow fetch's own policy ('follow')");
    }
    const headers = headersOfRequestInit('StreamableHTTPClientTransport', opts?.requestInit);
    const reconnection = opts?.reconnectionOptions;
    super({
      url,
      ...(opts?.fetch === undefined ? {} : { fetch: opts.fetch }),
      ...(headers === undefined ? {} : { headers }),
      reconnect:
        reconnection === undefined
          ? { maxAttempts: 2 }
          : {
              maxAttempts: reconnection.maxRetries,
              initialDelayMs: reconnection.initialReconnectionDelay,
              maxDelayMs: reconnection.maxReconnectionDelay,
              backoffFactor: reconnection.reconnectionDelayGrowFactor,
            },
    });
  }
}
