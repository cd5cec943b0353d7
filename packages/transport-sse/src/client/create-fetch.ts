/**
 * `createSseClientTransport` of the runtime-neutral `./fetch` entry: the transport over `fetch`.
 * Nothing in this module's imports reaches `node:` or undici.
 */
import { type FetchLike, fetchSseHttp } from './http.js';
import { resolveSseClientOptions, type SseClientTransportOptions } from './options.js';
import { SseClientTransport } from './transport.js';

function globalFetch(): FetchLike {
  const fetchImpl = globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new TypeError('No global fetch in this runtime: pass SseClientTransportOptions.fetch');
  }
  // Called through a wrapper: some runtimes refuse a fetch whose `this` is not the global object.
  return (url, init) => fetchImpl(url, init);
}

/**
 * Creates an HTTP+SSE client transport (2024-11-05) over `fetch`, for browsers, workers, Deno, Bun and Node.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core';
 * import { createSseClientTransport } from '@mcpwire/transport-sse/fetch';
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' }, { era: 'legacy' });
 * await client.connect(createSseClientTransport({ url: 'https://example.com/sse' }));
 */
export function createSseClientTransport(options: SseClientTransportOptions): SseClientTransport {
  const resolved = resolveSseClientOptions(options);
  return new SseClientTransport(resolved, fetchSseHttp(options.fetch ?? globalFetch()));
}
