import { WebSocket } from 'ws';
import { startHttpServerChild } from './http-child.js';
import type { SdkEcho } from './sdk.js';

/**
 * The WebSocket baseline: one raw `ws` client (permessage-deflate off, no subprotocol) sending
 * `tools/call`-shaped JSON-RPC requests to a bare `ws` echo server in a child (servers/raw-ws.mjs), and
 * matching the answers to their calls by id. No MCP library on either side: what the wire, `ws` and JSON cost.
 */
export async function rawWs(serverScript: string): Promise<SdkEcho> {
  const server = await startHttpServerChild(serverScript);
  const socket = new WebSocket(server.url, { perMessageDeflate: false });
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  socket.on('message', (data: Buffer) => {
    const reply = JSON.parse(data.toString('utf8')) as { id: number; result?: unknown };
    const call = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.result === undefined) call?.reject(new Error('raw WebSocket echo failed'));
    else call?.resolve(reply.result);
  });
  socket.on('close', () => {
    for (const call of pending.values()) call.reject(new Error('raw WebSocket closed'));
    pending.clear();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const call: SdkEcho['call'] = (args) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(
        JSON.stringify({
          jsonrpc: '2.0',
          id,
          method: 'tools/call',
          params: { name: 'echo', arguments: args },
        }),
      );
    });
  return {
    call,
    childPids: [server.pid],
    close: async () => {
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.close();
      await closed;
      await server.close();
    },
  };
}
