/**
 * `createStreamableHttpClientTransport` of the runtime-neutral `./fetch` entry: the transport over
 * `fetch`. Nothing in this module's imports reaches `node:` or undici.
 */
import { type FetchLike, fetchHttpRequester } from './http.js';
import { resolveClientOptions, type StreamableHttpClientTransportOptions } from './options.js';
import { StreamableHttpClientTransport } from './transport.js';

function globalFetch(): FetchLike {
  const fetchImpl = globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new TypeError('No global fetch in this runtime: pass StreamableHttpClientTransportOptions.fetch');
  }
  // Called through a wrapper: some runtimes refuse a fetch whose `this` is not the global object.
  return (url, init) => fetchImpl(url, init);
}

/**
 * Creates a Streamable HTTP client transport (both eras) over `fetch`, for browsers, workers, Deno,
 * Bun and Node.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core';
 * import { createStreamableHttpClientTransport } from '@mcpwire/transport-http/fetch';
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' });
 * await client.connect(createStreamableHttpClientTransport({ url: 'https://example.com/mcp' }));
 */
export function createStreamableHttpClientTransport(
  options: StreamableHttpClientTransportOptions,
): StreamableHttpClientTransport {
  const resolved = resolveClientOptions(options);
  const http = options.http ?? fetchHttpRequester(options.fetch ?? globalFetch());
  return new StreamableHttpClientTransport(resolved, http);
}
