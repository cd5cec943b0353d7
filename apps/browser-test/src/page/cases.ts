/**
 * The connections the page tries. A case names the query-string parameter that holds its server URL
 * and is skipped when the page was opened without it, so a new transport is one more entry here (and
 * its parameter in the test).
 */
import type { ClientEraOption, Transport } from '@mcpwire/protocol-core';
import { createStreamableHttpClientTransport } from '@mcpwire/transport-http/fetch';
import { createSseClientTransport } from '@mcpwire/transport-sse/fetch';
import { createWebSocketClientTransport } from '@mcpwire/transport-ws/browser';

/** One connection to try: a transport, and the era the client asks for. */
export interface PageCase {
  /** Prefix of the DOM ids the results go to: `#<id>-era`, `#<id>-tools`, `#<id>-echo`, `#<id>-error`. */
  readonly id: string;
  /** The query-string parameter holding the server URL; the case is skipped without it. */
  readonly param: string;
  /** `auto` detects the server's era; `legacy` and `modern` pin one. */
  readonly era: ClientEraOption;
  /** A fresh transport to `url`. */
  transport(url: string): Transport;
}

// No era cache: each case must detect (or pin) on its own, not reuse what an earlier case learned.
const http = (url: string): Transport => createStreamableHttpClientTransport({ url, eraCache: false });

// HTTP+SSE (2024-11-05) over fetch: the GET stream and every POST are cross-origin, so they need the
// server's CORS answers (the JSON POSTs are preflighted).
const sse = (url: string): Transport => createSseClientTransport({ url });

// The browser's own WebSocket (the global one): no CORS, but the server checks the Origin it sends.
const webSocket = (url: string): Transport => createWebSocketClientTransport({ url });

/** Every case, in the order the page runs them. */
export const CASES: readonly PageCase[] = [
  { id: 'http-auto', param: 'http', era: 'auto', transport: http },
  { id: 'http-legacy', param: 'http', era: 'legacy', transport: http },
  { id: 'http-modern', param: 'http', era: 'modern', transport: http },
  { id: 'sse-legacy', param: 'sse', era: 'legacy', transport: sse },
  { id: 'ws-auto', param: 'ws', era: 'auto', transport: webSocket },
  { id: 'ws-legacy', param: 'ws', era: 'legacy', transport: webSocket },
];
