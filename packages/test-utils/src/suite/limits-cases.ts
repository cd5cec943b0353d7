import { ErrorCode, MAX_EXCERPT_CHARS, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { expect, it } from 'vitest';
import { settle } from '../transport-recorder.js';
import { type SuiteContext, paddedNotification, sampleMessage, settled } from './context.js';

/** Size limits and malformed frames; each case runs only where the harness declares the feature. */
export function limitsCases(ctx: SuiteContext): void {
  it('refuses a message over maxMessageBytes with MessageTooLarge (and stays usable where the wire allows)', async ({
    skip,
  }) => {
    const { harness, a } = await ctx.openStarted();
    const limit = harness.maxMessageBytes;
    if (limit === undefined) return skip('the harness declares no maxMessageBytes');
    // A margin either side of the limit, so a framing byte (a newline) counted or not does not matter.
    const under = paddedNotification(limit - 64);
    const over = paddedNotification(limit + 64);
    const after = sampleMessage(0, 'after');
    await harness.b.send(under);
    await a.waitForMessages(1);
    await settled(harness.b.send(over));
    if (harness.oversizeCloses === true) {
      // A wire that cannot skip a frame ends the connection, and says why.
      await a.waitForClose();
      await settle();
      expect(a.messages).toEqual([under]);
      const tooLarge = a.errors.find(
        (error) => error instanceof TransportError && error.code === TransportErrorCode.MessageTooLarge,
      );
      expect(tooLarge).toBeInstanceOf(TransportError);
      return;
    }
    await harness.b.send(after);
    await a.waitForMessages(2);
    await a.waitForErrors(1);
    await settle();
    expect(a.messages).toEqual([under, after]);
    expect(a.errors).toHaveLength(1);
    const error = a.errors[0];
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe(TransportErrorCode.MessageTooLarge);
    expect((error as TransportError).details.limit?.value).toBe(limit);
  });

  it('reports malformed frames through onerror with a bounded excerpt and keeps going', async ({ skip }) => {
    const { harness, a, b } = await ctx.openStarted();
    const inject = harness.injectRawToA;
    if (inject === undefined) return skip('the harness cannot inject raw frames');
    const end = harness.rawFrameTerminator ?? '\n';
    const frames = [
      {
        raw: '{"jsonrpc":"2.0","id":1,"method":',
        code: TransportErrorCode.Parse,
        wire: ErrorCode.ParseError,
        id: null,
      },
      {
        raw: '{"jsonrpc":"2.0","id":true,"method":"suite/bool-id"}',
        code: TransportErrorCode.InvalidMessage,
        wire: ErrorCode.InvalidRequest,
        id: null,
      },
      {
        raw: `noise ${'#'.repeat(2_000)}`,
        code: TransportErrorCode.Parse,
        wire: ErrorCode.ParseError,
        id: null,
      },
      {
        raw: '{"jsonrpc":"1.0","id":7,"method":"suite/old"}',
        code: TransportErrorCode.InvalidMessage,
        wire: ErrorCode.InvalidRequest,
        id: 7,
      },
      {
        // Valid JSON nested far past DEFAULT_MAX_DEPTH: refused with its id, the connection serving on.
        raw: `{"jsonrpc":"2.0","id":9,"method":"suite/deep","params":{"v":${'['.repeat(5_000)}${']'.repeat(5_000)}}}`,
        code: TransportErrorCode.InvalidMessage,
        wire: ErrorCode.InvalidRequest,
        id: 9,
      },
    ];
    for (const frame of frames) await inject(frame.raw + end);
    const valid = sampleMessage(0, 'valid');
    await harness.b.send(valid);
    await a.waitForMessages(1);
    await a.waitForErrors(frames.length);
    if (harness.answersMalformedFrames === true) await b.waitForMessages(frames.length);
    await settle();

    expect(a.messages).toEqual([valid]);
    expect(a.errors.map((e) => (e as TransportError).code)).toEqual(frames.map((f) => f.code));
    a.errors.forEach((error, i) => {
      expect(error).toBeInstanceOf(TransportError);
      const excerpt = (error as TransportError).details.excerpt;
      expect(typeof excerpt).toBe('string');
      // Bounded: at most the limit plus the ellipsis that marks a cut.
      expect((excerpt as string).length).toBeLessThanOrEqual(MAX_EXCERPT_CHARS + 1);
      expect(excerpt).toContain((frames[i]?.raw ?? '').slice(0, 10));
    });
    if (harness.answersMalformedFrames === true) {
      // One answer per frame, in order; an array matches only if the lengths agree too.
      expect(b.messages).toMatchObject(
        frames.map((f) => ({ jsonrpc: '2.0', id: f.id, error: { code: f.wire } })),
      );
    } else {
      expect(b.messages).toEqual([]);
    }
  });
}
