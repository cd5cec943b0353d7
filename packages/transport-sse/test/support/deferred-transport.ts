/**
 * The shared suite wants both ends before either starts, but a server end of this wire exists only once
 * the client's GET arrived (which the client's `start()` makes). This stand-in is the server end until
 * then: callbacks installed on it are forwarded from the real transport, and every call waits for it.
 * Queueing, ordering, errors and closes are all the real transport's; this adds nothing but the wait.
 */
import type {
  JSONRPCMessage,
  MessageCallback,
  Transport,
  TransportSendOptions,
} from '@mcpwire/protocol-core';
import type { SseServerTransport } from '../../src/index.js';

export class DeferredTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: MessageCallback | undefined;
  readonly #ready: Promise<SseServerTransport>;
  #real: SseServerTransport | undefined = undefined;
  #closedEarly = false;

  constructor(ready: Promise<SseServerTransport>) {
    this.#ready = ready.then((real) => {
      this.#real = real;
      return real;
    });
  }

  async start(): Promise<void> {
    const real = await this.#ready;
    real.onmessage = (message, extra) => this.onmessage?.(message, extra);
    real.onerror = (error) => this.onerror?.(error);
    real.onclose = () => this.onclose?.();
    await real.start();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    return (await this.#ready).send(message, options);
  }

  async close(): Promise<void> {
    if (this.#real !== undefined) return this.#real.close();
    // Never connected (the client never started): nothing to wait for.
    if (!this.#closedEarly) {
      this.#closedEarly = true;
      this.onclose?.();
    }
  }
}
