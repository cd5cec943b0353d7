import type { Options } from 'tsup';
import shared from '../../tsup.shared.js';

// Two entries: the Node one (node:http server and client) and `./fetch`, the client alone, which
// imports nothing from `node:` so browsers and workers can load it.
export default { ...shared, entry: ['src/index.ts', 'src/fetch.ts'] } as Options;
