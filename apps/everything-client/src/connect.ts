/**
 * One connected McpClient per scenario: our Streamable HTTP transport, the era and version the run
 * asks for, and input handlers so the client declares (and can serve) elicitation, sampling and roots.
 */
import { type ClientHandlers, McpClient } from '@mcpwire/protocol-core';
import {
  createStreamableHttpClientTransport,
  type StreamableHttpClientTransport,
} from '@mcpwire/transport-http';
import type { RunConfig } from './run-config.js';

/** A connected client and the transport under it. */
export interface Connection {
  readonly client: McpClient;
  readonly transport: StreamableHttpClientTransport;
  close(): Promise<void>;
}

/** Handlers every scenario may need; a scenario overrides the ones it checks. */
export const defaultHandlers: ClientHandlers = {
  // Accepting with no content lets the client fill in the schema's defaults (SEP-1034).
  elicitation: () => ({ action: 'accept', content: {} }),
  sampling: () => ({
    role: 'assistant',
    content: { type: 'text', text: 'sampled by mcpwire-everything-client' },
    model: 'mcpwire-test-model',
    stopReason: 'endTurn',
  }),
  roots: () => ({ roots: [] }),
};

/** Connects to the run's server. */
export async function connect(
  config: RunConfig,
  log: (line: string) => void,
  handlers: ClientHandlers = defaultHandlers,
): Promise<Connection> {
  const transport = createStreamableHttpClientTransport({
    url: config.serverUrl,
    onToolRejected: (rejection) => log(`rejected tool "${rejection.name}": ${rejection.reason}`),
  });
  const client = new McpClient(
    { name: 'mcpwire-everything-client', version: '0.0.0' },
    { era: config.era, protocolVersion: config.protocolVersion, handlers },
  );
  client.onerror = (error) => log(`client error: ${error.message}`);
  await client.connect(transport);
  log(`connected: era ${client.era}, version ${client.protocolVersion}`);
  return { client, transport, close: () => client.close() };
}
