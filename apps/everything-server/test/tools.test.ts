// The tool fixtures through our McpClient, in-memory, in both eras: names and schemas as listed, exact
// outputs as FIXTURES.md states them, and every message on the wire valid for its revision.
import type { ContentBlock, LoggingMessageNotificationParams } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import { RED_PIXEL_PNG, SILENT_WAV } from '../src/fixtures/media.js';
import { JSON_SCHEMA_2020_12_INPUT } from '../src/fixtures/tools.js';
import { EXPECTED_TOOLS } from './support/expected.js';
import { type Connected, connectInMemory } from './support/harness.js';
import { describeViolations } from './support/wire-log.js';

/** Fixed-content tools and exactly what they return. */
const FIXED: readonly [string, ContentBlock[]][] = [
  ['test_simple_text', [{ type: 'text', text: 'This is a simple text response for testing.' }]],
  ['test_image_content', [{ type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' }]],
  ['test_audio_content', [{ type: 'audio', data: SILENT_WAV, mimeType: 'audio/wav' }]],
  [
    'test_embedded_resource',
    [
      {
        type: 'resource',
        resource: {
          uri: 'test://embedded-resource',
          mimeType: 'text/plain',
          text: 'This is an embedded resource content.',
        },
      },
    ],
  ],
  [
    'test_multiple_content_types',
    [
      { type: 'text', text: 'Multiple content types test:' },
      { type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' },
      {
        type: 'resource',
        resource: {
          uri: 'test://mixed-content-resource',
          mimeType: 'application/json',
          text: '{"test":"data","value":123}',
        },
      },
    ],
  ],
];

let connected: Connected | undefined;

afterEach(async () => {
  if (connected !== undefined) {
    // Whatever the test did, both sides only ever emitted schema-valid messages.
    expect(describeViolations(connected.log)).toEqual([]);
    await connected.close();
  }
  connected = undefined;
});

describe.each(['legacy', 'modern'] as const)('tool fixtures, %s era', (era) => {
  // tools-list: every tool needs a description and an inputSchema, and a SEP-986 name.
  it('lists every fixture with a valid name, a description and an input schema', async () => {
    connected = await connectInMemory({ clientEra: era });
    const tools = await connected.client.listAllTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...EXPECTED_TOOLS].sort());
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[A-Za-z0-9_./-]{1,64}$/);
      expect(tool.description).toEqual(expect.any(String));
      expect(tool.inputSchema.type).toBe('object');
    }
  });

  it('advertises the JSON Schema 2020-12 tool schema verbatim', async () => {
    connected = await connectInMemory({ clientEra: era });
    const tools = await connected.client.listAllTools();
    const tool = tools.find((t) => t.name === 'json_schema_2020_12_tool');
    expect(tool?.description).toBe('Tool with JSON Schema 2020-12 features');
    expect(tool?.inputSchema).toEqual(JSON_SCHEMA_2020_12_INPUT);
  });

  it('echo returns its text unchanged as one text block', async () => {
    connected = await connectInMemory({ clientEra: era });
    // Non-ASCII, an emoji, quotes and a newline: anything a framing or escaping bug would mangle.
    const text = 'héllo, wörld \u{1F600} "quoted"\nnext line';
    const result = await connected.client.callTool({ name: 'echo', arguments: { text } });
    expect(result.content).toEqual([{ type: 'text', text }]);
    expect(result.isError).toBeUndefined();
  });

  it.each(FIXED)('%s returns its fixed content', async (name, content) => {
    connected = await connectInMemory({ clientEra: era });
    const result = await connected.client.callTool({ name });
    expect(result.content).toEqual(content);
  });

  it('test_error_handling answers a result with isError, not a JSON-RPC error', async () => {
    connected = await connectInMemory({ clientEra: era });
    const result = await connected.client.callTool({ name: 'test_error_handling', arguments: {} });
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      { type: 'text', text: 'This tool intentionally returns an error for testing' },
    ]);
  });

  it('json_schema_2020_12_tool validates with the conditional keywords', async () => {
    connected = await connectInMemory({ clientEra: era });
    const ok = await connected.client.callTool({
      name: 'json_schema_2020_12_tool',
      arguments: { name: 'Ada', contactMethod: 'email', email: 'ada@example.com' },
    });
    expect(ok.content).toEqual([{ type: 'text', text: 'Received arguments: contactMethod, email, name' }]);
    // contactMethod phone requires phone (if/then); the server rejects before the handler runs.
    const bad = await connected.client
      .callTool({
        name: 'json_schema_2020_12_tool',
        arguments: { contactMethod: 'phone', email: 'ada@example.com' },
      })
      .then(
        (result) => ({ isError: result.isError }),
        (error: unknown) => ({ code: (error as { code?: unknown }).code }),
      );
    // 2025-11-25 and 2026-07-28 report invalid arguments as a tool error; earlier revisions as -32602.
    expect(bad).toEqual({ isError: true });
  });

  it('test_tool_with_progress reports 0, 50 and 100 of 100', async () => {
    connected = await connectInMemory({ clientEra: era });
    const updates: { progress: number; total?: number | undefined }[] = [];
    const result = await connected.client.callTool(
      { name: 'test_tool_with_progress' },
      { onprogress: ({ progress, total }) => updates.push({ progress, total }) },
    );
    expect(updates).toEqual([
      { progress: 0, total: 100 },
      { progress: 50, total: 100 },
      { progress: 100, total: 100 },
    ]);
    expect(result.content).toEqual([{ type: 'text', text: 'Tool with progress executed successfully' }]);
  });

  it.each([
    'test_tool_with_logging',
    'test_logging_tool',
  ])('%s logs three info messages at level debug', async (name) => {
    connected = await connectInMemory({ clientEra: era });
    const logs: LoggingMessageNotificationParams[] = [];
    connected.client.onLogMessage((params) => logs.push(params));
    await connected.client.setLoggingLevel('debug');
    await connected.client.callTool({ name });
    expect(logs.map(({ level, data, logger }) => ({ level, data, logger }))).toEqual([
      { level: 'info', data: 'Tool execution started', logger: 'everything-server' },
      { level: 'info', data: 'Tool processing data', logger: 'everything-server' },
      { level: 'info', data: 'Tool execution completed', logger: 'everything-server' },
    ]);
  });

  // logging-set-level: the level filters what follows; info < warning, so nothing is sent.
  it('test_tool_with_logging sends nothing below the level set', async () => {
    connected = await connectInMemory({ clientEra: era });
    const logs: LoggingMessageNotificationParams[] = [];
    connected.client.onLogMessage((params) => logs.push(params));
    await connected.client.setLoggingLevel('warning');
    const result = await connected.client.callTool({ name: 'test_tool_with_logging' });
    expect(result.content).toEqual([{ type: 'text', text: 'Tool with logging executed successfully' }]);
    expect(logs).toEqual([]);
  });
});

describe('tool fixtures, modern era specifics', () => {
  // server-stateless: a modern server MUST NOT log for a request that did not ask (no _meta logLevel).
  it('sends no log message for a request without a log level', async () => {
    connected = await connectInMemory({ clientEra: 'modern' });
    const logs: LoggingMessageNotificationParams[] = [];
    connected.client.onLogMessage((params) => logs.push(params));
    await connected.client.callTool({ name: 'test_logging_tool' });
    expect(logs).toEqual([]);
    expect(connected.log.received('notifications/message')).toEqual([]);
  });
});
