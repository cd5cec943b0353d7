/**
 * What the conformance runner tells the client: the scenario (`MCP_CONFORMANCE_SCENARIO`), the
 * requirement set's protocol version (`MCP_CONFORMANCE_PROTOCOL_VERSION`), optional scenario data
 * (`MCP_CONFORMANCE_CONTEXT`, JSON) and the server URL (the last argument).
 */
import { eraOf, type ProtocolEra, type ProtocolVersion } from '@mcpwire/protocol-core';

/** One run of the client. */
export interface RunConfig {
  readonly scenario: string;
  readonly serverUrl: string;
  /** The era to pin: `modern` for a 2026-07-28 run; `auto` otherwise, so the transport detects it. */
  readonly era: 'auto' | ProtocolEra;
  /** The version to prefer, when the runner named one this client knows. */
  readonly protocolVersion: ProtocolVersion | undefined;
  /** The scenario's data, without its `name`. */
  readonly context: Readonly<Record<string, unknown>>;
}

/** A run that cannot start; the message says why. */
export class ConfigError extends Error {
  override readonly name: string = 'ConfigError';
}

/** Reads the run from the environment and the arguments (without node and the script). */
export function readRunConfig(
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
): RunConfig {
  const scenario = env['MCP_CONFORMANCE_SCENARIO'];
  const serverUrl = argv[argv.length - 1];
  if (scenario === undefined || scenario.length === 0)
    throw new ConfigError('MCP_CONFORMANCE_SCENARIO is not set');
  if (serverUrl === undefined) throw new ConfigError('usage: everything-client <server-url>');
  try {
    new URL(serverUrl);
  } catch {
    throw new ConfigError(`not a URL: ${serverUrl}`);
  }
  const requested = env['MCP_CONFORMANCE_PROTOCOL_VERSION'];
  const era = requested === undefined ? undefined : eraOf(requested);
  const protocolVersion = era === undefined ? undefined : (requested as ProtocolVersion);
  return {
    scenario,
    serverUrl,
    era: era === 'modern' ? 'modern' : 'auto',
    protocolVersion,
    context: parseContext(env['MCP_CONFORMANCE_CONTEXT']),
  };
}

function parseContext(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError(`MCP_CONFORMANCE_CONTEXT is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError('MCP_CONFORMANCE_CONTEXT must be a JSON object');
  }
  const { name: _name, ...rest } = value as Record<string, unknown>;
  return rest;
}
