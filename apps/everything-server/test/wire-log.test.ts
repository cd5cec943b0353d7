// The recording decorator the interop tests rely on: it must attribute each message to the right
// revision and catch an invalid one, or every "no violations" assertion elsewhere proves nothing.
import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import { type JSONRPCMessage, pipe } from '@mcpwire/protocol-core';
import { describe, expect, it } from 'vitest';
import { WireLog } from './support/wire-log.js';

const modernMeta = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};

async function loggedPair(): Promise<{
  log: WireLog;
  send: (m: JSONRPCMessage) => Promise<void>;
  reply: (m: JSONRPCMessage) => Promise<void>;
}> {
  const [a, b] = createInMemoryTransportPair();
  const log = new WireLog();
  const observed = pipe(a, log.decorate);
  observed.onmessage = () => {};
  b.onmessage = () => {};
  await observed.start();
  await b.start();
  return { log, send: (m) => observed.send(m), reply: (m) => b.send(m) };
}

/** Lets the in-memory pair deliver what was sent. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('WireLog', () => {
  it('takes the revision from initialize and its result, then applies it to later messages', async () => {
    const { log, send, reply } = await loggedPair();
    await send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'c', version: '1' } },
    });
    await reply({
      jsonrpc: '2.0',
      id: 1,
      result: { protocolVersion: '2025-03-26', capabilities: {}, serverInfo: { name: 's', version: '1' } },
    });
    await delivered();
    await send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    expect(log.entries.map((e) => [e.direction, e.revision])).toEqual([
      ['out', '2025-06-18'],
      ['in', '2025-03-26'],
      ['out', '2025-03-26'],
    ]);
    expect(log.violations).toEqual([]);
  });

  it('attributes a request with modern _meta, and its response, to 2026-07-28', async () => {
    const { log, send, reply } = await loggedPair();
    await send({ jsonrpc: '2.0', id: 7, method: 'tools/list', params: { _meta: modernMeta } });
    await reply({
      jsonrpc: '2.0',
      id: 7,
      result: { tools: [], resultType: 'complete', ttlMs: 0, cacheScope: 'public' },
    });
    await delivered();
    expect(log.entries.map((e) => e.revision)).toEqual(['2026-07-28', '2026-07-28']);
    expect(log.violations).toEqual([]);
  });

  it('reports a request whose params break the method schema', async () => {
    const { log, send } = await loggedPair();
    // tools/call needs a string name.
    await send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 42, _meta: modernMeta } });
    expect(log.violations).toHaveLength(1);
    expect(log.violations[0]?.errors.join(' ')).toContain('CallToolRequest');
  });

  it('reports a result that breaks its method result schema', async () => {
    const { log, send, reply } = await loggedPair();
    await send({ jsonrpc: '2.0', id: 3, method: 'tools/list', params: { _meta: modernMeta } });
    await reply({
      jsonrpc: '2.0',
      id: 3,
      result: { tools: [{ description: 'no name' }], resultType: 'complete', ttlMs: 0, cacheScope: 'public' },
    });
    await delivered();
    expect(log.violations.map((v) => v.entry.direction)).toEqual(['in']);
    expect(log.violations[0]?.errors.join(' ')).toContain('ListToolsResult');
  });
});
