import { describe, expect, it } from 'vitest';
import { ErrorCode, envelopeErrorResponse, parseFrame, validateEnvelope } from '../src/index.js';

function firstError(text: string, allowBatch = false) {
  const frame = parseFrame(text, { allowBatch });
  expect(frame.messages).toHaveLength(0);
  expect(frame.errors).toHaveLength(1);
  return frame.errors[0]!;
}

describe('parseFrame', () => {
  it('accepts requests, notifications and both kinds of response', () => {
    const lines = [
      '{"jsonrpc":"2.0","id":1,"method":"ping"}',
      '{"jsonrpc":"2.0","id":"a","method":"tools/list","params":{}}',
      '{"jsonrpc":"2.0","method":"notifications/initialized"}',
      '{"jsonrpc":"2.0","id":7,"result":{}}',
      '{"jsonrpc":"2.0","id":7,"error":{"code":-32601,"message":"nope"}}',
      '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}',
    ];
    for (const line of lines) {
      const frame = parseFrame(line);
      expect(frame.errors, line).toEqual([]);
      expect(frame.messages).toEqual([JSON.parse(line)]);
    }
  });

  it('answers bad JSON with -32700, id null and a bounded excerpt', () => {
    const error = firstError(`{"jsonrpc":"2.0", ${'x'.repeat(5000)}`);
    expect(error.code).toBe(ErrorCode.ParseError);
    expect(error.id).toBeNull();
    expect(error.message.length).toBeLessThan(400);
  });

  it.each([
    ['null id', '{"jsonrpc":"2.0","id":null,"method":"ping"}'],
    ['float id', '{"jsonrpc":"2.0","id":1.5,"method":"ping"}'],
    ['object id', '{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}'],
    ['boolean id', '{"jsonrpc":"2.0","id":true,"method":"ping"}'],
    ['wrong version', '{"jsonrpc":"1.0","id":1,"method":"ping"}'],
    ['missing version', '{"id":1,"method":"ping"}'],
    ['numeric method', '{"jsonrpc":"2.0","id":1,"method":42}'],
    ['no method', '{"jsonrpc":"2.0","id":1}'],
    ['array params', '{"jsonrpc":"2.0","id":1,"method":"ping","params":[1]}'],
    ['a string', '"hello"'],
    ['an array without batching', '[{"jsonrpc":"2.0","id":1,"method":"ping"}]'],
  ])('rejects %s with -32600 and does not dispatch it', (_name, text) => {
    const error = firstError(text);
    expect(error.code).toBe(ErrorCode.InvalidRequest);
  });

  it('keeps a readable id in the error and uses null otherwise', () => {
    expect(firstError('{"jsonrpc":"1.0","id":"r1","method":"ping"}').id).toBe('r1');
    expect(firstError('{"jsonrpc":"2.0","id":1.5,"method":"ping"}').id).toBeNull();
  });

  it('marks response-shaped garbage so that nobody answers it', () => {
    expect(firstError('{"jsonrpc":"2.0","id":1,"result":"not an object"}').responseLike).toBe(true);
    expect(
      firstError('{"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"x"}}').responseLike,
    ).toBe(true);
    expect(firstError('{"jsonrpc":"2.0","id":1,"method":7}').responseLike).toBe(false);
  });

  it('splits a batch when batching is allowed, one error per bad entry', () => {
    const frame = parseFrame(
      '[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","id":true,"method":"b"}]',
      {
        allowBatch: true,
      },
    );
    expect(frame.messages).toEqual([{ jsonrpc: '2.0', id: 1, method: 'a' }]);
    expect(frame.errors.map((e) => e.code)).toEqual([ErrorCode.InvalidRequest]);
    expect(firstError('[]', true).code).toBe(ErrorCode.InvalidRequest);
  });
});

describe('validateEnvelope and envelopeErrorResponse', () => {
  it('returns the same object, not a copy', () => {
    const value = { jsonrpc: '2.0', id: 1, method: 'ping' };
    const result = validateEnvelope(value);
    expect(result.ok && result.message).toBe(value);
  });

  it('builds the error response that answers an invalid frame', () => {
    const error = firstError('nope');
    expect(envelopeErrorResponse(error)).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32700, message: error.message },
    });
  });
});
