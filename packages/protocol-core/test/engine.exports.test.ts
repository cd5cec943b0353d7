import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type EngineOptions,
  type HandlerContext,
  type JSONRPCParams,
  ProtocolEngine,
  type RequestHandler,
  type RequestId,
  type RequestOptions,
  TransportErrorCode,
} from '../src/index.js';

describe('protocol-core engine exports', () => {
  it('exports the engine from the package entry', async () => {
    const engine = new ProtocolEngine();
    expect(engine.debugCounts().pendingRequests).toBe(0);
    await expect(engine.request('ping')).rejects.toMatchObject({ code: TransportErrorCode.NotStarted });
  });

  it('pins the public signatures', () => {
    expectTypeOf<ProtocolEngine['request']>().toEqualTypeOf<
      (method: string, params?: JSONRPCParams, options?: RequestOptions) => Promise<JSONRPCParams>
    >();
    expectTypeOf<ProtocolEngine['connect']>().parameter(0).toHaveProperty('send');
    expectTypeOf<RequestHandler>().parameter(1).toEqualTypeOf<HandlerContext>();
    expectTypeOf<HandlerContext['requestId']>().toEqualTypeOf<RequestId>();
    expectTypeOf<HandlerContext['signal']>().toEqualTypeOf<AbortSignal>();
    expectTypeOf<EngineOptions['maxPendingRequests']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RequestOptions['resetTimeoutOnProgress']>().toEqualTypeOf<boolean | undefined>();
  });
});
