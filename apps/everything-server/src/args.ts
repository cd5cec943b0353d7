/**
 * The command line: which transport to serve on and which eras. One transport flag per transport, so
 * that HTTP (`--port N`, next) is one more entry in {@link CliArgs.transport}.
 */
import { parseArgs } from 'node:util';
import { SERVER_ERAS, type ServerEra } from './server.js';

/** Where the server listens. */
export type TransportChoice = { kind: 'stdio' };

/** The parsed command line. */
export interface CliArgs {
  transport: TransportChoice;
  era: ServerEra;
}

/** The usage text, printed for `--help` and after a usage error. */
export const USAGE = `Usage: mcpwire-everything-server --stdio [--era dual|modern|legacy]

  --stdio          serve one client on stdin/stdout (logs go to stderr)
  --era <era>      dual (default): both eras; modern: 2026-07-28 only; legacy: initialize-based revisions only
  --help           show this text`;

/** A command line that cannot be served; the message says why. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

function isEra(value: string): value is ServerEra {
  return (SERVER_ERAS as readonly string[]).includes(value);
}

/** Parses `argv` (without node and the script); `undefined` means `--help` was asked. Throws {@link UsageError}. */
export function parseCliArgs(argv: readonly string[]): CliArgs | undefined {
  let values: { stdio?: boolean | undefined; era?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { stdio: { type: 'boolean' }, era: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return undefined;
  const era = values.era ?? 'dual';
  if (!isEra(era)) throw new UsageError(`--era must be one of ${SERVER_ERAS.join(', ')}, got "${era}"`);
  if (values.stdio !== true) throw new UsageError('choose a transport: --stdio');
  return { transport: { kind: 'stdio' }, era };
}
