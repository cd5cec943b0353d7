import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../src/errors.js';
import type { JSONRPCMessage } from '../src/jsonrpc.js';
import { flush, scripted, track } from './support/engine-harness.js';
import { loadSchema } from './support/schema-validator.js';

// Every message the engine emits must be valid under the official schema of the revision in use.
const REVISIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'] as const;

function validatorFor(revision: string) {
  const schema = loadSchema(revision) as { $defs?: unknown };
  // Revisions up to 2025-06-18 are draft-07 (`definitions`), later ones draft 2020-12 (`$defs`).
  const modern = schema.$defs !== undefined;
  const ajv = modern
    ? new Ajv2020({ strict: false, allErrors: true })
    : new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(schema, 'mcp');
  const byDef = (def: string) => ajv.compile({ $ref: `mcp#/${modern ? '$defs' : 'definitions'}/${def}` });
  return {
    message: byDef('JSONRPCMessage'),
    cancelled: byDef('CancelledNotification'),
    progress: byDef('ProgressNotification'),
  };
}

/** Drives one engine through every kind of message it can emit, and returns what it sent. */
async function emittedMessages(): Promise<JSONRPCMessage[]> {
  const { engine, transport, clock, peerRequest, peerNotify } = await scripted({
    maxConcurrentHandlers: 1,
    maxQueuedRequests: 1,
  });
  engine.setRequestHandler('ok', async (_params, ctx) => {
    await ctx.sendProgress(1, 10, 'working');
    await ctx.notify('notifications/message', { level: 'info', data: 'x' });
    // resultType is required from 2026-07-28 and allowed (extra key) before: the handler's job, not the engine's.
    return { content: [], resultType: 'complete' };
  });
  engine.setRequestHandler('fails', () => {
    throw new ProtocolError(-32602, 'bad', { why: 'because' });
  });
  engine.setRequestHandler('crashes', () => {
    throw new Error('secret');
  });
  peerRequest(1, 'ok', { _meta: { progressToken: 'p1' } });
  peerRequest(2, 'fails');
  peerRequest(3, 'crashes');
  peerRequest(4, 'unknown');
  await flush();
  peerRequest(5, 'ok');
  peerRequest(5, 'ok'); // duplicate while queued behind nothing: answered -32600
  await flush();
  track(engine.request('tools/call', { name: 't' }, { onprogress: () => {}, timeoutMs: 10 }));
  clock.advance(10); // timeout: notifications/cancelled with a reason
  const controller = new AbortController();
  track(engine.request('x', undefined, { signal: controller.signal }));
  controller.abort(); // cancellation with the default reason
  await engine.notify('notifications/initialized');
  peerNotify('notifications/cancelled', { requestId: 99 });
  await flush();
  return transport.messages;
}

describe.each(REVISIONS)('messages the engine emits, against the %s schema', (revision) => {
  it('are all valid JSON-RPC messages, with valid cancellation and progress notifications', async () => {
    const validate = validatorFor(revision);
    const messages = await emittedMessages();
    const kinds = new Set(
      messages.map((m) => ('method' in m ? m.method : 'error' in m ? 'error' : 'result')),
    );
    expect([...kinds].sort()).toEqual(
      [
        'error',
        'notifications/cancelled',
        'notifications/initialized',
        'notifications/message',
        'notifications/progress',
        'result',
        'tools/call',
        'x',
      ].sort(),
    );
    for (const message of messages) {
      expect(
        validate.message(message),
        `${JSON.stringify(message)}: ${JSON.stringify(validate.message.errors)}`,
      ).toBe(true);
      if ('method' in message && message.method === 'notifications/cancelled') {
        expect(validate.cancelled(message), JSON.stringify(message)).toBe(true);
      }
      if ('method' in message && message.method === 'notifications/progress') {
        expect(validate.progress(message), JSON.stringify(message)).toBe(true);
      }
    }
  });
});
