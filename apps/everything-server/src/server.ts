/**
 * The reference server: an `McpServer` with every conformance fixture registered (see FIXTURES.md),
 * serving the legacy era, the modern era, or both.
 */
import {
  LEGACY_PROTOCOL_VERSIONS,
  McpServer,
  MODERN_PROTOCOL_VERSIONS,
  type EngineOptions,
  type ProtocolVersion,
  type ServerContext,
} from '@mcpwire/protocol-core';
import { registerClientInputTools } from './fixtures/client-input.js';
import { registerDiagnosticTools } from './fixtures/diagnostics.js';
import { registerHeaderTools } from './fixtures/headers.js';
import { registerLoggingProgressTools } from './fixtures/logging-progress.js';
import { registerMrtrFixtures } from './fixtures/mrtr.js';
import { registerPromptFixtures } from './fixtures/prompts.js';
import { registerResourceFixtures } from './fixtures/resources.js';
import { registerContentTools } from './fixtures/tools.js';

/** Which eras the server speaks: both (dual-era), or one. */
export type ServerEra = 'dual' | 'modern' | 'legacy';

/** The eras a {@link ServerEra} names, in the order the CLI lists them. */
export const SERVER_ERAS: readonly ServerEra[] = ['dual', 'modern', 'legacy'];

/** Options of {@link createEverythingServer}. */
export interface EverythingServerOptions {
  /** The eras served; a single-era server refuses the other era's opening. @default 'dual' */
  era?: ServerEra | undefined;
  /** Pause between the notifications of the logging and progress tools, in ms. @default 50 */
  stepDelayMs?: number | undefined;
  /** Options of each connection's protocol engine. @default {} */
  engine?: EngineOptions | undefined;
  /** Ends the HTTP stream of a request before its response (`test_reconnection`); set by the HTTP transport. */
  closeRequestStream?: ((ctx: ServerContext) => boolean) | undefined;
}

/** The server's name, in `serverInfo`. */
export const SERVER_NAME = 'mcpwire-everything-server';

const VERSIONS: Readonly<Record<ServerEra, readonly ProtocolVersion[] | undefined>> = {
  // undefined: the server's default, every revision it supports.
  dual: undefined,
  modern: MODERN_PROTOCOL_VERSIONS,
  legacy: LEGACY_PROTOCOL_VERSIONS,
};

/**
 * Creates the reference server with every fixture registered; connect it to any transport.
 * @example
 * const server = createEverythingServer({ era: 'dual' });
 * await server.connect(createStdioServerTransport());
 */
export function createEverythingServer(options?: EverythingServerOptions): McpServer {
  const era = options?.era ?? 'dual';
  const server = new McpServer(
    { name: SERVER_NAME, version: '0.0.0' },
    {
      instructions:
        'The mcpwire reference server: the conformance fixtures of both MCP eras, and an echo tool.',
      supportedVersions: VERSIONS[era],
      engine: options?.engine,
    },
  );
  registerContentTools(server);
  registerLoggingProgressTools(server, { stepDelayMs: options?.stepDelayMs ?? 50 });
  registerClientInputTools(server);
  registerMrtrFixtures(server);
  registerDiagnosticTools(server, { closeRequestStream: options?.closeRequestStream });
  registerHeaderTools(server);
  registerResourceFixtures(server);
  registerPromptFixtures(server);
  return server;
}
