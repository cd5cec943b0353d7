/**
 * `createStreamableHttpClientTransport` of the Node entry: the transport over undici's `request`
 * with an injectable `Dispatcher` (or over `fetch`, when one is given).
 */
import type { Dispatcher } from 'undici';
import type { StreamableHttpClientTransportOptions } from './options.js';
import { StreamableHttpClientTransport } from './transport.js';
import { undiciHttpRequester } from './undici-http.js';

/** Options of the Node entry's transport: the common ones, plus an undici `Dispatcher`. */
export interface NodeStreamableHttpClientTransportOptions extends StreamableHttpClientTransportOptions {
  /** The undici pool, agent or mock to send through (ignored with `fetch` or `http`). @default undici's global dispatcher */
  dispatcher?: Dispatcher | undefined;
}

/**
 * Creates a Streamable HTTP client transport (both eras) over undici.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core';
 * import { createStreamableHttpClientTransport } from '@mcpwire/transport-http';
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' });
 * await client.connect(createStreamableHttpClientTransport({
 *   url: 'http://127.0.0.1:3000/mcp',
 *   headers: async () => ({ authorization: `Bearer ${await token()}` }),
 * }));
 */
export function createStreamableHttpClientTransport(
  options: NodeStreamableHttpClientTransportOptions,
): StreamableHttpClientTransport {
  // With `http` or `fetch` given, the transport uses them; else undici's `request`, not `fetch`.
  if (options.http !== undefined || options.fetch !== undefined)
    return new StreamableHttpClientTransport(options);
  return new StreamableHttpClientTransport({ ...options, http: undiciHttpRequester(options.dispatcher) });
}
