// The server's public surface: the names every transport server shares, and the deprecated aliases.
import type { ServerStats, Timers } from '@mcpwire/protocol-core/transport-kit';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as fetchEntry from '../src/fetch.js';
import * as nodeEntry from '../src/index.js';
import { testServer } from './server-support/http.js';

describe('server exports', () => {
  it('create…Handler / listen… in the Node entry, the Web handler in both', () => {
    expect(typeof nodeEntry.createStreamableHttpHandler).toBe('function');
    expect(typeof nodeEntry.listenStreamableHttp).toBe('function');
    expect(nodeEntry.createStreamableHttpWebHandler).toBe(fetchEntry.createStreamableHttpWebHandler);
    expect('createStreamableHttpHandler' in fetchEntry).toBe(false);
  });

  it('stats: the counters every transport server has, and its own', async () => {
    expectTypeOf<nodeEntry.StreamableHttpServerStats>().toMatchTypeOf<ServerStats>();
    expectTypeOf<nodeEntry.StreamableHttpStats>().toEqualTypeOf<nodeEntry.StreamableHttpServerStats>();
    expectTypeOf<
      nodeEntry.StreamableHttpHandler['stats']
    >().toEqualTypeOf<nodeEntry.StreamableHttpServerStats>();
    expectTypeOf<fetchEntry.ClientTimers>().toEqualTypeOf<Timers>();
    const handler = nodeEntry.createStreamableHttpHandler({ server: testServer() });
    try {
      expect(handler.stats).toEqual({
        sessions: 0,
        sessionsCreated: 0,
        refusedSessions: 0,
        sessionsExpired: 0,
        sessionsEvicted: 0,
        openStreams: 0,
        modernInFlight: 0,
        overflows: 0,
      });
    } finally {
      await handler.close();
    }
  });
});
