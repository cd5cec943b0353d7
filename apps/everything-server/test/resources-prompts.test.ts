// Resources, prompts and completion fixtures through our McpClient, in-memory, in both eras.
import { ProtocolError } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import { RED_PIXEL_PNG } from '../src/fixtures/media.js';
import { EXPECTED_PROMPTS, EXPECTED_RESOURCES } from './support/expected.js';
import { type Connected, connectInMemory } from './support/harness.js';
import { describeViolations } from './support/wire-log.js';

let connected: Connected | undefined;

afterEach(async () => {
  if (connected !== undefined) {
    expect(describeViolations(connected.log)).toEqual([]);
    await connected.close();
  }
  connected = undefined;
});

/** Rejection → its code and data; resolution → 'resolved'. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof ProtocolError ? { code: error.code, data: error.data } : String(error),
  );
}

describe.each(['legacy', 'modern'] as const)('resources, prompts and completion, %s era', (era) => {
  // The caching scenario reads whatever is listed first, so the order is part of the contract.
  it('lists the fixed resources, static text first, each with a name, description and mime type', async () => {
    connected = await connectInMemory({ clientEra: era });
    const resources = await connected.client.listAllResources();
    expect(resources.map((r) => r.uri)).toEqual(EXPECTED_RESOURCES);
    for (const resource of resources) {
      expect(resource).toMatchObject({
        name: expect.any(String),
        description: expect.any(String),
        mimeType: expect.any(String),
      });
    }
    const templates = await connected.client.listAllResourceTemplates();
    expect(templates.map((t) => t.uriTemplate)).toEqual(['test://template/{id}/data']);
  });

  it('reads the static text, the binary and a template instance exactly', async () => {
    connected = await connectInMemory({ clientEra: era });
    const text = await connected.client.readResource({ uri: 'test://static-text' });
    expect(text.contents).toEqual([
      {
        uri: 'test://static-text',
        mimeType: 'text/plain',
        text: 'This is the content of the static text resource.',
      },
    ]);
    const binary = await connected.client.readResource({ uri: 'test://static-binary' });
    expect(binary.contents).toEqual([
      { uri: 'test://static-binary', mimeType: 'image/png', blob: RED_PIXEL_PNG },
    ]);
    const data = await connected.client.readResource({ uri: 'test://template/123/data' });
    expect(data.contents).toEqual([
      {
        uri: 'test://template/123/data',
        mimeType: 'application/json',
        text: '{"id":"123","templateTest":true,"data":"Data for ID: 123"}',
      },
    ]);
  });

  it('refuses an unknown URI with an error naming it, never an empty contents', async () => {
    connected = await connectInMemory({ clientEra: era });
    const uri = 'test://nonexistent-resource-for-conformance-testing';
    // 2026-07-28 standardises on -32602 (SEP-2164); the legacy revisions use -32002.
    expect(await failure(connected.client.readResource({ uri }))).toEqual({
      code: era === 'modern' ? -32602 : -32002,
      data: { uri },
    });
  });

  it('lists the prompts, each with a description', async () => {
    connected = await connectInMemory({ clientEra: era });
    const prompts = await connected.client.listAllPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual([...EXPECTED_PROMPTS].sort());
    for (const prompt of prompts) expect(prompt.description).toEqual(expect.any(String));
    const withArgs = prompts.find((p) => p.name === 'test_prompt_with_arguments');
    expect(withArgs?.arguments?.map(({ name, required }) => ({ name, required }))).toEqual([
      { name: 'arg1', required: true },
      { name: 'arg2', required: true },
    ]);
  });

  it('gets each conformance prompt with its exact messages', async () => {
    connected = await connectInMemory({ clientEra: era });
    const { client } = connected;
    expect((await client.getPrompt({ name: 'test_simple_prompt' })).messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } },
    ]);
    const withArgs = await client.getPrompt({
      name: 'test_prompt_with_arguments',
      arguments: { arg1: 'testValue1', arg2: 'testValue2' },
    });
    expect(withArgs.messages).toEqual([
      {
        role: 'user',
        content: { type: 'text', text: "Prompt with arguments: arg1='testValue1', arg2='testValue2'" },
      },
    ]);
    const embedded = await client.getPrompt({
      name: 'test_prompt_with_embedded_resource',
      arguments: { resourceUri: 'test://example-resource' },
    });
    expect(embedded.messages).toEqual([
      {
        role: 'user',
        content: {
          type: 'resource',
          resource: {
            uri: 'test://example-resource',
            mimeType: 'text/plain',
            text: 'Embedded resource content for testing.',
          },
        },
      },
      { role: 'user', content: { type: 'text', text: 'Please process the embedded resource above.' } },
    ]);
    expect((await client.getPrompt({ name: 'test_prompt_with_image' })).messages).toEqual([
      { role: 'user', content: { type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' } },
      { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } },
    ]);
  });

  it('refuses a prompt without its required argument with -32602', async () => {
    connected = await connectInMemory({ clientEra: era });
    const outcome = await failure(
      connected.client.getPrompt({ name: 'test_prompt_with_arguments', arguments: { arg1: 'x' } }),
    );
    expect(outcome).toMatchObject({ code: -32602 });
  });

  it('completes prompt arguments and template variables by prefix', async () => {
    connected = await connectInMemory({ clientEra: era });
    const { client } = connected;
    const arg = await client.complete({
      ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
      argument: { name: 'arg1', value: 'par' },
    });
    expect(arg.completion.values).toEqual(['paris', 'park', 'party']);
    // The suite's own request: value "test"; it only asserts that `values` is an array.
    const suiteCall = await client.complete({
      ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
      argument: { name: 'arg1', value: 'test' },
    });
    expect(suiteCall.completion.values).toEqual(['test', 'testValue1']);
    const id = await client.complete({
      ref: { type: 'ref/resource', uri: 'test://template/{id}/data' },
      argument: { name: 'id', value: '1' },
    });
    expect(id.completion.values).toEqual(['1', '123']);
    const none = await client.complete({
      ref: { type: 'ref/prompt', name: 'test_simple_prompt' },
      argument: { name: 'anything', value: '' },
    });
    expect(none.completion.values).toEqual([]);
  });
});

describe('resources, legacy era specifics', () => {
  it('accepts resources/subscribe and resources/unsubscribe for the watched resource', async () => {
    connected = await connectInMemory({ clientEra: 'legacy' });
    await connected.client.subscribeResource('test://watched-resource');
    await connected.client.unsubscribeResource('test://watched-resource');
    const answers = connected.log
      .resultsOf('resources/subscribe')
      .concat(connected.log.resultsOf('resources/unsubscribe'));
    expect(answers).toEqual([{}, {}]);
  });
});

describe('caching hints, modern era', () => {
  it('puts ttlMs and cacheScope on every list result and on resources/read', async () => {
    // Client cache off, so that every call reaches the server and its result is on the wire to inspect.
    connected = await connectInMemory({ clientEra: 'modern', client: { cache: false } });
    const { client } = connected;
    await client.listTools();
    await client.listPrompts();
    await client.listResources();
    await client.listResourceTemplates();
    await client.readResource({ uri: 'test://static-text' });
    for (const method of [
      'tools/list',
      'prompts/list',
      'resources/list',
      'resources/templates/list',
      'resources/read',
    ]) {
      expect(connected.log.resultsOf(method)).toEqual([
        expect.objectContaining({
          ttlMs: expect.any(Number),
          cacheScope: expect.stringMatching(/^(public|private)$/),
        }),
      ]);
    }
  });
});
