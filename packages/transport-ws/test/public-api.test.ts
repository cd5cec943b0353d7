import type { Transport } from '@mcpwire/protocol-core';
import type { ServerOrFactory, ServerStats, Timers } from '@mcpwire/protocol-core/transport-kit';
import type { Transport as SdkTransport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { WebSocket as WsWebSocket } from 'ws';
import * as api from '../src/index.js';
import {
  createWebSocketClientTransport,
  createWebSocketHandler,
  createWebSocketServer,
  createWebSocketTransport,
  listenWebSocket,
  type NodeWebSocketClientTransportOptions,
  type WebSocketClientTransport,
  type WebSocketConnectionHandler,
  type WebSocketConnectionInfo,
  type WebSocketEndpoint,
  type WebSocketHandler,
  type WebSocketListener,
  type WebSocketServerOptions,
  type WebSocketServerStats,
  type WebSocketTimers,
  type WebSocketTransport,
  type WsSocketLike,
} from '../src/index.js';

describe('public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'HttpAuthError',
      'MCP_SUBPROTOCOL',
      'WebSocketClientTransport',
      'WebSocketCloseCode',
      'WebSocketTransport',
      'createWebSocketClientTransport',
      'createWebSocketHandler',
      'createWebSocketServer',
      'createWebSocketTransport',
      'listenWebSocket',
    ]);
    expect(api.MCP_SUBPROTOCOL).toBe('mcp');
    expect(api.WebSocketCloseCode.MessageTooBig).toBe(1009);
  });

  it('pins the factories, and Transport compatibility with ours and the SDK', () => {
    expectTypeOf(createWebSocketClientTransport)
      .parameter(0)
      .toEqualTypeOf<NodeWebSocketClientTransportOptions>();
    expectTypeOf(createWebSocketClientTransport).returns.toEqualTypeOf<WebSocketClientTransport>();
    expectTypeOf(createWebSocketHandler).parameter(0).toEqualTypeOf<WebSocketServerOptions>();
    expectTypeOf(createWebSocketHandler).returns.toEqualTypeOf<WebSocketHandler>();
    expectTypeOf(listenWebSocket).returns.resolves.toEqualTypeOf<WebSocketListener>();
    expectTypeOf(createWebSocketTransport).returns.toEqualTypeOf<WebSocketTransport>();
    expectTypeOf<WebSocketTransport>().toExtend<Transport>();
    expectTypeOf<WebSocketClientTransport>().toExtend<Transport>();
    expectTypeOf<WebSocketTransport>().toExtend<SdkTransport>();
    expectTypeOf<WebSocketClientTransport>().toExtend<SdkTransport>();
    // The `ws` package's socket fits the structural type the published declarations use.
    expectTypeOf<WsWebSocket>().toExtend<WsSocketLike>();
  });

  it('keeps the old server names as deprecated aliases of the new ones', async () => {
    expect(createWebSocketServer).toBe(createWebSocketHandler);
    expectTypeOf<WebSocketEndpoint>().toEqualTypeOf<WebSocketHandler>();
    expectTypeOf<WebSocketListener['endpoint']>().toEqualTypeOf<WebSocketListener['handler']>();
    expectTypeOf<WebSocketTimers>().toEqualTypeOf<Timers>();
    const listener = await listenWebSocket({ server: { connect: async () => {} } });
    try {
      expect(listener.endpoint).toBe(listener.handler);
    } finally {
      await listener.close();
    }
  });

  it('shares the server option and the stats shape with the other transport servers', () => {
    expectTypeOf<WebSocketServerOptions['server']>().toEqualTypeOf<
      ServerOrFactory<WebSocketTransport, WebSocketConnectionInfo>
    >();
    expectTypeOf<WebSocketConnectionHandler>().toMatchTypeOf<WebSocketServerOptions['server']>();
    expectTypeOf<WebSocketServerStats>().toMatchTypeOf<ServerStats>();
    const handler = createWebSocketHandler({ server: { connect: async () => {} } });
    expect(handler.stats).toEqual({
      sessions: 0,
      sessionsCreated: 0,
      refusedSessions: 0,
      connections: 0,
      upgrading: 0,
    });
  });
});
