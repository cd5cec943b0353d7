/** Pins the client's public surface as the package entry exports it. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CallToolParams,
  type ClientCallOptions,
  type ClientCallToolResult,
  type ClientHandlers,
  type ClientListParams,
  type InputContext,
  type ListenHandle,
  ListCache,
  McpClient,
  type McpClientOptions,
  type ProtocolEra,
  type ProtocolVersion,
  TransportErrorCode,
} from '../src/index.js';

type ListTool = Awaited<ReturnType<McpClient['listAllTools']>>[number];

describe('protocol-core client exports', () => {
  it('exports a client that refuses calls before connect', async () => {
    const client = new McpClient({ name: 'c', version: '1' }, { cache: { store: new ListCache() } });
    expect(client.connected).toBe(false);
    expect(client.era).toBeUndefined();
    await expect(client.callTool({ name: 'x' })).rejects.toMatchObject({
      code: TransportErrorCode.NotStarted,
    });
  });

  it('pins the public signatures', () => {
    // Ours, and the official SDK's (params, resultSchema, options).
    expectTypeOf<McpClient['callTool']>().toEqualTypeOf<{
      (params: CallToolParams, options?: ClientCallOptions): Promise<ClientCallToolResult>;
      (
        params: CallToolParams,
        resultSchema: { parse(value: unknown): unknown } | undefined,
        options?: ClientCallOptions,
      ): Promise<ClientCallToolResult>;
    }>();
    expectTypeOf<McpClient['listTools']>().parameter(0).toEqualTypeOf<ClientListParams | undefined>();
    expectTypeOf<McpClient['era']>().toEqualTypeOf<ProtocolEra | undefined>();
    expectTypeOf<McpClient['protocolVersion']>().toEqualTypeOf<ProtocolVersion | undefined>();
    expectTypeOf<McpClient['listen']>().returns.toEqualTypeOf<Promise<ListenHandle>>();
    expectTypeOf<ListTool['name']>().toEqualTypeOf<string>();
    expectTypeOf<McpClientOptions['era']>().toEqualTypeOf<'auto' | 'legacy' | 'modern' | undefined>();
    expectTypeOf<Parameters<NonNullable<ClientHandlers['roots']>>[0]>().toEqualTypeOf<InputContext>();
  });
});
