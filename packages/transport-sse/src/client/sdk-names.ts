/**
 * The official SDK's spelling of the HTTP+SSE client transport, so that moving from
 * `@modelcontextprotocol/sdk/client/sse.js` is an import rename. Runtime-neutral.
 */
import { headersOfRequestInit, type SdkRequestInit } from '@mcpwire/protocol-core';
import type { FetchLike } from './http.js';
import { SseClientTransport } from './transport.js';

/**
 * The SDK's options. `requestInit.headers`, `fetch` and `eventSourceInit.fetch` are honoured; an OAuth
 * `authProvider`, `redirectPolicy: 'same-origin'`, other `requestInit` keys and other `eventSourceInit`
 * keys are refused with a TypeError, never ignored (send tokens with `requestInit.headers`).
 */
export interface SSEClientTransportOptions {
  /** Not supported: refused. Send a bearer token through `requestInit.headers`. */
  authProvider?: unknown;
  /** Only its `fetch` is applied (to the stream and the POSTs alike). @default none */
  eventSourceInit?: { fetch?: FetchLike | undefined; [key: string]: unknown } | undefined;
  /** Its `headers` go on the GET and every POST. @default {} */
  requestInit?: SdkRequestInit | undefined;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: FetchLike | undefined;
  /** Only `'follow'` (fetch's own behaviour) is accepted. @default 'follow' */
  redirectPolicy?: 'same-origin' | 'follow' | undefined;
}

function refuse(what: string, instead: string): never {
  throw new TypeError(`SSEClientTransport: ${what} is not supported; ${instead}`);
}

/**
 * The official SDK's `SSEClientTransport(url, opts)` constructor over this package's transport;
 * options it would not apply throw a TypeError.
 * @example
 * // was: import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
 * import { SSEClientTransport } from '@mcpwire/transport-sse';
 * const transport = new SSEClientTransport(new URL('http://127.0.0.1:3001/sse'));
 */
export class SSEClientTransport extends SseClientTransport {
  /** Throws TypeError for an option this transport does not support (see {@link SSEClientTransportOptions}). */
  constructor(url: URL, opts?: SSEClientTransportOptions) {
    if (opts?.authProvider !== undefined) {
      refuse(
        'authProvider (OAuth)',
        "send a token with requestInit: { headers: { authorization: 'Bearer …' } }",
      );
    }
    if (opts?.redirectPolicy === 'same-origin') {
      refuse("redirectPolicy: 'same-origin'", "redirects follow fetch's own policy ('follow')");
    }
    const eventSourceInit = opts?.eventSourceInit ?? {};
    for (const key of Object.keys(eventSourceInit)) {
      if (key !== 'fetch' && eventSourceInit[key] !== undefined) {
        refuse(`eventSourceInit.${key}`, 'only eventSourceInit.fetch is applied');
      }
    }
    const headers = headersOfRequestInit('SSEClientTransport', opts?.requestInit);
    const fetch = eventSourceInit.fetch ?? opts?.fetch;
    super({
      url,
      ...(fetch === undefined ? {} : { fetch }),
      ...(headers === undefined ? {} : { headers }),
    });
  }
}
