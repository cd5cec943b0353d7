// The official SDK 1.x Client (legacy era) over its own StdioClientTransport against our reference server's
// CLI: the handshake, every fixture listed, exact tool, resource, prompt and completion outputs, the
// server's requests to the client, and every message valid for the negotiated revision.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RED_PIXEL_PNG } from '../src/fixtures/media.js';
import { EXPECTED_PROMPTS, EXPECTED_RESOURCES, EXPECTED_TOOLS } from './support/expected.js';
import { everythingServer } from './support/processes.js';
import { describeViolations, WireLog } from './support/wire-log.js';

let client: Client;
let log: WireLog;
const logMessages: unknown[] = [];

beforeAll(async () => {
  const command = everythingServer('dual');
  const env: Record<string, string> = { ...getDefaultEnvironment() };
  for (const [key, value] of Object.entries(command.env ?? {})) if (value !== undefined) env[key] = value;
  const sdkTransport = new StdioClientTransport({
    command: command.command,
    args: command.args,
    env,
    stderr: 'ignore',
  });
  log = new WireLog();
  client = new Client(
    { name: 'sdk-v1-interop', version: '1.0.0' },
    { capabilities: { sampling: {}, elicitation: {} } },
  );
  client.setRequestHandler(CreateMessageRequestSchema, (request) => {
    const first = request.params.messages[0]?.content;
    const text = first !== undefined && !Array.isArray(first) && first.type === 'text' ? first.text : '?';
    return {
      role: 'assistant',
      content: { type: 'text', text: `echo of "${text}"` },
      model: 'sdk-test-model',
    };
  });
  client.setRequestHandler(ElicitRequestSchema, () => ({
    action: 'accept',
    content: { username: 'sdk-user', email: 'sdk@example.com' },
  }));
  client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
    logMessages.push(notification.params.data);
  });
  // Our recorder wraps the SDK's own transport: the Transport shapes are compatible both ways.
  await client.connect(log.decorate(sdkTransport));
}, 30_000); // the server process may take seconds to boot on a loaded CI machine (the hook default is 10 s)

afterAll(async () => {
  await client?.close();
});

describe('official SDK 1.x client → our server (stdio)', () => {
  it('initializes: the SDK negotiates 2025-11-25 and sees our capabilities', () => {
    expect(client.getServerVersion()).toEqual({ name: 'mcpwire-everything-server', version: '0.0.0' });
    expect(client.getServerCapabilities()).toEqual({
      logging: {},
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      completions: {},
    });
    expect(log.negotiated).toBe('2025-11-25');
  });

  it('lists every fixture tool', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...EXPECTED_TOOLS].sort());
  });

  it('calls echo and fixed-content tools with their exact outputs', async () => {
    expect((await client.callTool({ name: 'echo', arguments: { text: 'from the SDK' } })).content).toEqual([
      { type: 'text', text: 'from the SDK' },
    ]);
    expect((await client.callTool({ name: 'test_simple_text', arguments: {} })).content).toEqual([
      { type: 'text', text: 'This is a simple text response for testing.' },
    ]);
    expect((await client.callTool({ name: 'test_image_content', arguments: {} })).content).toEqual([
      { type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' },
    ]);
    const failed = await client.callTool({ name: 'test_error_handling', arguments: {} });
    expect(failed).toEqual({
      isError: true,
      content: [{ type: 'text', text: 'This tool intentionally returns an error for testing' }],
    });
  });

  it('reports progress and log messages during a call', async () => {
    const progress: number[] = [];
    await client.callTool({ name: 'test_tool_with_progress', arguments: {} }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    // Our server sent all three, with the SDK's token...
    const sent = log
      .received('notifications/progress')
      .map((m) => ('params' in m ? m.params?.['progress'] : undefined));
    expect(sent).toEqual([0, 50, 100]);
    // ...but SDK 1.x runs notification handlers a microtask late while it settles responses at once, so a
    // progress update read in the same chunk as the result is dropped: what it delivered is a prefix.
    expect(progress).toEqual([0, 50, 100].slice(0, progress.length));
    await client.setLoggingLevel('info');
    await client.callTool({ name: 'test_tool_with_logging', arguments: {} });
    expect(logMessages).toEqual([
      'Tool execution started',
      'Tool processing data',
      'Tool execution completed',
    ]);
  });

  it('asks the SDK client for a sample and an elicitation, and uses the answers', async () => {
    const sampled = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'Say hi' } });
    expect(sampled.content).toEqual([{ type: 'text', text: 'LLM response: echo of "Say hi"' }]);
    const elicited = await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who?' } });
    expect(elicited.content).toEqual([
      {
        type: 'text',
        text: 'User response: action=accept, content={"username":"sdk-user","email":"sdk@example.com"}',
      },
    ]);
  });

  it('lists and reads resources and a template instance', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(EXPECTED_RESOURCES);
    expect((await client.readResource({ uri: 'test://static-text' })).contents).toEqual([
      {
        uri: 'test://static-text',
        mimeType: 'text/plain',
        text: 'This is the content of the static text resource.',
      },
    ]);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['test://template/{id}/data']);
    expect((await client.readResource({ uri: 'test://template/42/data' })).contents).toEqual([
      {
        uri: 'test://template/42/data',
        mimeType: 'application/json',
        text: '{"id":"42","templateTest":true,"data":"Data for ID: 42"}',
      },
    ]);
    await expect(client.subscribeResource({ uri: 'test://watched-resource' })).resolves.toEqual({});
  });

  it('lists and gets prompts', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual([...EXPECTED_PROMPTS].sort());
    const result = await client.getPrompt({
      name: 'test_prompt_with_arguments',
      arguments: { arg1: 'a', arg2: 'b' },
    });
    expect(result.messages).toEqual([
      { role: 'user', content: { type: 'text', text: "Prompt with arguments: arg1='a', arg2='b'" } },
    ]);
  });

  it('completes a prompt argument', async () => {
    const result = await client.complete({
      ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
      argument: { name: 'arg1', value: 'pa' },
    });
    expect(result.completion.values).toEqual(['paris', 'park', 'party']);
  });

  it('kept every message on the wire valid for 2025-11-25', () => {
    expect(log.entries.every((e) => e.revision === '2025-11-25')).toBe(true);
    expect(describeViolations(log)).toEqual([]);
  });
});
