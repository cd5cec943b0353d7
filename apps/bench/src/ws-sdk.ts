import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { WebSocketClientTransport } from '@modelcontextprotocol/sdk/client/websocket.js';
import { WebSocket } from 'ws';
import { startHttpServerChild, toolsEchoRow } from './http-child.js';
import type { SdkEcho } from './sdk.js';

/**
 * SDK Client over its own WebSocketClientTransport → a child running an SDK 1.x McpServer with the `echo`
 * tool per connection, behind our WebSocket server (servers/sdk-ws.mjs): the SDKs have no WebSocket server
 * transport, so this is the fairer pairing, SDK code at both ends of the same roles as the mcpwire rows
 * (a raw MCP-speaking echo would leave the SDK's server side out of its row). Only the server's socket
 * handling is ours, and it is the same code under the mcpwire rows.
 *
 * The SDK transport uses the global WebSocket, which Node 20 lacks without a flag: the `ws` package's
 * class is installed as `globalThis.WebSocket` when there is none.
 */
export async function sdkToolsWs(serverScript: string): Promise<SdkEcho> {
  const globals = globalThis as { WebSocket?: unknown };
  globals.WebSocket ??= WebSocket;
  const server = await startHttpServerChild(serverScript);
  const client = new Client({ name: 'sdk-bench-client', version: '1.0.0' });
  return toolsEchoRow(server, client, new WebSocketClientTransport(new URL(server.url)));
}
