/**
 * Resumability of legacy SSE streams (2025-11-25 "Resumability and Redelivery"): every event a
 * session's stream carries is stored under an id before it is written, so a client that lost the
 * connection resumes with `GET` + `Last-Event-ID` and gets exactly the events it missed, on that
 * stream only. The default store is in memory and bounded; a fleet behind a load balancer without
 * sticky sessions needs a shared one (legacy sessions live in one process anyway).
 */
import type { JSONRPCMessage } from '@mcpwire/protocol-core';

/**
 * Where SSE events wait for a resume. Stream ids are unique across sessions and chosen by the
 * transport; event ids are chosen by the store and must name their stream, so that `replayAfter` can
 * tell which stream an id belongs to.
 */
export interface EventStore {
  /**
   * Stores one event of `streamId` and returns its id. `json` is `message` as the stream carries it
   * (stores keep text, not objects). A priming event (`message` undefined, `json` empty) only takes an
   * id: it is never replayed, but a resume may start after it.
   */
  storeEvent(streamId: string, message: JSONRPCMessage | undefined, json: string): string | Promise<string>;
  /**
   * Calls `send` with each event stored on the stream of `lastEventId` after it, in order, and returns
   * that stream's id; returns undefined, sending nothing, when the id is unknown, expired, or events
   * after it were dropped (a replay with a gap would break exactly-once delivery).
   */
  replayAfter(
    lastEventId: string,
    send: (eventId: string, json: string) => void | Promise<void>,
  ): string | undefined | Promise<string | undefined>;
}

/** Bounds of {@link InMemoryEventStore}; every one is enforced on each store, without timers. */
export interface InMemoryEventStoreOptions {
  /** Events kept per stream; the oldest go first. @default 1000 */
  maxEventsPerStream?: number | undefined;
  /** Characters of JSON kept per stream (what one resume may replay at once); the oldest go first. @default 1_048_576 */
  maxBytesPerStream?: number | undefined;
  /** Streams kept; the least recently written goes first. @default 10_000 */
  maxStreams?: number | undefined;
  /** A stream not written for this long is forgotten, in ms. @default 300_000 */
  ttlMs?: number | undefined;
  /** Clock for the TTL, in ms. @default Date.now */
  now?: (() => number) | undefined;
}

interface StoredEvent {
  readonly seq: number;
  readonly json: string;
}

interface StreamLog {
  /** The last sequence number given out (priming events take one too). */
  seq: number;
  /** Every event with a sequence number at or below this was dropped by a bound. */
  droppedThrough: number;
  events: StoredEvent[];
  /** Index of the oldest kept event in `events` (dropping advances it; the array is compacted now and then). */
  head: number;
  chars: number;
  touched: number;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const resolved = value ?? fallback;
  if (!(resolved > 0)) throw new RangeError(`InMemoryEventStoreOptions.${name} must be > 0, got ${resolved}`);
  return resolved;
}

/** Event ids are `<streamId>/<seq>`: the stream is whatever precedes the last slash. */
function parseEventId(eventId: string): { streamId: string; seq: number } | undefined {
  const slash = eventId.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const digits = eventId.slice(slash + 1);
  if (!/^\d{1,15}$/.test(digits)) return undefined;
  return { streamId: eventId.slice(0, slash), seq: Number(digits) };
}

/**
 * The default {@link EventStore}: per-process, bounded per stream (count and size), in the number
 * of streams, and by a TTL checked on each write (no timers).
 * @example
 * createStreamableHttpHandler({ server, eventStore: new InMemoryEventStore({ ttlMs: 60_000 }) });
 */
export class InMemoryEventStore implements EventStore {
  readonly #streams = new Map<string, StreamLog>();
  readonly #maxEvents: number;
  readonly #maxChars: number;
  readonly #maxStreams: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options?: InMemoryEventStoreOptions) {
    this.#maxEvents = positive('maxEventsPerStream', options?.maxEventsPerStream, 1000);
    this.#maxChars = positive('maxBytesPerStream', options?.maxBytesPerStream, 1024 * 1024);
    this.#maxStreams = positive('maxStreams', options?.maxStreams, 10_000);
    this.#ttlMs = positive('ttlMs', options?.ttlMs, 300_000);
    this.#now = options?.now ?? Date.now;
  }

  /** Streams held now (for tests and leak checks). */
  get size(): number {
    return this.#streams.size;
  }

  storeEvent(streamId: string, _message: JSONRPCMessage | undefined, json: string): string {
    const now = this.#now();
    this.#expire(now);
    let log = this.#streams.get(streamId);
    if (log === undefined) {
      if (this.#streams.size >= this.#maxStreams) this.#evictOldest();
      log = { seq: 0, droppedThrough: 0, events: [], head: 0, chars: 0, touched: now };
    } else {
      // Re-inserted so that the map's order is the order of last writes (oldest first).
      this.#streams.delete(streamId);
    }
    this.#streams.set(streamId, log);
    log.touched = now;
    const seq = ++log.seq;
    if (json !== '') {
      log.events.push({ seq, json });
      log.chars += json.length;
      this.#bound(log);
    }
    return `${streamId}/${seq}`;
  }

  replayAfter(lastEventId: string, send: (eventId: string, json: string) => void): string | undefined {
    const parsed = parseEventId(lastEventId);
    if (parsed === undefined) return undefined;
    const log = this.#streams.get(parsed.streamId);
    if (log === undefined || this.#now() - log.touched > this.#ttlMs) return undefined;
    // An id we never gave out, or one whose successors were dropped, cannot be resumed exactly.
    if (parsed.seq > log.seq || parsed.seq < log.droppedThrough) return undefined;
    for (let i = log.head; i < log.events.length; i++) {
      const event = log.events[i]!;
      if (event.seq > parsed.seq) send(`${parsed.streamId}/${event.seq}`, event.json);
    }
    return parsed.streamId;
  }

  #bound(log: StreamLog): void {
    while (log.events.length - log.head > this.#maxEvents || log.chars > this.#maxChars) {
      const dropped = log.events[log.head++]!;
      log.chars -= dropped.json.length;
      log.droppedThrough = dropped.seq;
    }
    if (log.head > 64 && log.head * 2 > log.events.length) {
      log.events = log.events.slice(log.head);
      log.head = 0;
    }
  }

  #expire(now: number): void {
    for (const [streamId, log] of this.#streams) {
      if (now - log.touched <= this.#ttlMs) return;
      this.#streams.delete(streamId);
    }
  }

  #evictOldest(): void {
    for (const streamId of this.#streams.keys()) {
      this.#streams.delete(streamId);
      return;
    }
  }
}
