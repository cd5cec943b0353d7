import type { JSONRPCMessage, MessageExtraInfo, Transport } from '@mcpwire/protocol-core';

/** The default time {@link TransportRecorder} waits for an expected event. */
export const DEFAULT_WAIT_TIMEOUT_MS = 5_000;

interface Waiter {
  ready: () => boolean;
  resolve: () => void;
}

/**
 * Installs `onmessage`, `onerror` and `onclose` on a transport and records every call, so a test can
 * wait for events instead of sleeping, then assert on exactly what arrived.
 * @example
 * const b = new TransportRecorder(pair.b);
 * await pair.b.start();
 * await b.waitForMessages(3);
 * expect(b.messages).toEqual(sent);
 */
export class TransportRecorder {
  /** Messages received, in order. */
  readonly messages: JSONRPCMessage[] = [];
  /** The `extra` argument of each received message, index-aligned with `messages`. */
  readonly extras: (MessageExtraInfo | undefined)[] = [];
  /** Errors reported through `onerror`, in order. */
  readonly errors: Error[] = [];
  #closeCount = 0;
  readonly #timeoutMs: number;
  readonly #waiters = new Set<Waiter>();

  constructor(transport: Transport, options?: { timeoutMs?: number | undefined }) {
    this.#timeoutMs = options?.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    transport.onmessage = (message, extra) => {
      this.messages.push(message);
      this.extras.push(extra);
      this.#check();
    };
    transport.onerror = (error) => {
      this.errors.push(error);
      this.#check();
    };
    transport.onclose = () => {
      this.#closeCount += 1;
      this.#check();
    };
  }

  /** How many times `onclose` fired. */
  get closeCount(): number {
    return this.#closeCount;
  }

  /** Resolves once at least `count` messages arrived; rejects after the timeout, saying what was seen. */
  waitForMessages(count: number): Promise<JSONRPCMessage[]> {
    return this.#until(() => this.messages.length >= count, `${count} message(s)`).then(() => this.messages);
  }

  /** Resolves once at least `count` errors were reported. */
  waitForErrors(count: number): Promise<Error[]> {
    return this.#until(() => this.errors.length >= count, `${count} error(s)`).then(() => this.errors);
  }

  /** Resolves once `onclose` fired. */
  waitForClose(): Promise<void> {
    return this.#until(() => this.#closeCount > 0, 'onclose');
  }

  #until(ready: () => boolean, what: string): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        ready,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      // The message names what was awaited and what came, so a failing transport test explains itself.
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = `${this.messages.length} message(s), ${this.errors.length} error(s), onclose x${this.#closeCount}`;
        reject(new Error(`Timed out after ${this.#timeoutMs} ms waiting for ${what}; got ${seen}`));
      }, this.#timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  #check(): void {
    for (const waiter of this.#waiters) {
      if (!waiter.ready()) continue;
      this.#waiters.delete(waiter);
      waiter.resolve();
    }
  }
}

/**
 * Lets the event loop turn a few times (real timers), so that anything a transport would still deliver,
 * such as a duplicate `onclose`, has had the chance to arrive before a test asserts it did not.
 */
export function settle(ms = 25): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
