import type { Options } from 'tsup';
import shared from '../../tsup.shared.js';

// Two entries: the Node one (undici client, node:http handler) and `./fetch`, which imports nothing
// from `node:` so browsers, workers, Deno and Bun can load it.
export default { ...shared, entry: ['src/index.ts', 'src/fetch.ts'] } as Options;
