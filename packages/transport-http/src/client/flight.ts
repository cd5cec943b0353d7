/**
 * One request on its way: what cancels it, and whether its response has arrived. The transport
 * keeps one per request id until `send()` settles.
 */
import type { RequestId } from '@mcpwire/protocol-core';
import type { About } from './failures.js';
import type { ClientTimers } from './options.js';

/** The era a request was sent in, read from the request itself. */
export type FlightEra = 'modern' | 'legacy';

/** A request in flight. */
export class Flight {
  readonly id: RequestId;
  readonly method: string;
  readonly era: FlightEra;
  /** Aborted when the request is cancelled or the transport closes; its reason is the error to throw. */
  readonly controller: AbortController = new AbortController();
  answered = false;
  #attempt: AbortController | undefined = undefined;
  #detach: (() => void) | undefined = undefined;

  constructor(id: RequestId, method: string, era: FlightEra) {
    this.id = id;
    this.method = method;
    this.era = era;
  }

  get about(): About {
    return { requestId: this.id, method: this.method };
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * A signal for one HTTP request of this flight: aborted with the flight, and also once the response
   * arrived elsewhere (a legacy server may answer on another stream), which ends reading this one.
   */
  attemptSignal(): AbortSignal {
    this.#detach?.();
    const attempt = new AbortController();
    this.#attempt = attempt;
    const flight = this.controller.signal;
    // Linked by hand rather than with AbortSignal.any, which older browsers lack.
    if (flight.aborted) attempt.abort(flight.reason);
    else if (this.answered) attempt.abort();
    else {
      const onAbort = (): void => attempt.abort(flight.reason);
      flight.addEventListener('abort', onAbort, { once: true });
      this.#detach = () => flight.removeEventListener('abort', onAbort);
    }
    return attempt.signal;
  }

  /** Records the response; stops reading the current stream. */
  markAnswered(): void {
    this.answered = true;
    this.#attempt?.abort();
  }

  /** Cancels the flight with `reason` (a TransportError that its `send()` then rejects with). */
  abort(reason: Error): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }
}

/** Waits `ms`, or rejects with the signal's reason once it aborts. */
export function sleep(timers: ClientTimers, ms: number, signal: AbortSignal): Promise<void> {
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
