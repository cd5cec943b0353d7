/**
 * The streams of a legacy session: each is a stream id in the event store plus the connection that
 * carries it now (none while the client is away). A session has one standalone stream (the GET
 * stream) and one per POSTed request, which ends with that request's response.
 */
import type { JSONRPCMessage, RequestId } from '@mcpwire/protocol-core';
import type { SseWriter } from './sse.js';

/** True for a promise (an asynchronous event store's answer). */
export function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/** One logical SSE stream of the session: its id in the event store and the connection carrying it now. */
export class StreamTarget {
  readonly streamId: string;
  writer: SseWriter | undefined = undefined;
  /** Set once an asynchronous event store is involved: writes chain on it to keep their order. */
  tail: Promise<void> | undefined = undefined;
  /** Writes waiting for an asynchronous store's id. */
  inFlight = 0;
  /** Ids a resume replayed, which writes still in flight must not repeat. */
  skip: Set<string> | undefined = undefined;

  constructor(streamId: string) {
    this.streamId = streamId;
  }
}

/** The stream of one POSTed request; it ends with the request's response. */
export class RequestStream extends StreamTarget {
  readonly requestId: RequestId;
  /** `initialize`: a refused handshake ends the session it would have opened. */
  readonly opensSession: boolean;
  /** JSON mode: the POST waits for the response as one body; `fail` answers it when none will come. */
  respondJson: ((response: JSONRPCMessage) => void) | undefined = undefined;
  fail: ((status: number) => void) | undefined = undefined;

  constructor(streamId: string, requestId: RequestId, opensSession: boolean) {
    super(streamId);
    this.requestId = requestId;
    this.opensSession = opensSession;
  }
}

/** What a message is, as far as routing and loss go. */
export type Kind = 'request' | 'notification' | 'response';

/** A write deferred while a resume replays stored events. */
export interface HeldWrite {
  readonly target: StreamTarget;
  readonly json: string;
  readonly eventId: string | undefined;
  readonly kind: Kind;
}
