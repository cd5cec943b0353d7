import { PassThrough } from 'node:stream';
import { settle } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import { StderrTap } from '../src/internal/stderr-tap.js';

/** A tap on a fake child stderr, with everything the user side received. */
function tapped(bufferBytes = 1024) {
  const source = new PassThrough();
  const tap = new StderrTap(bufferBytes);
  let text = '';
  tap.stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  tap.attach(source);
  return { source, tap, received: () => text };
}

describe('StderrTap', () => {
  it('drained() waits for words still in the pipe, then release() ends the stream with them in it', async () => {
    const { source, tap, received } = tapped();
    let drained = false;
    const waiting = tap.drained(10_000).then(() => {
      drained = true;
    });
    await settle();
    expect(drained).toBe(false);
    source.end('last words\n');
    await waiting;
    tap.release();
    await settle();
    expect(received()).toBe('last words\n');
    expect(tap.ended).toBe(true);
  });

  it('drained() gives up after its timeout when a helper process holds the pipe open', async () => {
    const { source, tap } = tapped();
    const started = Date.now();
    await tap.drained(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(tap.ended).toBe(false);
    tap.release();
    expect(source.destroyed).toBe(true);
  });

  it('drained() keeps the end callback the transport set, and resolves at once once ended', async () => {
    const { source, tap } = tapped();
    let ends = 0;
    tap.onEnd = () => {
      ends += 1;
    };
    const waiting = tap.drained(10_000);
    source.end();
    await waiting;
    expect(ends).toBe(1);
    await tap.drained(10_000);
    expect(ends).toBe(1);
  });

  it('drops what the user does not read beyond bufferBytes, and keeps the tail for errors', async () => {
    const { source, tap } = tapped(16);
    tap.stream.pause();
    tap.stream.removeAllListeners('data');
    for (let i = 0; i < 10; i++) source.write(`line ${i} ${'x'.repeat(20)}\n`);
    await settle();
    expect(tap.droppedBytes).toBeGreaterThan(0);
    expect(tap.tail()).toContain('line 9');
  });
});
