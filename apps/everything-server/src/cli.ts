/**
 * `mcpwire-everything-server`: the reference server on the command line. Logs go to stderr only: on
 * stdio, stdout belongs to the protocol; over HTTP it carries the one `listening …` line.
 */
import { parseCliArgs, USAGE, UsageError } from './args.js';
import { serveHttp, streamCloser } from './serve/http.js';
import { serveStdio } from './serve/stdio.js';
import { createEverythingServer } from './server.js';

const log = (line: string): void => {
  process.stderr.write(`[everything-server] ${line}\n`);
};

async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseCliArgs>;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(error.message);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (args === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const closer = streamCloser();
  const server = createEverythingServer({ era: args.era, closeRequestStream: closer.close });
  // Handler failures are answered to the client; here they are only worth a line on stderr.
  server.onerror = (error) => log(`error: ${error.message}`);
  // One case per transport, each with the same server.
  switch (args.transport.kind) {
    case 'stdio':
      log(`era: ${args.era}`);
      await serveStdio(server, log);
      return 0;
    case 'http':
      await serveHttp(server, { ...args.transport, era: args.era }, log, closer.attach);
      return 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
