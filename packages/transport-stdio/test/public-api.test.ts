import type { Readable } from 'node:stream';
import type { Transport } from '@mcpwire/protocol-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from '../src/index.js';
import {
  type StdioClientTransport,
  type StdioClientTransportOptions,
  type StdioServerTransport,
  type StdioServerTransportOptions,
  type StdioStreamTransport,
  type StdioStreamTransportOptions,
  createStdioClientTransport,
  createStdioServerTransport,
  createStdioStreamTransport,
} from '../src/index.js';

describe('public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_INHERITED_ENV_VARS',
      'StdioClientTransport',
      'StdioServerTransport',
      'StdioStreamTransport',
      'createStdioClientTransport',
      'createStdioServerTransport',
      'createStdioStreamTransport',
      'getDefaultEnvironment',
    ]);
  });

  it('pins the factories, options and Transport compatibility', () => {
    expectTypeOf(createStdioClientTransport).parameter(0).toEqualTypeOf<StdioClientTransportOptions>();
    expectTypeOf(createStdioClientTransport).returns.toEqualTypeOf<StdioClientTransport>();
    expectTypeOf(createStdioServerTransport)
      .parameter(0)
      .toEqualTypeOf<StdioServerTransportOptions | undefined>();
    expectTypeOf(createStdioServerTransport).returns.toEqualTypeOf<StdioServerTransport>();
    expectTypeOf(createStdioStreamTransport).parameter(0).toEqualTypeOf<StdioStreamTransportOptions>();
    expectTypeOf(createStdioStreamTransport).returns.toEqualTypeOf<StdioStreamTransport>();
    expectTypeOf<StdioClientTransport>().toExtend<Transport>();
    expectTypeOf<StdioServerTransport>().toExtend<Transport>();
    expectTypeOf<StdioStreamTransport>().toExtend<Transport>();
    expectTypeOf<StdioClientTransport['pid']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<StdioClientTransport['stderr']>().toEqualTypeOf<Readable | null>();
    expectTypeOf<StdioClientTransportOptions['stderr']>().toEqualTypeOf<
      'pipe' | 'inherit' | 'ignore' | undefined
    >();
    expectTypeOf(api.getDefaultEnvironment).returns.toEqualTypeOf<Record<string, string>>();
  });

  it('the default environment holds only allow-listed, set variables', () => {
    const env = api.getDefaultEnvironment();
    for (const key of Object.keys(env)) expect(api.DEFAULT_INHERITED_ENV_VARS).toContain(key);
    if (process.env['PATH'] !== undefined) expect(env['PATH']).toBe(process.env['PATH']);
  });
});
