/**
 * Pings the peer every interval; a peer that showed no sign of life (a pong or a message) since the
 * previous ping is reported as missing, so a dead peer is found within two intervals of its last sign.
 */
import type { Timers } from '@mcpwire/protocol-core/transport-kit';
import type { SocketPort } from './port.js';

export class Heartbeat {
  readonly #port: SocketPort;
  readonly #intervalMs: number;
  readonly #timers: Timers;
  readonly #missed: () => void;
  #alive = true;
  #timer: unknown;
  #stopped = false;

  /** Starts at once when the interval is above 0 and the socket can ping (not in browsers). */
  constructor(port: SocketPort, intervalMs: number, timers: Timers, missed: () => void) {
    this.#port = port;
    this.#intervalMs = intervalMs;
    this.#timers = timers;
    this.#missed = missed;
    this.#schedule();
  }

  /** A sign of life: a pong or any frame. */
  alive(): void {
    this.#alive = true;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#intervalMs <= 0 || !this.#port.canPing || this.#stopped) return;
    this.#timer = this.#timers.setTimeout(this.#beat, this.#intervalMs);
  }

  readonly #beat = (): void => {
    this.#timer = undefined;
    if (this.#stopped) return;
    if (!this.#alive) {
      this.#stopped = true;
      this.#missed();
      return;
    }
    this.#alive = false;
    this.#port.ping();
    this.#schedule();
  };
}
