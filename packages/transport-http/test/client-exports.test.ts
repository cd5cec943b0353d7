// The client's public surface in both entries: names, and the types users write against.
import type { Transport } from '@mcpwire/protocol-core';
import type { Dispatcher } from 'undici';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as fetchEntry from '../src/fetch.js';
import * as nodeEntry from '../src/index.js';

const CLIENT_VALUES = [
  'StreamableHttpClientTransport',
  'createEraCache',
  'createStreamableHttpClientTransport',
  'eraCacheKey',
  'fetchHttpRequester',
];

describe('client exports', () => {
  it('both entries export the client; only the Node one has undici', () => {
    for (const name of CLIENT_VALUES) {
      expect(typeof (nodeEntry as Record<string, unknown>)[name], name).toBe('function');
      expect(typeof (fetchEntry as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(typeof nodeEntry.undiciHttpRequester).toBe('function');
    expect('undiciHttpRequester' in fetchEntry).toBe(false);
    expect(nodeEntry.StreamableHttpClientTransport).toBe(fetchEntry.StreamableHttpClientTransport);
  });

  it('types', () => {
    expectTypeOf(nodeEntry.createStreamableHttpClientTransport).returns.toMatchTypeOf<Transport>();
    expectTypeOf(fetchEntry.createStreamableHttpClientTransport).returns.toMatchTypeOf<Transport>();
    expectTypeOf<nodeEntry.NodeStreamableHttpClientTransportOptions['dispatcher']>().toEqualTypeOf<
      Dispatcher | undefined
    >();
    expectTypeOf<fetchEntry.StreamableHttpClientTransportOptions>().not.toHaveProperty('dispatcher');
    // globalThis.fetch must be assignable to the structural FetchLike.
    expectTypeOf(globalThis.fetch).toMatchTypeOf<fetchEntry.FetchLike>();
    // An AbortSignal is an abort source, so requesters may pass either to undici.
    expectTypeOf<AbortSignal>().toMatchTypeOf<nodeEntry.AbortSourceLike>();
    expectTypeOf<fetchEntry.HttpRequest['abortSource']>().toEqualTypeOf<
      fetchEntry.AbortSourceLike | undefined
    >();
    expectTypeOf<fetchEntry.CachedEra>().toEqualTypeOf<'legacy' | 'legacy-sse'>();
    expectTypeOf<nodeEntry.ToolRejection>().toEqualTypeOf<{
      readonly name: string;
      readonly reason: string;
    }>();
  });
});
