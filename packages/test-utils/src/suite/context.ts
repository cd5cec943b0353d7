import {
  type JSONRPCMessage,
  type JSONRPCNotification,
  TransportError,
  type TransportErrorCodeValue,
} from '@mcpwire/protocol-core';
import { expect } from 'vitest';
import type { TransportPairHarness } from '../transport-harness.js';
import { TransportRecorder } from '../transport-recorder.js';

/** Both ends of a harness, recorded and started. */
export interface StartedPair {
  harness: TransportPairHarness;
  a: TransportRecorder;
  b: TransportRecorder;
}

/** What each group of suite cases gets: harnesses that are cleaned up after every test. */
export interface SuiteContext {
  /** A fresh harness, not started; closed and disposed after the test. */
  open(): Promise<TransportPairHarness>;
  /** A fresh harness with both ends recorded and started. */
  openStarted(): Promise<StartedPair>;
}

/** Records one end with the harness's wait timeout. */
export function record(harness: TransportPairHarness, end: 'a' | 'b'): TransportRecorder {
  return new TransportRecorder(harness[end], { timeoutMs: harness.waitTimeoutMs });
}

/**
 * The i-th message of a varied stream: requests with integer and string ids, notifications with and
 * without params, results, and error responses (with data, and with a null id), so that ordering
 * and deep-equality checks cover every envelope shape, nested values and non-ASCII text included.
 */
export function sampleMessage(i: number, from: string): JSONRPCMessage {
  switch (i % 6) {
    case 0:
      return { jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: `t${i}`, arguments: { from } } };
    case 1:
      return { jsonrpc: '2.0', id: `${from}-${i}`, method: 'ping' };
    case 2:
      return {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progress: i, total: 1.5, note: 'é✓😀' },
      };
    case 3:
      return {
        jsonrpc: '2.0',
        id: i,
        result: { content: [{ type: 'text', text: `${from}#${i}` }], nested: { n: null } },
      };
    case 4:
      return {
        jsonrpc: '2.0',
        id: `${from}-${i}`,
        error: { code: -32601, message: 'Method not found', data: { i } },
      };
    default:
      return i % 12 === 5
        ? { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }
        : { jsonrpc: '2.0', method: 'notifications/initialized' };
  }
}

/** A notification whose JSON text is exactly `bytes` bytes long (ASCII padding). */
export function paddedNotification(bytes: number): JSONRPCNotification {
  const empty = JSON.stringify({ jsonrpc: '2.0', method: 'suite/pad', params: { pad: '' } }).length;
  const message: JSONRPCNotification = {
    jsonrpc: '2.0',
    method: 'suite/pad',
    params: { pad: 'x'.repeat(Math.max(0, bytes - empty)) },
  };
  expect(JSON.stringify(message).length).toBe(Math.max(bytes, empty));
  return message;
}

/** Asserts that `operation` rejects (or throws) a TransportError with `code`, and returns it. */
export async function expectTransportError(
  operation: () => Promise<unknown>,
  code: TransportErrorCodeValue,
): Promise<TransportError> {
  let caught: unknown;
  try {
    await operation();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a TransportError ${code}`).toBeInstanceOf(TransportError);
  expect((caught as TransportError).code).toBe(code);
  return caught as TransportError;
}

/** Waits for an outcome without caring which: some wires refuse at the sender, others at the receiver. */
export async function settled(promise: Promise<unknown>): Promise<void> {
  await promise.then(
    () => undefined,
    () => undefined,
  );
}
