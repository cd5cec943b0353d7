import { describe, expect, it } from 'vitest';
import { LineFramer } from '../src/internal/line-framer.js';

interface Recorded {
  framer: LineFramer;
  lines: string[];
  oversized: number[];
  /** The most bytes the framer held at any point, checked after every push. */
  maxBuffered: () => number;
  push: (chunk: Buffer) => void;
}

function record(limit: number): Recorded {
  const lines: string[] = [];
  const oversized: number[] = [];
  let max = 0;
  const framer = new LineFramer(limit, {
    line: (text) => lines.push(text),
    oversized: (bytes) => oversized.push(bytes),
  });
  return {
    framer,
    lines,
    oversized,
    maxBuffered: () => max,
    push: (chunk) => {
      framer.push(chunk);
      max = Math.max(max, framer.bufferedBytes);
    },
  };
}

/** Feeds `input` split into chunks of the given sizes (the last chunk takes the rest), then ends. */
function feed(limit: number, input: Buffer, sizes: number[]): Recorded {
  const r = record(limit);
  let at = 0;
  for (const size of sizes) {
    r.push(input.subarray(at, at + size));
    at += size;
  }
  r.push(input.subarray(at));
  r.framer.end();
  return r;
}

// Multi-byte characters of 2, 3 and 4 bytes, CRLF, a lone CR inside a line, and empty lines.
const lines = ['{"a":"é"}', '{"b":"✓ check"}', '{"c":"😀 emoji"}', 'plain \r inside', '{"d":[1,2,3]}'];
const input = Buffer.from(`${lines[0]}\n${lines[1]}\r\n\n\r\n${lines[2]}\n${lines[3]}\n\n${lines[4]}\r\n`);

describe('LineFramer', () => {
  it('yields the same lines whatever the chunking: every split offset, inside multi-byte UTF-8 too', () => {
    for (let at = 0; at <= input.length; at++) {
      expect(feed(1024, input, [at]).lines, `split at byte ${at}`).toEqual(lines);
    }
  });

  it('yields the same lines for every pair of split offsets and for one-byte chunks', () => {
    for (let i = 0; i <= input.length; i += 3) {
      for (let j = i; j <= input.length; j += 2) {
        expect(feed(1024, input, [i, j - i]).lines, `split at ${i} and ${j}`).toEqual(lines);
      }
    }
    expect(
      feed(
        1024,
        input,
        Array.from({ length: input.length }, () => 1),
      ).lines,
    ).toEqual(lines);
  });

  it('ignores empty lines, including bare CRLF', () => {
    const r = feed(64, Buffer.from('\n\r\n\n{"x":1}\n\n'), []);
    expect(r.lines).toEqual(['{"x":1}']);
    expect(r.oversized).toEqual([]);
  });

  it('delivers a final line without a newline at end(), with a trailing CR stripped', () => {
    expect(feed(64, Buffer.from('{"a":1}\n{"b":2}'), [3]).lines).toEqual(['{"a":1}', '{"b":2}']);
    expect(feed(64, Buffer.from('{"a":1}\r'), [4]).lines).toEqual(['{"a":1}']);
    expect(feed(64, Buffer.from(''), []).lines).toEqual([]);
  });

  it('accepts a line of exactly the limit, CR not counted, and refuses one byte more', () => {
    const exact = 'x'.repeat(16);
    for (const [text, sizes] of [
      [`${exact}\n`, []],
      [`${exact}\r\n`, [17]], // CR ends one chunk, LF starts the next
      [`${exact}\r\n`, [5, 12]],
    ] as const) {
      const r = feed(16, Buffer.from(text), [...sizes]);
      expect(r.lines).toEqual([exact]);
      expect(r.oversized).toEqual([]);
    }
    for (const sizes of [[], [5], [16], [17]]) {
      const r = feed(16, Buffer.from(`${exact}y\n{"ok":1}\n`), sizes);
      expect(r.lines, `chunks ${sizes.join(',')}`).toEqual(['{"ok":1}']);
      expect(r.oversized).toHaveLength(1);
    }
  });

  it('skips an over-long line without holding it, reports it once, and resyncs at the next newline', () => {
    const limit = 1024;
    const chunk = 4096;
    const r = record(limit);
    r.push(Buffer.from('{"before":1}\n{"huge":"'));
    // 10 MB in 4 KiB chunks, none with a newline.
    const body = Buffer.alloc(chunk, 'x');
    for (let i = 0; i < 2560; i++) r.push(body);
    expect(r.framer.discarding).toBe(true);
    r.push(Buffer.from('"}\n{"after":2}\n'));
    r.framer.end();
    expect(r.lines).toEqual(['{"before":1}', '{"after":2}']);
    expect(r.oversized).toHaveLength(1);
    expect(r.oversized[0]).toBeGreaterThan(limit);
    // Bounded memory: the unfinished line never held more than the limit (plus a CR) plus one chunk.
    expect(r.maxBuffered()).toBeLessThanOrEqual(limit + 1);
    expect(r.framer.bufferedBytes).toBe(0);
  });

  it('keeps memory bounded when an over-long line arrives in many small chunks', () => {
    const r = record(100);
    const line = Buffer.from(`${'z'.repeat(5000)}\n{"next":true}\n`);
    for (let at = 0; at < line.length; at += 7) r.push(line.subarray(at, at + 7));
    expect(r.maxBuffered()).toBeLessThanOrEqual(101);
    expect(r.oversized).toHaveLength(1);
    expect(r.lines).toEqual(['{"next":true}']);
  });

  it('reports over-long lines that sit inside one chunk, between valid ones', () => {
    const r = feed(8, Buffer.from(`{"a":1}\n${'q'.repeat(50)}\n{"b":2}\n${'w'.repeat(9)}\r\n`), []);
    expect(r.lines).toEqual(['{"a":1}', '{"b":2}']);
    expect(r.oversized).toEqual([50, 9]);
  });

  it('agrees with a naive splitter on random input and random chunking', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const alphabet = ['a', 'é', '✓', '😀', '\n', '\r\n', '{', '"', '\r'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = 20 + random(400);
      while (text.length < length) text += alphabet[random(alphabet.length)];
      const limit = 4 + random(40);
      const bytes = Buffer.from(text);
      const sizes: number[] = [];
      for (let left = bytes.length; left > 0; ) {
        const size = 1 + random(30);
        sizes.push(size);
        left -= size;
      }
      const r = feed(limit, bytes, sizes);
      const expected: string[] = [];
      let oversized = 0;
      for (const raw of text.split('\n')) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (Buffer.byteLength(line) > limit) oversized++;
        else if (line !== '') expected.push(line);
      }
      expect(r.lines, `round ${round}`).toEqual(expected);
      expect(r.oversized, `round ${round}`).toHaveLength(oversized);
      expect(r.maxBuffered()).toBeLessThanOrEqual(limit + 1);
    }
  });

  it('keeps lines in order when a handler feeds the framer re-entrantly', () => {
    const seen: string[] = [];
    const framer: LineFramer = new LineFramer(64, {
      line: (text) => {
        seen.push(text);
        if (text === 'first') framer.push(Buffer.from('third\n'));
      },
      oversized: () => {},
    });
    framer.push(Buffer.from('first\nsecond\n'));
    expect(seen).toEqual(['first', 'second', 'third']);
  });
});
