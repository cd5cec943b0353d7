/**
 * The command line: which transport to serve on and which eras. One transport flag per transport
 * (`--stdio`, `--port N`), each a case of {@link TransportChoice}: a new transport is one more case.
 */
import { parseArgs } from 'node:util';
import { SERVER_ERAS, type ServerEra } from './server.js';

/** Where the server listens. */
export type TransportChoice = { kind: 'stdio' } | { kind: 'http'; port: number; host: string };

/** The parsed command line. */
export interface CliArgs {
  transport: TransportChoice;
  era: ServerEra;
}

/** The usage text, printed for `--help` and after a usage error. */
export const USAGE = `Usage: mcpwire-everything-server (--stdio | --port <n> [--host <h>]) [--era dual|modern|legacy]

  --stdio          serve one client on stdin/stdout (logs go to stderr)
  --port <n>       serve on http://<host>:<n> (0: any free port): Streamable HTTP at /mcp, HTTP+SSE
                   (2024-11-05) at GET /sse + POST /messages, WebSocket at ws://<host>:<n>/ws;
                   prints "listening http://<host>:<port>"
  --host <h>       the interface to bind with --port (default 127.0.0.1)
  --era <era>      dual (default): both eras; modern: 2026-07-28 only; legacy: initialize-based revisions only
  --help           show this text`;

/** A command line that cannot be served; the message says why. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

function isEra(value: string): value is ServerEra {
  return (SERVER_ERAS as readonly string[]).includes(value);
}

interface RawArgs {
  stdio?: boolean | undefined;
  port?: string | undefined;
  host?: string | undefined;
  era?: string | undefined;
  help?: boolean | undefined;
}

/** The transport the flags name: exactly one of them. */
function transportOf(values: RawArgs): TransportChoice {
  const stdio = values.stdio === true;
  const http = values.port !== undefined;
  if (stdio && http) throw new UsageError('choose one transport: --stdio or --port, not both');
  if (values.host !== undefined && !http) throw new UsageError('--host needs --port');
  if (stdio) return { kind: 'stdio' };
  if (!http) throw new UsageError('choose a transport: --stdio or --port <n>');
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port!) || port > 65_535)
    throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  const host = values.host ?? '127.0.0.1';
  if (host === '') throw new UsageError('--host must not be empty');
  return { kind: 'http', port, host };
}

/** Parses `argv` (without node and the script); `undefined` means `--help` was asked. Throws {@link UsageError}. */
export function parseCliArgs(argv: readonly string[]): CliArgs | undefined {
  let values: RawArgs;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        stdio: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        era: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return undefined;
  const era = values.era ?? 'dual';
  if (!isEra(era)) throw new UsageError(`--era must be one of ${SERVER_ERAS.join(', ')}, got "${era}"`);
  return { transport: transportOf(values), era };
}
