import type { Options } from 'tsup';
import shared from '../../tsup.shared.js';

// Two entries: the Node one (server and client on `ws`) and `./browser`, the client on the native
// WebSocket, which imports nothing from `node:` or `ws`.
export default { ...shared, entry: ['src/index.ts', 'src/browser.ts'] } as Options;
