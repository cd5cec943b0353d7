// The stateless diagnostics (server-stateless scenario) and list-changed delivery in both eras.
import { ProtocolError } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ANSWERS, type Connected, connectInMemory, recordingHandlers } from './support/harness.js';
import { describeViolations } from './support/wire-log.js';

let connected: Connected | undefined;

afterEach(async () => {
  if (connected !== undefined) {
    expect(describeViolations(connected.log)).toEqual([]);
    await connected.close();
  }
  connected = undefined;
});

/** A promise and the function that resolves it, for waiting on a callback without a timer. */
function signal(): { fired: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fired, fire };
}

describe('test_missing_capability', () => {
  it('modern: without sampling, -32021 names { sampling: {} }', async () => {
    connected = await connectInMemory({ clientEra: 'modern' });
    const error = await connected.client
      .callTool({ name: 'test_missing_capability' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: -32021, data: { requiredCapabilities: { sampling: {} } } });
  });

  it('legacy: without sampling, a tool error; with it, the sample', async () => {
    connected = await connectInMemory({ clientEra: 'legacy' });
    const refused = await connected.client.callTool({ name: 'test_missing_capability' });
    expect(refused.isError).toBe(true);
    await connected.close();
    connected = await connectInMemory({
      clientEra: 'legacy',
      client: { handlers: recordingHandlers().handlers },
    });
    const served = await connected.client.callTool({ name: 'test_missing_capability' });
    expect(served.content).toEqual([{ type: 'text', text: `Sampled: ${ANSWERS.sample}` }]);
  });
});

describe('test_streaming_elicitation', () => {
  it('modern: the question travels in input_required; the server sends no request of its own', async () => {
    connected = await connectInMemory({
      clientEra: 'modern',
      client: { handlers: recordingHandlers().handlers },
    });
    const result = await connected.client.callTool({ name: 'test_streaming_elicitation' });
    expect(result.content).toEqual([
      { type: 'text', text: 'Streaming elicitation: action=accept, content={"proceed":true}' },
    ]);
    // A message from the server with both a method and an id would be a request: a modern server sends none.
    const fromServer = connected.log.received().filter((m) => 'method' in m && 'id' in m);
    expect(fromServer).toEqual([]);
    expect(connected.log.resultsOf('tools/call')[0]).toMatchObject({ resultType: 'input_required' });
  });
});

describe('list changes', () => {
  it('modern: a tools listen stream gets tools/list_changed with its subscription id', async () => {
    connected = await connectInMemory({ clientEra: 'modern' });
    const changed = signal();
    const handle = await connected.client.listen(
      { toolsListChanged: true },
      { onToolsListChanged: changed.fire },
    );
    expect(handle.acknowledged).toEqual({ toolsListChanged: true });
    const added = await connected.client.callTool({ name: 'test_trigger_tool_change' });
    expect(added.content).toEqual([{ type: 'text', text: 'Added test_dynamic_tool' }]);
    await changed.fired;
    const [ack, notification] = connected.log
      .received()
      .filter(
        (m) =>
          'method' in m && m.method.startsWith('notifications/') && m.method !== 'notifications/progress',
      );
    expect(ack).toMatchObject({ method: 'notifications/subscriptions/acknowledged' });
    expect(notification).toMatchObject({
      method: 'notifications/tools/list_changed',
      params: { _meta: { 'io.modelcontextprotocol/subscriptionId': handle.id } },
    });
    const tools = await connected.client.listAllTools({ bypassCache: true });
    expect(tools.map((t) => t.name)).toContain('test_dynamic_tool');
    await handle.close();
  });

  it('modern: a prompts-only stream never sees the tools change made before the prompts change', async () => {
    connected = await connectInMemory({ clientEra: 'modern' });
    const prompts = signal();
    let toolNotifications = 0;
    const handle = await connected.client.listen(
      { promptsListChanged: true },
      { onPromptsListChanged: prompts.fire, onToolsListChanged: () => toolNotifications++ },
    );
    await connected.client.callTool({ name: 'test_trigger_tool_change' });
    await connected.client.callTool({ name: 'test_trigger_prompt_change' });
    // One ordered channel: a tools notification sent for this stream would have arrived before this one.
    await prompts.fired;
    expect(toolNotifications).toBe(0);
    expect(connected.log.received('notifications/tools/list_changed')).toEqual([]);
    await handle.close();
  });

  it('legacy: the session gets tools/list_changed and prompts/list_changed', async () => {
    connected = await connectInMemory({ clientEra: 'legacy' });
    const tools = signal();
    const prompts = signal();
    connected.client.onToolsListChanged(tools.fire);
    connected.client.onPromptsListChanged(prompts.fire);
    await connected.client.callTool({ name: 'test_trigger_tool_change' });
    await connected.client.callTool({ name: 'test_trigger_prompt_change' });
    await Promise.all([tools.fired, prompts.fired]);
    const removed = await connected.client.callTool({ name: 'test_trigger_tool_change' });
    expect(removed.content).toEqual([{ type: 'text', text: 'Removed test_dynamic_tool' }]);
  });
});
