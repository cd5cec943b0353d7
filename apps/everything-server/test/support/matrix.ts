/**
 * The compatibility matrix of the 2026-07-28 spec (`basic/versioning`, "Compatibility Matrix"): every
 * client era against every server era, with the outcome the spec states. One table, run over each
 * transport by the tests.
 */
import {
  type ClientEraOption,
  McpClient,
  ProtocolError,
  pipe,
  type Transport,
  TransportError,
} from '@mcpwire/protocol-core';
import { expect } from 'vitest';
import type { ServerEra } from '../../src/server.js';
import { describeViolations, WireLog } from './wire-log.js';

/** What the spec says a combination does. */
export type Expected =
  | { works: true; era: 'legacy' | 'modern' }
  | {
      works: false;
      /** Where it fails: `connect()` itself, or the first request (a pinned modern client does not probe). */
      at: 'connect' | 'first request';
      /** The TransportError code our client surfaces. */
      code: string;
      /** The JSON-RPC error the server sent, as the spec describes it. */
      serverError: { code: number; supported: string[] };
    };

/** One cell: client era × server era. */
export interface MatrixRow {
  client: ClientEraOption;
  server: ServerEra;
  spec: string;
  expected: Expected;
}

const LEGACY_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];

/** The matrix, in the spec's order. `auto` is our dual-era client. */
export const MATRIX: readonly MatrixRow[] = [
  { client: 'modern', server: 'modern', spec: 'Works', expected: { works: true, era: 'modern' } },
  {
    client: 'modern',
    server: 'legacy',
    spec: 'Fails; the client surfaces an actionable error',
    // Our legacy-only server recognises the modern _meta and answers -32022 naming its legacy versions.
    expected: {
      works: false,
      at: 'first request',
      code: 'MCPWIRE_ERR_UNSUPPORTED_VERSION',
      serverError: { code: -32022, supported: LEGACY_VERSIONS },
    },
  },
  {
    client: 'auto',
    server: 'modern',
    spec: 'Works; the client stays modern',
    expected: { works: true, era: 'modern' },
  },
  {
    client: 'auto',
    server: 'legacy',
    spec: 'Works; the client falls back to initialize',
    expected: { works: true, era: 'legacy' },
  },
  {
    client: 'legacy',
    server: 'modern',
    spec: 'Fails; the server rejects initialize with a JSON-RPC error naming its versions',
    // The code is implementation-defined; ours is -32602, and `data.supported` names the versions (SHOULD).
    expected: {
      works: false,
      at: 'connect',
      code: 'MCPWIRE_ERR_UNSUPPORTED_VERSION',
      serverError: { code: -32602, supported: ['2026-07-28'] },
    },
  },
  {
    client: 'legacy',
    server: 'dual',
    spec: 'Works in the negotiated legacy revision',
    expected: { works: true, era: 'legacy' },
  },
  {
    client: 'legacy',
    server: 'legacy',
    spec: 'Works (legacy × legacy)',
    expected: { works: true, era: 'legacy' },
  },
  // Not rows of the spec's table, but dual-era servers must serve every client: modern clients stay modern.
  {
    client: 'modern',
    server: 'dual',
    spec: 'Works (dual-era server)',
    expected: { works: true, era: 'modern' },
  },
  {
    client: 'auto',
    server: 'dual',
    spec: 'Works; both prefer modern',
    expected: { works: true, era: 'modern' },
  },
];

/** What happened when a client of one era met a server of another. */
export interface Outcome {
  era: string | undefined;
  /** The echo tool's text, when the call went through. */
  echoed: string | undefined;
  /** Where it failed, and with what. */
  failure: { at: 'connect' | 'first request'; code: string; message: string } | undefined;
  /** The JSON-RPC errors the server sent, with their `data.supported`. */
  serverErrors: { code: number; supported: unknown }[];
  /** Schema violations of anything either side sent. */
  violations: string[];
}

function codeOf(error: unknown): string {
  if (error instanceof TransportError) return error.code;
  if (error instanceof ProtocolError) return `ProtocolError ${error.code}`;
  return String(error);
}

/** Runs one row: connect, call `echo`, record everything. `open` gives a transport to a server of that era. */
export async function runRow(
  row: MatrixRow,
  open: (era: ServerEra) => Promise<Transport> | Transport,
): Promise<Outcome> {
  const log = new WireLog();
  const client = new McpClient(
    { name: 'matrix-client', version: '1.0.0' },
    // Generous: every server here answers the probe, but a child process on a loaded CI machine can take
    // seconds to boot and answer, and a probe timing out would fall back to initialize (the wrong era).
    { era: row.client, probeTimeoutMs: 15_000 },
  );
  const outcome: Outcome = {
    era: undefined,
    echoed: undefined,
    failure: undefined,
    serverErrors: [],
    violations: [],
  };
  try {
    await client.connect(pipe(await open(row.server), log.decorate));
    outcome.era = client.era;
    const result = await client.callTool({ name: 'echo', arguments: { text: 'matrix' } });
    const block = result.content[0];
    outcome.echoed = block?.type === 'text' ? block.text : undefined;
  } catch (error) {
    outcome.failure = {
      at: outcome.era === undefined ? 'connect' : 'first request',
      code: codeOf(error),
      message: error instanceof Error ? error.message : String(error),
    };
  } finally {
    await client.close();
  }
  for (const message of log.received()) {
    if ('error' in message) {
      const data = message.error.data as { supported?: unknown } | undefined;
      outcome.serverErrors.push({ code: message.error.code, supported: data?.supported });
    }
  }
  outcome.violations = describeViolations(log);
  return outcome;
}

/** Asserts that an outcome is what the spec says for its row, and that nothing invalid crossed the wire. */
export function checkRow(row: MatrixRow, outcome: Outcome): void {
  expect(outcome.violations).toEqual([]);
  const { expected } = row;
  if (expected.works) {
    expect(outcome).toMatchObject({ era: expected.era, echoed: 'matrix', failure: undefined });
    return;
  }
  expect(outcome.failure).toMatchObject({ at: expected.at, code: expected.code });
  expect(outcome.serverErrors).toContainEqual(expected.serverError);
  expect(outcome.echoed).toBeUndefined();
}
