/**
 * One request on its way: what cancels it, and whether its response has arrived. The transport
 * keeps one per request id until `send()` settles.
 */
import type { RequestId } from '@mcpwire/protocol-core';
import { type Abort, AbortSource } from './abort-source.js';
import type { About } from './failures.js';
import type { Timers } from '@mcpwire/protocol-core/transport-kit';

/** The era a request was sent in, read from the request itself. */
export type FlightEra = 'modern' | 'legacy';

/**
 * Why an attempt stopped because its flight was answered elsewhere. One shared reason: aborting
 * without one builds a DOMException (with its stack) per request, and nobody reads it.
 */
const ANSWERED: Error = new Error('The response arrived on another stream');

/** A request in flight. */
export class Flight {
  readonly id: RequestId;
  readonly method: string;
  readonly era: FlightEra;
  /** Aborted when the request is cancelled or the transport closes; its reason is the error to throw. */
  readonly source: AbortSource = new AbortSource();
  answered = false;
  /** The HTTP request being read for this flight, when one can still be stopped. */
  #attempt: AbortSource | undefined = undefined;

  constructor(id: RequestId, method: string, era: FlightEra) {
    this.id = id;
    this.method = method;
    this.era = era;
  }

  get about(): About {
    return { requestId: this.id, method: this.method };
  }

  /**
   * A source for one HTTP request of this flight: aborted with the flight, and also once the response
   * arrived elsewhere (a legacy server may answer on another stream), which ends reading this one.
   */
  attempt(): AbortSource {
    const attempt = new AbortSource();
    this.#attempt = attempt;
    // Not linked by a listener: abort() and markAnswered() abort the current attempt themselves.
    if (this.source.aborted) attempt.abort(this.source.reason);
    else if (this.answered) attempt.abort(ANSWERED);
    return attempt;
  }

  /** The current attempt's body was read to its end: nothing is left to stop. */
  endAttempt(): void {
    this.#attempt = undefined;
  }

  /** Records the response; stops reading the current stream, if one is still open. */
  markAnswered(): void {
    this.answered = true;
    const attempt = this.#attempt;
    this.#attempt = undefined;
    attempt?.abort(ANSWERED);
  }

  /** Cancels the flight with `reason` (a TransportError that its `send()` then rejects with). */
  abort(reason: Error): void {
    if (this.source.aborted) return;
    this.source.abort(reason);
    this.#attempt?.abort(reason);
  }
}

/** Waits `ms`, or rejects with the signal's reason once it aborts. */
export function sleep(timers: Timers, ms: number, signal: Abort): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      timers.clearTimeout(handle);
      reject(signal.reason);
    };
    const handle = timers.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
