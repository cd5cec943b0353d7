/**
 * A bridge that starts its upstream session on the first message forwards the `server/discover` probe
 * into that session (answered -32601 by the legacy server behind it) and keeps the session, so the
 * fallback `initialize` is refused "already initialized". The error says so and names `era: 'legacy'`;
 * pinned to legacy, the client connects.
 */
import { describe, expect, it } from 'vitest';
import { McpClient } from '../src/client/client.js';
import { ProtocolError } from '../src/errors.js';
import type { JSONRPCMessage } from '../src/jsonrpc.js';
import { createFakePair, type FakeTransport } from './support/fake-transport.js';

/** The bridge: its session starts with whatever comes first, and refuses a later `initialize`. */
async function bridge(): Promise<FakeTransport> {
  const [client, server] = createFakePair();
  let started = false;
  const reply = (message: JSONRPCMessage) => void server.send(message);
  server.onmessage = (message) => {
    if (!('method' in message) || !('id' in message)) return;
    const { id, method } = message;
    const first = !started;
    started = true;
    if (method === 'initialize' && first) {
      reply({
        jsonrpc: '2.0',
        id,
        result: {
          protocolVersion: '2025-06-18',
          capabilities: { tools: {} },
          serverInfo: { name: 'upstream', version: '1' },
        },
      });
    } else if (method === 'initialize') {
      reply({
        jsonrpc: '2.0',
        id,
        error: { code: -32600, message: 'Invalid Request: Server already initialized' },
      });
    } else if (method === 'server/discover') {
      reply({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } });
    } else {
      reply({ jsonrpc: '2.0', id, result: {} });
    }
  };
  await server.start();
  return client;
}

describe('McpClient behind a bridge that keeps the probed session', () => {
  it("fails saying the probe took the session, naming era: 'legacy', keeping the server's code", async () => {
    const client = new McpClient({ name: 'c', version: '1' });
    const error = await client.connect(await bridge()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: -32600 });
    const message = (error as Error).message;
    expect(message).toContain('Server already initialized');
    expect(message).toContain("era: 'legacy'");
    expect((error as Error).cause).toBeInstanceOf(ProtocolError);
  });

  it("connects with era: 'legacy' (no probe)", async () => {
    const client = new McpClient({ name: 'c', version: '1' }, { era: 'legacy' });
    await client.connect(await bridge());
    expect(client.era).toBe('legacy');
    expect(client.serverInfo?.name).toBe('upstream');
    await client.close();
  });
});
