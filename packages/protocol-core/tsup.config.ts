import { defineConfig, type Options } from 'tsup';
import shared from '../../tsup.shared.js';

// The shared build, with one entry per subpath of the exports map (dist/<name>.js, .cjs, .d.ts, .d.cts).
export default defineConfig({
  ...(shared as Options),
  // Split CJS too: each entry bundling its own TransportError or InboundBuffer would break instanceof across entries.
  splitting: true,
  entry: {
    index: 'src/index.ts',
    'transport-kit': 'src/transport-kit/index.ts',
    'transport-kit-node': 'src/transport-kit/node.ts',
  },
}) as Options;
