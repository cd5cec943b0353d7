// The kit's BatchResponder: which frames are batches, and when a batch's answers go out as one array.
import type { JSONRPCMessage } from '@mcpwire/protocol-core';
import { type BatchFrameSink, BatchResponder } from '@mcpwire/protocol-core/transport-kit';
import { describe, expect, it } from 'vitest';

const ping = (id: number | string): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'ping' });
const pong = (id: number | string): JSONRPCMessage => ({ jsonrpc: '2.0', id, result: {} });

function recordingSink(): BatchFrameSink & { delivered: JSONRPCMessage[]; sent: unknown[] } {
  const delivered: JSONRPCMessage[] = [];
  const sent: unknown[] = [];
  return {
    delivered,
    sent,
    deliver: (message) => delivered.push(message),
    report: () => {},
    answer: (response) => sent.push(response),
    answerBatch: (answers) => sent.push([...answers]),
  };
}

describe('BatchResponder', () => {
  it('refuses arrays until a revision that allows batches is set', () => {
    const batches = new BatchResponder();
    const sink = recordingSink();
    batches.receive(JSON.stringify([ping(1)]), sink);
    expect(sink.delivered).toEqual([]);
    expect(sink.sent).toEqual([
      expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32600 }) }),
    ]);
    batches.setProtocolVersion('2025-06-18');
    expect(batches.allowed).toBe(false);
    batches.setProtocolVersion('2024-11-05');
    expect(batches.allowed).toBe(true);
  });

  it('holds the answers until the last one, then hands over one array; other sends pass', () => {
    const batches = new BatchResponder();
    batches.setProtocolVersion('2025-03-26');
    const sink = recordingSink();
    batches.receive(JSON.stringify([ping(1), ping('1'), { jsonrpc: '2.0', method: 'n' }]), sink);
    expect(sink.delivered).toHaveLength(3);
    expect(batches.pending).toBe(2);
    expect(batches.hold({ jsonrpc: '2.0', id: 9, method: 'sampling/createMessage' })).toEqual({
      kind: 'send',
    });
    expect(batches.hold(pong('1'))).toEqual({ kind: 'held' });
    expect(batches.hold(pong(1))).toEqual({ kind: 'complete', answers: [pong('1'), pong(1)] });
    expect(batches.hold(pong(1))).toEqual({ kind: 'send' });
  });

  it('a cancelled request is not waited for; clear() drops every pending batch', () => {
    const batches = new BatchResponder();
    batches.setProtocolVersion('2025-03-26');
    const sink = recordingSink();
    batches.receive(JSON.stringify([ping(1), ping(2)]), sink);
    expect(batches.hold(pong(1))).toEqual({ kind: 'held' });
    batches.receive(
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2 } }),
      sink,
    );
    expect(sink.sent).toEqual([[pong(1)]]);
    batches.receive(JSON.stringify([ping(3)]), sink);
    expect(batches.pending).toBe(1);
    batches.clear();
    expect(batches.pending).toBe(0);
    expect(batches.hold(pong(3))).toEqual({ kind: 'send' });
  });
});
