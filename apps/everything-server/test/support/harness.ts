/**
 * Connects our McpClient to the reference server over the in-memory pair, with a {@link WireLog} on
 * the client's side (so it sees what both sides emit), and answers the server's input requests with
 * fixed values that the tests can assert on.
 */
import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import {
  type ClientEraOption,
  type ClientHandlers,
  McpClient,
  type McpClientOptions,
  type McpServer,
  pipe,
} from '@mcpwire/protocol-core';
import { createEverythingServer, type ServerEra } from '../../src/server.js';
import { WireLog } from './wire-log.js';

/** What the fixed input handlers answer. */
export const ANSWERS = {
  sample: 'Paris is the capital of France.',
  root: 'file:///workspace/project',
} as const;

/**
 * The value the elicitation handler gives each form field it knows. Numbers are integers: the official
 * 2025-11-25 schema only allows integers in `ElicitResult.content`, as the suite's own client answers.
 */
export const FORM_VALUES: Readonly<Record<string, unknown>> = {
  name: 'Alice',
  username: 'Alice',
  email: 'alice@example.com',
  color: 'blue',
  ok: true,
  context: 'tests',
  proceed: true,
  age: 25,
  score: 88,
  status: 'inactive',
  verified: false,
  untitledSingle: 'option1',
  titledSingle: 'value2',
  legacyEnum: 'opt3',
  untitledMulti: ['option1', 'option3'],
  titledMulti: ['value1'],
};

/** The accepted content for a form with these fields, in field order. */
export function formAnswer(fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.filter((field) => field in FORM_VALUES).map((field) => [field, FORM_VALUES[field]]),
  );
}

/** Input handlers that answer every request the same way, and remember what they were asked. */
export function recordingHandlers(): {
  handlers: ClientHandlers;
  asked: { method: string; params: unknown }[];
} {
  const asked: { method: string; params: unknown }[] = [];
  const handlers: ClientHandlers = {
    elicitation: (params) => {
      asked.push({ method: 'elicitation/create', params });
      const fields = params.mode === 'url' ? [] : Object.keys(params.requestedSchema.properties);
      return { action: 'accept', content: formAnswer(fields) as Record<string, never> };
    },
    sampling: (params) => {
      asked.push({ method: 'sampling/createMessage', params });
      return {
        role: 'assistant',
        content: { type: 'text', text: ANSWERS.sample },
        model: 'test-model',
        stopReason: 'endTurn',
      };
    },
    roots: () => {
      asked.push({ method: 'roots/list', params: undefined });
      return { roots: [{ uri: ANSWERS.root, name: 'project' }] };
    },
  };
  return { handlers, asked };
}

/** A connected client and server, and how to take them down. */
export interface Connected {
  client: McpClient;
  server: McpServer;
  log: WireLog;
  close(): Promise<void>;
}

/** Options of {@link connectInMemory}. */
export interface ConnectOptions {
  serverEra?: ServerEra;
  clientEra?: ClientEraOption;
  client?: Omit<McpClientOptions, 'era'>;
}

/** Connects our client (era as given) to a fresh reference server (era as given) over the in-memory pair. */
export async function connectInMemory(options?: ConnectOptions): Promise<Connected> {
  const server = createEverythingServer({ era: options?.serverEra ?? 'dual', stepDelayMs: 0 });
  const [clientSide, serverSide] = createInMemoryTransportPair();
  const log = new WireLog();
  await server.connect(serverSide);
  const client = new McpClient(
    { name: 'everything-tests', version: '1.0.0' },
    { ...options?.client, era: options?.clientEra ?? 'auto', probeTimeoutMs: 2000 },
  );
  try {
    await client.connect(pipe(clientSide, log.decorate));
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    client,
    server,
    log,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
