/**
 * `createSseClientTransport` of the runtime-neutral `./fetch` entry: the transport over `fetch`.
 * Nothing in this module's imports reaches `node:` or undici.
 */
import type { SseClientTransportOptions } from './options.js';
import { SseClientTransport } from './transport.js';

/**
 * Creates an HTTP+SSE client transport (2024-11-05) over `fetch`, for browsers, workers, Deno, Bun and
 * Node; the same as `new SseClientTransport(options)`.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core';
 * import { createSseClientTransport } from '@mcpwire/transport-sse/fetch';
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' }, { era: 'legacy' });
 * await client.connect(createSseClientTransport({ url: 'https://example.com/sse' }));
 */
export function createSseClientTransport(options: SseClientTransportOptions): SseClientTransport {
  return new SseClientTransport(options);
}
