/** Builds the test page with the app's own tsup config, so the test never runs a stale bundle. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The app's folder. */
export const APP_DIR: string = fileURLToPath(new URL('../..', import.meta.url));

/** Where the built page lives: `index.html`, `main.js` and its source map. */
export const PAGE_DIR: string = join(APP_DIR, 'dist', 'page');

/** The tsup command line script, found the way Node finds the package. */
function tsupCli(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsup/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const bin = manifest.bin['tsup'];
  if (bin === undefined) throw new Error(`tsup's package.json (${manifestPath}) names no "tsup" bin`);
  return join(dirname(manifestPath), bin);
}

/**
 * Bundles the page into {@link PAGE_DIR}. Always, not only when dist is missing: the bundle inlines
 * the workspace sources of protocol-core and the transports, whose changes no timestamp
 * here would see, and the build takes well under a second.
 */
export function buildPage(): void {
  const result = spawnSync(process.execPath, [tsupCli()], { cwd: APP_DIR, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `Building the test page failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}
