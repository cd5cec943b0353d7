/**
 * `createStreamableHttpClientTransport` of the runtime-neutral `./fetch` entry: the transport over
 * `fetch`. Nothing in this module's imports reaches `node:` or undici.
 */
import type { StreamableHttpClientTransportOptions } from './options.js';
import { StreamableHttpClientTransport } from './transport.js';

/**
 * Creates a Streamable HTTP client transport (both eras) over `fetch`, for browsers, workers, Deno,
 * Bun and Node; the same as `new StreamableHttpClientTransport(options)`.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core';
 * import { createStreamableHttpClientTransport } from '@mcpwire/transport-http/fetch';
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' });
 * await client.connect(createStreamableHttpClientTransport({ url: 'https://example.com/mcp' }));
 */
export function createStreamableHttpClientTransport(
  options: StreamableHttpClientTransportOptions,
): StreamableHttpClientTransport {
  return new StreamableHttpClientTransport(options);
}
