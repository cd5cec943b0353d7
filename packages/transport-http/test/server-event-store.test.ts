// The default event store: ids name their stream, replay is exact and never crosses streams, and
// every bound (count, size, streams, TTL) holds, with a gap refused rather than replayed.
import { FakeTimers } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import { InMemoryEventStore } from '../src/index.js';

const message = (n: number) => ({ jsonrpc: '2.0' as const, method: 'notifications/message', params: { n } });

function store(options?: ConstructorParameters<typeof InMemoryEventStore>[0]): InMemoryEventStore {
  return new InMemoryEventStore(options);
}

function put(events: InMemoryEventStore, streamId: string, n: number): string {
  const value = message(n);
  return events.storeEvent(streamId, value, JSON.stringify(value));
}

function replay(
  events: InMemoryEventStore,
  lastEventId: string,
): { streamId: string | undefined; ns: number[] } {
  const ns: number[] = [];
  const streamId = events.replayAfter(lastEventId, (_id, json) => {
    ns.push(JSON.parse(json).params.n);
  });
  return { streamId, ns };
}

describe('InMemoryEventStore', () => {
  it('replays exactly the events after an id, on that stream only', () => {
    const events = store();
    const priming = events.storeEvent('s.1', undefined, '');
    const first = put(events, 's.1', 1);
    put(events, 's.2', 100);
    put(events, 's.1', 2);
    put(events, 's.1', 3);
    expect(replay(events, first)).toEqual({ streamId: 's.1', ns: [2, 3] });
    // A priming event takes an id but is never replayed itself.
    expect(replay(events, priming)).toEqual({ streamId: 's.1', ns: [1, 2, 3] });
    expect(replay(events, first).ns).not.toContain(100);
  });

  it('hands replayed events their own ids, which resume further', () => {
    const events = store();
    const first = put(events, 'a', 1);
    put(events, 'a', 2);
    put(events, 'a', 3);
    const ids: string[] = [];
    events.replayAfter(first, (id) => {
      ids.push(id);
    });
    expect(replay(events, ids[0]!).ns).toEqual([3]);
  });

  it('answers undefined for unknown, malformed and never-issued ids', () => {
    const events = store();
    const id = put(events, 'a', 1);
    expect(replay(events, 'b/1').streamId).toBeUndefined();
    expect(replay(events, 'nonsense').streamId).toBeUndefined();
    expect(replay(events, 'a/99').streamId).toBeUndefined();
    expect(replay(events, id)).toEqual({ streamId: 'a', ns: [] });
  });

  it('keeps at most maxEventsPerStream events and refuses a resume across the dropped ones', () => {
    const events = store({ maxEventsPerStream: 2 });
    const first = put(events, 'a', 1);
    const second = put(events, 'a', 2);
    put(events, 'a', 3);
    put(events, 'a', 4);
    // Events 3 and 4 are kept; resuming after 1 would skip 2: refused, not replayed with a gap.
    expect(replay(events, first).streamId).toBeUndefined();
    expect(replay(events, second)).toEqual({ streamId: 'a', ns: [3, 4] });
  });

  it('keeps at most maxBytesPerStream characters per stream', () => {
    const events = store({ maxBytesPerStream: 200 });
    const ids = [1, 2, 3, 4].map((n) => put(events, 'a', n));
    const kept = replay(events, ids[2]!);
    expect(kept.ns).toEqual([4]);
    expect(replay(events, ids[0]!).streamId).toBeUndefined();
  });

  it('forgets the least recently written stream beyond maxStreams', () => {
    const events = store({ maxStreams: 2 });
    const a = put(events, 'a', 1);
    const b = put(events, 'b', 1);
    put(events, 'a', 2);
    put(events, 'c', 1);
    expect(events.size).toBe(2);
    expect(replay(events, b).streamId).toBeUndefined();
    expect(replay(events, a).ns).toEqual([2]);
  });

  it('forgets a stream not written for ttlMs', () => {
    let now = 0;
    const events = store({ ttlMs: 1000, now: () => now });
    const old = put(events, 'old', 1);
    now = 600;
    const fresh = put(events, 'fresh', 1);
    now = 1001;
    expect(replay(events, old).streamId).toBeUndefined();
    expect(replay(events, fresh).streamId).toBe('fresh');
    put(events, 'other', 1);
    expect(events.size).toBe(2);
  });

  it('refuses bounds that are not positive', () => {
    expect(() => store({ ttlMs: 0 })).toThrow(RangeError);
    expect(() => store({ maxEventsPerStream: -1 })).toThrow(/maxEventsPerStream/);
  });

  it('counts maxBytesPerStream in UTF-8 bytes, not characters', () => {
    const events = store({ maxBytesPerStream: 300 });
    // Each event is 208 bytes of JSON but only 108 characters: two do not fit in 300 bytes.
    const priming = events.storeEvent('a', undefined, '');
    events.storeEvent('a', undefined, JSON.stringify({ t: 'é'.repeat(100) }));
    const second = events.storeEvent('a', undefined, JSON.stringify({ t: 'é'.repeat(100) }));
    expect(events.bytes).toBe(new TextEncoder().encode(JSON.stringify({ t: 'é'.repeat(100) })).length);
    // The first event went, so a resume from before it would have a gap.
    expect(events.replayAfter(priming, () => undefined)).toBeUndefined();
    expect(events.replayAfter(second, () => undefined)).toBe('a');
  });

  it('keeps the whole store within maxBytes, forgetting the least recently written streams first', () => {
    const events = store({ maxBytesPerStream: 200, maxBytes: 450 });
    const text = 'x'.repeat(140);
    const a = events.storeEvent('a.1', undefined, text);
    const b = events.storeEvent('b.1', undefined, text);
    events.storeEvent('a.1', undefined, text.slice(0, 50));
    events.storeEvent('c.1', undefined, text);
    // a.1 (190 bytes) was written after b.1, so b.1 went to keep the store at or under 450 bytes.
    expect(events.bytes).toBe(190 + 140);
    expect(events.replayAfter(b, () => undefined)).toBeUndefined();
    expect(events.replayAfter(a, () => undefined)).toBe('a.1');
    expect(() => store({ maxBytesPerStream: 500, maxBytes: 400 })).toThrow(/must not exceed maxBytes/);
  });

  it("drops every stream of a session when it ends, and no other session's", () => {
    const events = store();
    put(events, 'S1.0', 1);
    put(events, 'S1.1', 2);
    const kept = put(events, 'S2.0', 3);
    events.dropSession('S1');
    expect(events.size).toBe(1);
    expect(replay(events, kept).streamId).toBe('S2.0');
    events.dropSession('S2');
    expect(events.size).toBe(0);
    expect(events.bytes).toBe(0);
  });

  it('expires streams on a timer that runs only while the store holds any', () => {
    const timers = new FakeTimers();
    const events = store({ ttlMs: 1000, sweepIntervalMs: 500, now: () => timers.now, timers });
    expect(timers.pending).toBe(0);
    put(events, 'a', 1);
    expect(timers.pending).toBe(1);
    timers.advance(600);
    put(events, 'b', 1);
    // No write after this: the sweeps alone forget 'a' (written at 0) and then 'b' (written at 600).
    timers.advance(1000);
    expect(events.size).toBe(1);
    timers.advance(1000);
    expect(events.size).toBe(0);
    expect(events.bytes).toBe(0);
    expect(timers.pending).toBe(0);
  });

  it('stops its timer and forgets everything on close', () => {
    const timers = new FakeTimers();
    const events = store({ timers, now: () => timers.now });
    put(events, 'a', 1);
    events.close();
    expect(timers.pending).toBe(0);
    expect(events.size).toBe(0);
  });
});
