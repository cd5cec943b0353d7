import { StringDecoder } from 'node:string_decoder';
import { Client, Pool } from 'undici';
import { startHttpServerChild } from './http-child.js';
import type { SdkEcho } from './sdk.js';

/**
 * The HTTP+SSE baseline: a raw undici client against a bare node:http SSE server in a child
 * (servers/raw-sse.mjs). One GET stream (its own connection) carries every answer; each call is one POST
 * of a `tools/call` JSON-RPC request on a keep-alive Pool (64 connections, so 64 calls in flight are 64
 * parallel requests), answered 202, its result matched by id from the stream. Events are split on blank
 * lines by hand. No MCP library on either side: what the wire, the HTTP stacks and JSON cost.
 */
export async function rawSse(serverScript: string): Promise<SdkEcho> {
  const server = await startHttpServerChild(serverScript);
  const url = new URL(server.url);
  const streamClient = new Client(url.origin);
  const pool = new Pool(url.origin, { connections: 64, pipelining: 1 });
  const pending = new Map<number, (result: unknown) => void>();
  let announced!: (path: string) => void;
  const endpoint = new Promise<string>((resolve) => {
    announced = resolve;
  });
  const stream = await streamClient.request({
    path: url.pathname,
    method: 'GET',
    headers: { accept: 'text/event-stream' },
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  stream.body.on('data', (chunk: Buffer) => {
    buffered += decoder.write(chunk);
    for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data = line.slice(6);
      }
      if (event === 'endpoint') announced(data);
      else {
        const message = JSON.parse(data) as { id: number; result?: unknown };
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
    }
  });
  stream.body.on('error', () => {});
  const path = await endpoint;
  let nextId = 0;
  const call: SdkEcho['call'] = async (args) => {
    const id = nextId++;
    const answered = new Promise<unknown>((resolve) => pending.set(id, resolve));
    const { statusCode, body } = await pool.request({
      path,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'echo', arguments: args },
      }),
    });
    await body.dump();
    if (statusCode !== 202) throw new Error(`raw SSE echo failed: HTTP ${statusCode}`);
    const result = await answered;
    if (result === undefined) throw new Error('raw SSE echo failed: no result');
    return result;
  };
  return {
    call,
    childPids: [server.pid],
    close: async () => {
      await pool.close();
      await streamClient.destroy();
      await server.close();
    },
  };
}
