/**
 * What the client does in each conformance scenario (src/scenarios/client/*.ts of the suite). Each
 * scenario's server checks what it receives; the client only has to drive the right calls and fail
 * (exit 1) when the server's answers say something went wrong.
 */
import type { Tool } from '@mcpwire/protocol-core';
import { type Connection, connect, defaultHandlers } from './connect.js';
import type { RunConfig } from './run-config.js';

/** A scenario's client side. */
export type Scenario = (config: RunConfig, log: (line: string) => void) => Promise<void>;

async function withConnection(
  config: RunConfig,
  log: (line: string) => void,
  body: (connection: Connection) => Promise<void>,
  connection?: Connection,
): Promise<void> {
  const open = connection ?? (await connect(config, log));
  try {
    await body(open);
  } finally {
    await open.close();
  }
}

/** initialize, tools_call: list the tools and call the first with two numbers. */
const basic: Scenario = (config, log) =>
  withConnection(config, log, async ({ client }) => {
    const tools = await client.listAllTools();
    log(`tools: ${tools.map((tool) => tool.name).join(', ') || '(none)'}`);
    const first = tools[0];
    if (first !== undefined) await client.callTool({ name: first.name, arguments: { a: 2, b: 3 } });
  });

/** Lists tools only (json-schema-ref-no-deref serves nothing else; a network `$ref` is never fetched). */
const listOnly: Scenario = (config, log) =>
  withConnection(config, log, async ({ client }) => {
    const tools = await client.listAllTools();
    log(`tools: ${tools.map((tool) => tool.name).join(', ')}`);
  });

/** Calls every listed tool with no arguments (elicitation defaults, SSE retry). */
const callEachTool =
  (expected: string): Scenario =>
  (config, log) =>
    withConnection(config, log, async ({ client }) => {
      const tools = await client.listAllTools();
      if (!tools.some((tool) => tool.name === expected)) throw new Error(`tool "${expected}" was not listed`);
      const result = await client.callTool({ name: expected, arguments: {} });
      log(`${expected}: ${JSON.stringify(result.content)}`);
    });

/** json-schema-2020-12-preservation: echo the focal tool's input schema back, as listed. */
const schemaPreservation: Scenario = (config, log) =>
  withConnection(config, log, async ({ client }) => {
    const tools = await client.listAllTools();
    const focal = tools.find((tool) => tool.name === 'json_schema_2020_12_tool');
    if (focal === undefined) throw new Error('json_schema_2020_12_tool was not listed');
    await client.callTool({ name: 'json_schema_echo', arguments: { schema: focal.inputSchema } });
  });

/** request-metadata: every request carries `_meta` and the version header; -32022 is retried. */
const requestMetadata: Scenario = (config, log) =>
  withConnection(config, log, async ({ client }) => {
    await client.discover();
    await client.listTools();
  });

/** http-standard-headers: one request of each method that mirrors a name into `Mcp-Name`. */
const standardHeaders: Scenario = (config, log) =>
  withConnection(config, log, async ({ client }) => {
    for (const tool of await client.listAllTools()) await client.callTool({ name: tool.name, arguments: {} });
    for (const resource of await client.listAllResources()) await client.readResource({ uri: resource.uri });
    for (const prompt of await client.listAllPrompts()) await client.getPrompt({ name: prompt.name });
  });

interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

function toolCallsOf(context: Readonly<Record<string, unknown>>): ToolCall[] {
  const calls = context['toolCalls'];
  if (!Array.isArray(calls)) return [];
  return calls.filter(
    (call): call is ToolCall =>
      typeof call === 'object' && call !== null && typeof (call as ToolCall).name === 'string',
  );
}

/** http-custom-headers: the calls the context names, with their exact arguments. */
const customHeaders: Scenario = (config, log) =>
  withConnection(config, log, async ({ client }) => {
    const listed = new Set((await client.listAllTools()).map((tool) => tool.name));
    for (const call of toolCallsOf(config.context)) {
      if (!listed.has(call.name)) throw new Error(`tool "${call.name}" was not listed`);
      await client.callTool({ name: call.name, arguments: call.arguments ?? {} });
    }
  });

/** Arguments that satisfy a tool's required string/integer/boolean properties. */
function sampleArguments(tool: Tool): Record<string, unknown> {
  const schema = tool.inputSchema as { properties?: Record<string, { type?: unknown }>; required?: unknown };
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const out: Record<string, unknown> = {};
  for (const name of required) {
    const type = schema.properties?.[name]?.type;
    out[name] = type === 'integer' || type === 'number' ? 1 : type === 'boolean' ? true : 'us-west1';
  }
  return out;
}

/** http-invalid-tool-headers: call every tool the transport kept; the invalid ones never appear. */
const invalidToolHeaders: Scenario = (config, log) =>
  withConnection(config, log, async ({ client }) => {
    const tools = await client.listAllTools();
    log(`kept: ${tools.map((tool) => tool.name).join(', ')}`);
    for (const tool of tools) await client.callTool({ name: tool.name, arguments: sampleArguments(tool) });
  });

/**
 * sep-2322-client-request-state: three MRTR tools. While answering the first one's elicitation, an
 * unrelated tool is called, which must carry none of the first one's `inputResponses` or `requestState`.
 */
const mrtr: Scenario = async (config, log) => {
  let unrelated: (() => Promise<unknown>) | undefined;
  const connection = await connect(config, log, {
    ...defaultHandlers,
    elicitation: async () => {
      const call = unrelated;
      unrelated = undefined;
      await call?.();
      return { action: 'accept', content: { confirmed: true } };
    },
  });
  unrelated = () => connection.client.callTool({ name: 'test_mrtr_unrelated', arguments: {} });
  await withConnection(
    config,
    log,
    async ({ client }) => {
      await client.listAllTools();
      for (const name of ['test_mrtr_echo_state', 'test_mrtr_no_state', 'test_mrtr_no_result_type']) {
        const result = await client.callTool({ name, arguments: {} });
        log(`${name}: ${JSON.stringify(result.content)}`);
      }
    },
    connection,
  );
};

/** Scenario name to client behaviour; auth scenarios are not implemented. */
export const scenarios: Readonly<Record<string, Scenario>> = {
  initialize: basic,
  tools_call: basic,
  'tools-call': basic,
  'elicitation-sep1034-client-defaults': callEachTool('test_client_elicitation_defaults'),
  'elicitation-defaults': callEachTool('test_client_elicitation_defaults'),
  'sse-retry': callEachTool('test_reconnection'),
  'json-schema-2020-12-preservation': schemaPreservation,
  'json-schema-ref-no-deref': listOnly,
  'request-metadata': requestMetadata,
  'http-standard-headers': standardHeaders,
  'http-custom-headers': customHeaders,
  'http-invalid-tool-headers': invalidToolHeaders,
  'sep-2322-client-request-state': mrtr,
};
