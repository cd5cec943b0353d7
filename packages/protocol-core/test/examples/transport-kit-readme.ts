import {
  type JSONRPCMessage,
  type Transport,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import {
  exceedsUtf8Bytes,
  InboundBuffer,
  receiveFrame,
  serializeMessage,
} from '@mcpwire/protocol-core/transport-kit';

/** Anything that carries text both ways, e.g. a `MessagePort` or a `BroadcastChannel` wrapper. */
export interface TextPort {
  post(text: string): void;
  listen(onText: (text: string) => void): void;
}

/** A transport over a TextPort, with the same contract as every mcpwire transport. */
export class PortTransport implements Transport {
  onmessage?: Transport['onmessage'];
  onerror?: Transport['onerror'];
  onclose?: Transport['onclose'];
  readonly #inbound = new InboundBuffer(this); // queues until start(), one onclose
  readonly #port: TextPort;

  constructor(port: TextPort, maxMessageBytes: number = 4 * 1024 * 1024) {
    this.#port = port;
    port.listen((text) => {
      if (exceedsUtf8Bytes(text, maxMessageBytes)) {
        const error = new TransportError(TransportErrorCode.MessageTooLarge, 'Message too large');
        return this.#inbound.fail(error);
      }
      receiveFrame(text, {
        deliver: (message) => this.#inbound.deliver(message),
        report: (error) => this.#inbound.fail(error), // MCPWIRE_ERR_PARSE / _INVALID_MESSAGE
        answer: (response) => void this.send(response), // -32700 / -32600 to the peer
      });
    });
  }

  async start(): Promise<void> {
    this.#inbound.start();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const text = serializeMessage(message);
    if (text instanceof TransportError) throw text; // MCPWIRE_ERR_SEND_VALIDATION
    this.#port.post(text);
  }

  async close(): Promise<void> {
    this.#inbound.flushClose();
  }
}
