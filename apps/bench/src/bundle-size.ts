/**
 * Size budget of the browser client, as TanStack Query keeps one: bundles `McpClient` from
 * `@mcpwire/protocol-core/client` with the fetch Streamable HTTP transport, from the BUILT packages
 * (what a user's bundler sees), the way a browser app would (esbuild, minified, ESM), prints its size
 * beside the official SDK's client, and fails when ours grows past the budget.
 *
 * `pnpm --filter @mcpwire/bench check:size` (turbo builds the packages first); `-- --why` lists the
 * modules that weigh most. Raise the budget only with a reason in the commit message.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

/** About 3% above what the bundle weighs today (152.9 KB / 47.1 KB gzipped; the SDK 1.x client: 314 KB / 92 KB). */
const BUDGET = { minified: 157_500, gzipped: 48_500 } as const;

const OURS = `
export { McpClient } from '@mcpwire/protocol-core/client';
export { createStreamableHttpClientTransport } from '@mcpwire/transport-http/fetch';
`;
const SDK = `
export { Client } from '@modelcontextprotocol/sdk/client/index.js';
export { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
`;

interface Size {
  minified: number;
  gzipped: number;
  metafile: Metafile;
}

async function bundle(contents: string): Promise<Size> {
  const result = await build({
    stdin: { contents, resolveDir: dirname(fileURLToPath(import.meta.url)), loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code).length, metafile: result.metafile };
}

/** Output bytes per package (or per source folder of ours), largest first. */
function heaviest(metafile: Metafile, count: number): [string, number][] {
  const groups = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
      const ours = /packages\/([^/]+)\/dist\//.exec(file)?.[1];
      const key = ours !== undefined ? `@mcpwire/${ours} (dist)` : (pkg ?? file);
      groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...groups].sort((a, b) => b[1] - a[1]).slice(0, count);
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

const [ours, sdk] = await Promise.all([bundle(OURS), bundle(SDK)]);
console.log('browser client bundle (esbuild --bundle --minify --platform=browser --format=esm)');
console.log(`  mcpwire  McpClient + fetch transport  ${kb(ours.minified)} min  ${kb(ours.gzipped)} gzip`);
console.log(`  SDK 1.x  Client + StreamableHTTP      ${kb(sdk.minified)} min  ${kb(sdk.gzipped)} gzip`);
console.log(`  budget                                ${kb(BUDGET.minified)} min  ${kb(BUDGET.gzipped)} gzip`);
if (process.argv.includes('--why')) {
  for (const [name, bytes] of heaviest(ours.metafile, 12))
    console.log(`    ${kb(bytes).padStart(9)}  ${name}`);
}
const over = (['minified', 'gzipped'] as const).filter((key) => ours[key] > BUDGET[key]);
if (over.length > 0) {
  console.error(`over budget (${over.join(', ')}): run with --why to see what grew`);
  process.exitCode = 1;
}
