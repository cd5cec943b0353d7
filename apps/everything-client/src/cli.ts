/**
 * `mcpwire-everything-client <server-url>`: the client the official conformance suite drives. The
 * scenario comes from `MCP_CONFORMANCE_SCENARIO`; logs go to stderr; the exit code says whether the
 * scenario's calls succeeded.
 */
import { ConfigError, readRunConfig } from './run-config.js';
import { scenarios } from './scenarios.js';

const log = (line: string): void => {
  process.stderr.write(`[everything-client] ${line}\n`);
};

async function main(): Promise<number> {
  let config: ReturnType<typeof readRunConfig>;
  try {
    config = readRunConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log(error.message);
    log(`scenarios: ${Object.keys(scenarios).sort().join(', ')}`);
    return 2;
  }
  const scenario = scenarios[config.scenario];
  if (scenario === undefined) {
    log(`unknown scenario "${config.scenario}"; known: ${Object.keys(scenarios).sort().join(', ')}`);
    return 2;
  }
  log(`scenario ${config.scenario}, era ${config.era}, version ${config.protocolVersion ?? 'default'}`);
  await scenario(config, log);
  log('done');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
