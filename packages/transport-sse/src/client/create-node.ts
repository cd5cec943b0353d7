/**
 * `createSseClientTransport` of the Node entry: the transport over undici, with an injectable
 * `Dispatcher` (or over `fetch`, when one is given).
 */
import type { Dispatcher } from 'undici';
import { integerOption, type SseClientTransportOptions } from './options.js';
import { SseClientTransport, sseClientTransportOver } from './transport.js';
import { undiciSseHttp } from './undici-http.js';

/** Options of the Node entry's transport: the common ones, plus undici's. */
export interface NodeSseClientTransportOptions extends SseClientTransportOptions {
  /**
   * The undici agent, pool, proxy or mock that carries the GET and every POST (POSTs are then not
   * pipelined, so the endless GET can never hold one up). Ignored when `fetch` is given.
   * @default the transport's own: a one-connection Client for the stream, a Pool for the POSTs
   */
  dispatcher?: Dispatcher | undefined;
  /** Keep-alive connections of the transport's own POST pool. @default 16 */
  connections?: number | undefined;
  /** Requests pipelined on each connection of the transport's own POST pool; 1 turns pipelining off. @default 4 */
  pipelining?: number | undefined;
}

/**
 * Creates an HTTP+SSE client transport (2024-11-05) over undici.
 * @example
 * import { McpClient } from '@mcpwire/protocol-core';
 * import { createSseClientTransport } from '@mcpwire/transport-sse';
 * const client = new McpClient({ name: 'my-app', version: '1.0.0' }, { era: 'legacy' });
 * await client.connect(createSseClientTransport({
 *   url: 'http://127.0.0.1:3001/sse',
 *   headers: async () => ({ authorization: `Bearer ${await token()}` }),
 * }));
 */
export function createSseClientTransport(options: NodeSseClientTransportOptions): SseClientTransport {
  const pool = {
    connections: integerOption('connections', options.connections, 16, 1),
    pipelining: integerOption('pipelining', options.pipelining, 4, 1),
  };
  if (options.fetch !== undefined) return new SseClientTransport(options);
  return sseClientTransportOver(options, undiciSseHttp(options.dispatcher, pool));
}
