import { Channel } from './channel.js';
import type { ResolvedOptions } from './resolve-options.js';

/** What the link needs from each end. */
export interface LinkEnd {
  /** True once the end can neither send nor receive. */
  readonly closed: boolean;
  /** The wire was cut under the end: close it as if the peer vanished. */
  severed(): void;
}

/**
 * The state both ends share: the options, one channel per direction, the message count for
 * `disconnectAfterMessages`, and the cut that closes both ends at once.
 */
export class Link {
  readonly options: ResolvedOptions;
  /** Items towards the first end, and towards the second. */
  readonly channels: readonly [Channel, Channel];
  readonly #ends: LinkEnd[] = [];
  #sent = 0;
  #cut = false;

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.channels = [
      new Channel(options.latencyMs, options.timers),
      new Channel(options.latencyMs, options.timers),
    ];
  }

  /** Registers an end; the first registered receives on `channels[0]`. */
  attach(end: LinkEnd): void {
    this.#ends.push(end);
  }

  /** Counts one sent message; true when it is the last before the wire is cut. */
  countIsLast(): boolean {
    this.#sent += 1;
    return this.#sent === this.options.disconnectAfterMessages;
  }

  /** Cuts the wire: in-flight items are lost and both ends close. Idempotent. */
  cut(): void {
    if (this.#cut) return;
    this.#cut = true;
    this.release();
    let failure: { error: unknown } | undefined;
    for (const end of this.#ends) {
      // Both ends must learn of the cut even if the first one's onclose throws.
      try {
        end.severed();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure !== undefined) throw failure.error;
  }

  /** Once both ends are closed nothing can be delivered: drop what is in flight and free the timers. */
  releaseIfBothClosed(): void {
    if (this.#ends.every((end) => end.closed)) this.release();
  }

  release(): void {
    for (const channel of this.channels) channel.discard();
  }
}
