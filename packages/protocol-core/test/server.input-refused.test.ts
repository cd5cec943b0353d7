/**
 * A tool whose `ctx.sample()` the client refuses must not fail `tools/call` with the client's code:
 * -32601 on tools/call reads as "this method does not exist". Legacy: the client answers the server
 * request -32601, and the tool reports a tool error naming the refused request. Modern (2026-07-28):
 * the server asks through input_required; the refusal is a distinct error naming the request.
 */
import { describe, expect, it } from 'vitest';
import { McpClient } from '../src/client/client.js';
import type { McpClientOptions } from '../src/client/options.js';
import { ErrorCode } from '../src/error-codes.js';
import { ProtocolError, TransportError, TransportErrorCode } from '../src/errors.js';
import { InputRefusedError } from '../src/server/input-refused-error.js';
import { McpServer } from '../src/server/mcp-server.js';
import { createFakePair } from './support/fake-transport.js';

const SAMPLE = {
  messages: [{ role: 'user' as const, content: { type: 'text' as const, text: 'hi' } }],
  maxTokens: 5,
};

async function connect(options: McpClientOptions, seen: unknown[] = []) {
  const server = new McpServer({ name: 's', version: '1' });
  server.registerTool('summarize', {}, async (_args, ctx) => {
    const answer = await ctx.sample(SAMPLE);
    return { content: [{ type: 'text', text: JSON.stringify(answer.content) }] };
  });
  server.registerTool('careful', {}, async (_args, ctx) => {
    try {
      await ctx.sample(SAMPLE);
      return { content: [] };
    } catch (error) {
      seen.push(error);
      return { content: [{ type: 'text', text: 'no model' }] };
    }
  });
  const [clientTransport, serverTransport] = createFakePair();
  await server.connect(serverTransport);
  const client = new McpClient({ name: 'c', version: '1' }, options);
  await client.connect(clientTransport);
  return client;
}

describe('legacy: the client answers sampling/createMessage -32601', () => {
  // Declares sampling, but has no handler: its engine answers the server request -32601.
  const options: McpClientOptions = { era: 'legacy', capabilities: { sampling: {} } };

  it('tools/call returns a tool error naming the refused request, not -32601', async () => {
    const client = await connect(options);
    const result = await client.callTool({ name: 'summarize' });
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      {
        type: 'text',
        text: expect.stringMatching(/^The client refused sampling\/createMessage: .*\(-32601\)$/),
      },
    ]);
    await client.close();
  });

  it('the handler sees an InputRefusedError with the method and the code', async () => {
    const seen: unknown[] = [];
    const client = await connect(options, seen);
    expect((await client.callTool({ name: 'careful' })).content).toEqual([
      { type: 'text', text: 'no model' },
    ]);
    expect(seen[0]).toBeInstanceOf(InputRefusedError);
    expect(seen[0]).not.toBeInstanceOf(ProtocolError);
    expect(seen[0]).toMatchObject({ method: 'sampling/createMessage', code: ErrorCode.MethodNotFound });
    await client.close();
  });
});

describe('modern (2026-07-28): input requests', () => {
  it('a client without sampling: tools/call fails -32021 naming sampling/createMessage, never -32601', async () => {
    const client = await connect({ era: 'modern' });
    const error = await client.callTool({ name: 'summarize' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe(ErrorCode.MissingRequiredClientCapability);
    expect((error as ProtocolError).code).not.toBe(ErrorCode.MethodNotFound);
    expect((error as Error).message).toContain('sampling/createMessage');
    await client.close();
  });

  it('a client declaring sampling without a handler: a local error naming the request', async () => {
    const client = await connect({ era: 'modern', capabilities: { sampling: {} } });
    const error = await client.callTool({ name: 'summarize' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({
      code: TransportErrorCode.CapabilityMissing,
      details: { method: 'sampling/createMessage' },
    });
    await client.close();
  });
});
