import type { Options } from 'tsup';
import shared from '../../tsup.shared.js';

// One build per entry point of package.json `exports` (dist/<name>.js, .cjs, .d.ts, .d.cts).
// `splitting` puts the code entries share in chunks, for CJS too: otherwise each CJS entry would carry
// its own copy of McpClient, TransportError, InboundBuffer... and `instanceof` would fail across entries.
export default {
  ...shared,
  entry: {
    index: 'src/index.ts',
    schemas: 'src/schemas.ts',
    client: 'src/client.ts',
    server: 'src/server.ts',
    'transport-kit': 'src/transport-kit/index.ts',
    'transport-kit-node': 'src/transport-kit/node.ts',
  },
  splitting: true,
} as Options;
