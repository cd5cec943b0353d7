// The nesting bound of parseFrame: every transport parses its frames through it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DEPTH, parseFrame } from '../src/transport-kit/index.js';

/** A request whose params hold arrays nested so that the whole message is `levels` deep. */
function request(levels: number, id: number | string = 1): string {
  // The message is level 1 and params level 2; each bracket adds one.
  const inner = `${'['.repeat(levels - 2)}${']'.repeat(levels - 2)}`;
  return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"method":"m","params":{"v":${inner || '0'}}}`;
}

describe('parseFrame nesting bound', () => {
  it(`accepts ${DEFAULT_MAX_DEPTH} levels and refuses one more with -32600 and the request id`, () => {
    expect(parseFrame(request(DEFAULT_MAX_DEPTH)).messages).toHaveLength(1);
    const refused = parseFrame(request(DEFAULT_MAX_DEPTH + 1, 'deep'));
    expect(refused.messages).toEqual([]);
    expect(refused.errors).toEqual([
      {
        code: -32600,
        message: `Invalid Request: nested deeper than ${DEFAULT_MAX_DEPTH} levels`,
        id: 'deep',
        responseLike: false,
      },
    ]);
  });

  it('survives 1,000,000 levels without a stack overflow', () => {
    const text = `{"jsonrpc":"2.0","id":2,"method":"m","params":{"v":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}}`;
    expect(parseFrame(text).errors[0]).toMatchObject({ code: -32600, id: 2 });
  });

  it('marks a deep response as response-like, so that it is reported and never answered', () => {
    const deep = `{"jsonrpc":"2.0","id":3,"result":{"v":${'['.repeat(200)}${']'.repeat(200)}}}`;
    expect(parseFrame(deep).errors[0]).toMatchObject({ code: -32600, id: 3, responseLike: true });
  });

  it('checks each batch item on its own, and takes a configured bound', () => {
    const batch = `[${request(10, 'a')},${request(20, 'b')}]`;
    const frame = parseFrame(batch, { allowBatch: true, maxDepth: 15 });
    expect(frame.messages.map((message) => (message as { id: string }).id)).toEqual(['a']);
    expect(frame.errors).toMatchObject([{ id: 'b', code: -32600 }]);
    expect(parseFrame(request(20), { maxDepth: 25 }).messages).toHaveLength(1);
  });
});
