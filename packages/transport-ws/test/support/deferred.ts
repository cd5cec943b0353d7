import type { JSONRPCMessage, MessageExtraInfo, Transport } from '@mcpwire/protocol-core';

/**
 * A Transport that stands for one that does not exist yet (the server side of a connection the client
 * has not opened), so the shared suite can hold both ends before either is started. Its callbacks are
 * forwarded from the real transport from `start()` on; until then the real one queues, as the contract says.
 */
export class DeferredTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: ((message: JSONRPCMessage, extra?: MessageExtraInfo) => void) | undefined;
  readonly #real: Promise<Transport>;
  #resolved: Transport | undefined;

  constructor(real: Promise<Transport>) {
    this.#real = real.then((transport) => {
      this.#resolved = transport;
      return transport;
    });
  }

  async start(): Promise<void> {
    const real = await this.#real;
    real.onmessage = (message, extra) => this.onmessage?.(message, extra);
    real.onerror = (error) => this.onerror?.(error);
    real.onclose = () => this.onclose?.();
    await real.start();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    await (await this.#real).send(message);
  }

  async close(): Promise<void> {
    // Never connected: there is nothing to close.
    await this.#resolved?.close();
  }
}
