import { Pool } from 'undici';
import { startHttpServerChild } from './http-child.js';
import type { SdkEcho } from './sdk.js';

/**
 * The HTTP baseline: undici `request` on a keep-alive Pool (64 connections, so 64 calls in flight are 64
 * parallel requests) POSTing a `tools/call` JSON-RPC request to a bare node:http JSON echo in a child.
 * No MCP library on either side: what the wire, the HTTP stacks and JSON cost.
 */
export async function rawHttp(serverScript: string): Promise<SdkEcho> {
  const server = await startHttpServerChild(serverScript);
  const url = new URL(server.url);
  const pool = new Pool(url.origin, { connections: 64, pipelining: 1 });
  let nextId = 0;
  const call: SdkEcho['call'] = async (args) => {
    const { statusCode, body } = await pool.request({
      path: url.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: nextId++,
        method: 'tools/call',
        params: { name: 'echo', arguments: args },
      }),
    });
    const reply = (await body.json()) as { result?: unknown };
    if (statusCode !== 200 || reply.result === undefined) {
      throw new Error(`raw HTTP echo failed: HTTP ${statusCode}`);
    }
    return reply.result;
  };
  return {
    call,
    childPids: [server.pid],
    close: async () => {
      await pool.close();
      await server.close();
    },
  };
}
