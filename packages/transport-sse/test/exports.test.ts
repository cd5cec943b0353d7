// The public surface of both entries (names and the types users write against), and the `./fetch`
// entry's promise: nothing in its import graph reaches `node:` or undici.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transport } from '@mcpwire/protocol-core';
import type {
  ConnectableServer,
  ServerOrFactory,
  ServerStats,
  Timers,
} from '@mcpwire/protocol-core/transport-kit';
import { importGraph, nodeOnlyImports } from '@mcpwire/test-utils';
import type { Dispatcher } from 'undici';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as fetchEntry from '../src/fetch.js';
import * as nodeEntry from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('entries', () => {
  it('./fetch imports nothing from node: nor undici, directly or through protocol-core', () => {
    const graph = importGraph(resolve(here, '../src/fetch.ts'));
    const { files, packages } = graph;
    expect([...files].some((file) => file.endsWith('client/transport.ts'))).toBe(true);
    expect([...files].some((file) => file.includes('protocol-core/src/inbound-buffer.ts'))).toBe(true);
    expect(nodeOnlyImports(graph, ['undici'])).toEqual([]);
    expect(packages.has('eventsource-parser')).toBe(true);
    // The same walk does find them from the Node entry, so it would catch one.
    const node = importGraph(resolve(here, '../src/index.ts')).packages;
    expect(node.has('undici')).toBe(true);
    expect(node.has('node:http')).toBe(true);
  });

  it('export the client from both, the server from the Node entry only', () => {
    expect(typeof nodeEntry.createSseClientTransport).toBe('function');
    expect(typeof fetchEntry.createSseClientTransport).toBe('function');
    expect(nodeEntry.SseClientTransport).toBe(fetchEntry.SseClientTransport);
    expect(typeof nodeEntry.createSseHandler).toBe('function');
    expect(typeof nodeEntry.createSseServerHandler).toBe('function');
    expect(typeof nodeEntry.listenSse).toBe('function');
    expect('createSseServerHandler' in fetchEntry).toBe(false);
    expect('createSseHandler' in fetchEntry).toBe(false);
    expect(nodeEntry.BATCH_PROTOCOL_VERSIONS).toEqual(['2024-11-05', '2025-03-26']);
  });

  it('types', () => {
    expectTypeOf(nodeEntry.createSseClientTransport).returns.toMatchTypeOf<Transport>();
    expectTypeOf(fetchEntry.createSseClientTransport).returns.toMatchTypeOf<Transport>();
    // What transport-http's `fallback` option takes.
    expectTypeOf((url: URL) => fetchEntry.createSseClientTransport({ url })).toMatchTypeOf<
      (url: URL) => Transport | Promise<Transport>
    >();
    expectTypeOf<nodeEntry.NodeSseClientTransportOptions['dispatcher']>().toEqualTypeOf<
      Dispatcher | undefined
    >();
    expectTypeOf<fetchEntry.SseClientTransportOptions>().not.toHaveProperty('dispatcher');
    expectTypeOf(globalThis.fetch).toMatchTypeOf<fetchEntry.FetchLike>();
    expectTypeOf<nodeEntry.SseServerTransport>().toMatchTypeOf<Transport>();
    expectTypeOf<nodeEntry.SseHandler['handleNode']>().returns.toEqualTypeOf<boolean>();
    expectTypeOf<nodeEntry.SseServerHandler['handleNode']>().returns.toEqualTypeOf<boolean>();
    // The shapes every transport server shares, from protocol-core's transport kit.
    expectTypeOf<nodeEntry.SseServerStats>().toMatchTypeOf<ServerStats>();
    expectTypeOf<nodeEntry.SseHandler['stats']>().toEqualTypeOf<nodeEntry.SseServerStats>();
    expectTypeOf<nodeEntry.SseServerOptions['server']>().toEqualTypeOf<
      ServerOrFactory<nodeEntry.SseServerTransport, nodeEntry.SseConnectionInfo>
    >();
    expectTypeOf<nodeEntry.SseServerTimers>().toEqualTypeOf<Timers>();
    expectTypeOf<fetchEntry.SseClientTimers>().toEqualTypeOf<Timers>();
    expectTypeOf<nodeEntry.SseConnectableServer>().toEqualTypeOf<ConnectableServer>();
    expectTypeOf<nodeEntry.SseConnectHandler>().toEqualTypeOf<nodeEntry.SseConnectionHandler>();
    expectTypeOf<nodeEntry.SseConnectionHandler>().toMatchTypeOf<nodeEntry.SseServerOptions['server']>();
  });

  it('createSseServerHandler, deprecated, is createSseHandler with stats() as a method', async () => {
    const server = { connect: async () => {} };
    const handler = nodeEntry.createSseHandler({ server });
    const old = nodeEntry.createSseServerHandler({ server });
    const counters = {
      sessions: 0,
      sessionsCreated: 0,
      refusedSessions: 0,
      sessionsEvicted: 0,
      overflows: 0,
    };
    expect(handler.stats).toEqual(counters);
    expect(old.stats()).toEqual(counters);
    await Promise.all([handler.close(), old.close()]);
  });
});
