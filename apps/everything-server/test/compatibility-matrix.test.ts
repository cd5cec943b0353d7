// The spec's compatibility matrix (2026-07-28 basic/versioning) over the in-memory pair: our client
// pinned modern, dual-era (auto) or pinned legacy, against the reference server in each era.
import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import type { McpServer, Transport } from '@mcpwire/protocol-core';
import { afterEach, describe, it } from 'vitest';
import { createEverythingServer, type ServerEra } from '../src/server.js';
import { checkRow, MATRIX, runRow } from './support/matrix.js';

let servers: McpServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function inMemory(era: ServerEra): Promise<Transport> {
  const server = createEverythingServer({ era, stepDelayMs: 0 });
  servers.push(server);
  const [clientSide, serverSide] = createInMemoryTransportPair();
  await server.connect(serverSide);
  return clientSide;
}

describe('compatibility matrix, in-memory', () => {
  it.each(MATRIX)('client $client × server $server: $spec', async (row) => {
    checkRow(row, await runRow(row, inMemory));
  });
});
