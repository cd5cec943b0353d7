/**
 * Resumability of legacy SSE streams (2025-11-25 "Resumability and Redelivery"): every event a
 * session's stream carries is stored under an id before it is written, so a client that lost the
 * connection resumes with `GET` + `Last-Event-ID` and gets exactly the events it missed, on that
 * stream only. The default store is in memory and bounded; a fleet behind a load balancer without
 * sticky sessions needs a shared one (legacy sessions live in one process anyway).
 */
import type { JSONRPCMessage } from '@mcpwire/protocol-core';
import { type Timers, utf8ByteLength } from '@mcpwire/protocol-core/transport-kit';

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
  /**
   * Forgets every stream of a session that ended (DELETE, idle expiry, the server closing): the
   * transport names streams `<sessionId>.<n>`. Optional: a store without it keeps them until they expire.
   */
  dropSession?(sessionId: string): void | Promise<void>;
  /** Stops the store's timers; the transport's handler calls it when it closes. Optional. */
  close?(): void | Promise<void>;
}

/** Bounds of {@link InMemoryEventStore}; each is enforced on every write, and expiry also runs on a timer. */
export interface InMemoryEventStoreOptions {
  /** Events kept per stream; the oldest go first. @default 1000 */
  maxEventsPerStream?: number | undefined;
  /** UTF-8 bytes of JSON kept per stream (what one resume may replay at once); the oldest go first. @default 1_048_576 */
  maxBytesPerStream?: number | undefined;
  /** UTF-8 bytes of JSON kept by the whole store; the least recently written streams go first. @default 67_108_864 */
  maxBytes?: number | undefined;
  /** Streams kept; the least recently written goes first. @default 10_000 */
  maxStreams?: number | undefined;
  /** A stream not written for this long is forgotten, in ms. @default 300_000 */
  ttlMs?: number | undefined;
  /** How often expired streams are swept while the store holds any, in ms. @default the lesser of `ttlMs` and 60_000 */
  sweepIntervalMs?: number | undefined;
  /** Clock for the TTL, in ms. @default Date.now */
  now?: (() => number) | undefined;
  /** Timers for the sweep. @default globalThis's (unref'd where the runtime allows, so they never hold a process open) */
  timers?: Timers | undefined;
}

interface StoredEvent {
  readonly seq: number;
  readonly json: string;
  readonly bytes: number;
}

interface StreamLog {
  /** The last sequence number given out (priming events take one too). */
  seq: number;
  /** Every event with a sequence number at or below this was dropped by a bound. */
  droppedThrough: number;
  events: StoredEvent[];
  /** Index of the oldest kept event in `events` (dropping advances it; the array is compacted now and then). */
  head: number;
  bytes: number;
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

/** The session a stream belongs to: stream ids are `<sessionId>.<n>`; one without a dot is its own. */
function sessionOf(streamId: string): string {
  const dot = streamId.lastIndexOf('.');
  return dot <= 0 ? streamId : streamId.slice(0, dot);
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms) as unknown as { unref?: () => void };
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/**
 * The default {@link EventStore}: per-process and bounded per stream (count and UTF-8 bytes), in
 * total bytes, in the number of streams, and by a TTL. A session's streams go when the session ends;
 * expired streams go on the next write and on a sweep timer that runs only while the store holds any.
 * @example
 * createStreamableHttpHandler({ server, eventStore: new InMemoryEventStore({ ttlMs: 60_000 }) });
 */
export class InMemoryEventStore implements EventStore {
  /** In order of last write, oldest first (a write re-inserts its stream). */
  readonly #streams = new Map<string, StreamLog>();
  readonly #bySession = new Map<string, Set<string>>();
  readonly #maxEvents: number;
  readonly #maxStreamBytes: number;
  readonly #maxBytes: number;
  readonly #maxStreams: number;
  readonly #ttlMs: number;
  readonly #sweepMs: number;
  readonly #now: () => number;
  readonly #timers: Timers;
  #bytes = 0;
  #sweep: unknown = undefined;
  #closed = false;

  constructor(options?: InMemoryEventStoreOptions) {
    this.#maxEvents = positive('maxEventsPerStream', options?.maxEventsPerStream, 1000);
    this.#maxStreamBytes = positive('maxBytesPerStream', options?.maxBytesPerStream, 1024 * 1024);
    this.#maxBytes = positive('maxBytes', options?.maxBytes, 64 * 1024 * 1024);
    if (this.#maxStreamBytes > this.#maxBytes) {
      throw new RangeError('InMemoryEventStoreOptions.maxBytesPerStream must not exceed maxBytes');
    }
    this.#maxStreams = positive('maxStreams', options?.maxStreams, 10_000);
    this.#ttlMs = positive('ttlMs', options?.ttlMs, 300_000);
    this.#sweepMs = positive('sweepIntervalMs', options?.sweepIntervalMs, Math.min(this.#ttlMs, 60_000));
    this.#now = options?.now ?? Date.now;
    this.#timers = options?.timers ?? defaultTimers;
  }

  /** Streams held now (for tests and leak checks). */
  get size(): number {
    return this.#streams.size;
  }

  /** UTF-8 bytes of JSON held now, across every stream. */
  get bytes(): number {
    return this.#bytes;
  }

  storeEvent(streamId: string, _message: JSONRPCMessage | undefined, json: string): string {
    const now = this.#now();
    this.#expire(now);
    let log = this.#streams.get(streamId);
    if (log === undefined) {
      if (this.#streams.size >= this.#maxStreams) this.#forget(this.#streams.keys().next().value!);
      log = { seq: 0, droppedThrough: 0, events: [], head: 0, bytes: 0, touched: now };
      const session = sessionOf(streamId);
      const streams = this.#bySession.get(session);
      if (streams === undefined) this.#bySession.set(session, new Set([streamId]));
      else streams.add(streamId);
    } else {
      // Re-inserted so that the map's order is the order of last writes (oldest first).
      this.#streams.delete(streamId);
    }
    this.#streams.set(streamId, log);
    log.touched = now;
    const seq = ++log.seq;
    if (json !== '') {
      const bytes = utf8ByteLength(json);
      log.events.push({ seq, json, bytes });
      log.bytes += bytes;
      this.#bytes += bytes;
      this.#bound(log);
      // Over the store's budget: the least recently written streams go whole (this one is the newest).
      while (this.#bytes > this.#maxBytes) this.#forget(this.#streams.keys().next().value!);
    }
    this.#armSweep();
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

  dropSession(sessionId: string): void {
    const streams = this.#bySession.get(sessionId);
    if (streams === undefined) return;
    for (const streamId of [...streams]) this.#forget(streamId);
  }

  /** Stops the sweep timer and forgets every stream. */
  close(): void {
    this.#closed = true;
    this.#disarmSweep();
    this.#streams.clear();
    this.#bySession.clear();
    this.#bytes = 0;
  }

  #bound(log: StreamLog): void {
    while (log.events.length - log.head > this.#maxEvents || log.bytes > this.#maxStreamBytes) {
      const dropped = log.events[log.head++]!;
      log.bytes -= dropped.bytes;
      this.#bytes -= dropped.bytes;
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
      this.#forget(streamId);
    }
  }

  #forget(streamId: string): void {
    const log = this.#streams.get(streamId);
    if (log === undefined) return;
    this.#streams.delete(streamId);
    this.#bytes -= log.bytes;
    const session = sessionOf(streamId);
    const streams = this.#bySession.get(session);
    streams?.delete(streamId);
    if (streams?.size === 0) this.#bySession.delete(session);
    if (this.#streams.size === 0) this.#disarmSweep();
  }

  /** One pending sweep while any stream is held; none when empty, so an idle store holds no timer. */
  #armSweep(): void {
    if (this.#sweep !== undefined || this.#closed) return;
    this.#sweep = this.#timers.setTimeout(() => {
      this.#sweep = undefined;
      this.#expire(this.#now());
      if (this.#streams.size > 0) this.#armSweep();
    }, this.#sweepMs);
  }

  #disarmSweep(): void {
    if (this.#sweep === undefined) return;
    this.#timers.clearTimeout(this.#sweep);
    this.#sweep = undefined;
  }
}
