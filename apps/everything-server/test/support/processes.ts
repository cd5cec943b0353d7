/**
 * How integration tests start servers as child processes: ours (the built CLI), the official
 * `server-everything`, and the official SDK 2.x fixture.
 *
 * Ours runs from `dist/cli.js` (the turbo `test` task builds first). Set
 * `EVERYTHING_SERVER_FROM_SOURCE=1` to run `src/cli.ts` through tsx instead, without a build.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStdioClientTransport, type StdioClientTransportOptions } from '@mcpwire/transport-stdio';
import type { ServerEra } from '../../src/server.js';

/** A command line to spawn. */
export interface Command {
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
}

const appDir = fileURLToPath(new URL('../../', import.meta.url));

/** The built CLI. */
export const CLI_PATH: string = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** A fixture script of test/fixtures. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** The command that serves our reference server on stdio, in the given era(s). */
export function everythingServer(era: ServerEra = 'dual'): Command {
  const cliArgs = ['--stdio', '--era', era];
  if (process.env['EVERYTHING_SERVER_FROM_SOURCE'] === '1') {
    const env: Record<string, string | undefined> = {};
    // tsx reads its tsconfig from here; pass it on, since the child only inherits an allow-list.
    if (process.env['TSX_TSCONFIG_PATH'] !== undefined)
      env['TSX_TSCONFIG_PATH'] = process.env['TSX_TSCONFIG_PATH'];
    return { command: process.execPath, args: ['--import', 'tsx', `${appDir}src/cli.ts`, ...cliArgs], env };
  }
  if (!existsSync(CLI_PATH))
    throw new Error(
      `${CLI_PATH} is missing: build the app first (pnpm --filter @mcpwire/everything-server build)`,
    );
  return { command: process.execPath, args: [CLI_PATH, ...cliArgs] };
}

/** The official reference server (`@modelcontextprotocol/server-everything`, SDK 1.x, legacy era), on stdio. */
export function officialEverythingServer(): Command {
  const manifest = createRequire(import.meta.url).resolve(
    '@modelcontextprotocol/server-everything/package.json',
  );
  const script = join(dirname(manifest), 'dist', 'index.js');
  return { command: process.execPath, args: [script, 'stdio'] };
}

/** The official SDK 2.x server fixture, in the era named (`dual`, `modern` or `legacy`). */
export function sdkV2Server(era: ServerEra): Command {
  return { command: process.execPath, args: [fixture('sdk-v2-server.mjs'), era] };
}

/** Our stdio client transport for a command; stderr is discarded (servers log there). */
export function stdioTransport(command: Command, options?: Partial<StdioClientTransportOptions>) {
  return createStdioClientTransport({
    command: command.command,
    args: command.args,
    env: command.env,
    cwd: appDir,
    stderr: 'ignore',
    ...options,
  });
}
