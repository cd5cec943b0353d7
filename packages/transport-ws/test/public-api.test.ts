import type { Transport } from '@mcpwire/protocol-core';
import type { Transport as SdkTransport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { WebSocket as WsWebSocket } from 'ws';
import * as api from '../src/index.js';
import {
  createWebSocketClientTransport,
  createWebSocketServer,
  createWebSocketTransport,
  listenWebSocket,
  type NodeWebSocketClientTransportOptions,
  type WebSocketClientTransport,
  type WebSocketEndpoint,
  type WebSocketListener,
  type WebSocketServerOptions,
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
    expectTypeOf(createWebSocketServer).parameter(0).toEqualTypeOf<WebSocketServerOptions>();
    expectTypeOf(createWebSocketServer).returns.toEqualTypeOf<WebSocketEndpoint>();
    expectTypeOf(listenWebSocket).returns.resolves.toEqualTypeOf<WebSocketListener>();
    expectTypeOf(createWebSocketTransport).returns.toEqualTypeOf<WebSocketTransport>();
    expectTypeOf<WebSocketTransport>().toExtend<Transport>();
    expectTypeOf<WebSocketClientTransport>().toExtend<Transport>();
    expectTypeOf<WebSocketTransport>().toExtend<SdkTransport>();
    expectTypeOf<WebSocketClientTransport>().toExtend<SdkTransport>();
    // The `ws` package's socket fits the structural type the published declarations use.
    expectTypeOf<WsWebSocket>().toExtend<WsSocketLike>();
  });
});
