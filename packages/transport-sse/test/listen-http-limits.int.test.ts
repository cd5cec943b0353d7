// listenSse runs its node:http server with bounded timeouts, configurable through httpLimits.
import { McpServer } from '@mcpwire/protocol-core';
import { sendAndWaitForClose, UNFINISHED_HEADERS } from '@mcpwire/test-utils';
import { expect, it } from 'vitest';
import { listenSse } from '../src/index.js';

it('cuts a client whose headers are too slow (408), as httpLimits says', async () => {
  const server = new McpServer({ name: 's', version: '1' });
  const listener = await listenSse({ server, httpLimits: { headersTimeoutMs: 300 } });
  try {
    expect(await sendAndWaitForClose(listener.port, UNFINISHED_HEADERS)).toMatch(/^HTTP\/1\.1 408/);
  } finally {
    await listener.close();
  }
});
