import { TransportError, TransportErrorCode } from '../../src/errors.js';
import type { JSONRPCMessage } from '../../src/jsonrpc.js';
import type { MessageExtraInfo, Transport, TransportSendOptions } from '../../src/transport.js';

/** One call to `send`, as the fake recorded it. */
export interface SentRecord {
  message: JSONRPCMessage;
  options: TransportSendOptions | undefined;
}

/** Options of a {@link FakeTransport}. */
export interface FakeTransportOptions {
  /** Keep every sent message in `sent` (turn off for long runs). @default true */
  record?: boolean;
  /** Deliver to the peer inside `send` instead of on a microtask. @default false */
  sync?: boolean;
}

/**
 * A Transport for engine tests. Alone, the test plays the peer: `receive()` injects messages and
 * `sent` shows what the engine sent. Linked by {@link createFakePair}, each `send` delivers a structured
 * clone to the other side (so no object is shared, as over a real wire) on a microtask.
 */
export class FakeTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: ((message: JSONRPCMessage, extra?: MessageExtraInfo) => void) | undefined;
  readonly sent: SentRecord[] = [];
  peer: FakeTransport | undefined;
  started = false;
  closed = false;
  closeCalls = 0;
  /** The next send rejects with this error (once). */
  failNextSend: Error | undefined;
  readonly #record: boolean;
  readonly #sync: boolean;
  #beforeStart: { message: JSONRPCMessage; extra: MessageExtraInfo | undefined }[] = [];

  constructor(options?: FakeTransportOptions) {
    this.#record = options?.record ?? true;
    this.#sync = options?.sync ?? false;
  }

  /** The messages sent so far, without their options. */
  get messages(): JSONRPCMessage[] {
    return this.sent.map((record) => record.message);
  }

  async start(): Promise<void> {
    if (this.started) throw new TransportError(TransportErrorCode.AlreadyStarted, 'fake: started twice');
    this.started = true;
    const queued = this.#beforeStart;
    this.#beforeStart = [];
    for (const item of queued) this.onmessage?.(item.message, item.extra);
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.closed) return Promise.reject(new TransportError(TransportErrorCode.Closed, 'fake: closed'));
    const failure = this.failNextSend;
    if (failure !== undefined) {
      this.failNextSend = undefined;
      return Promise.reject(failure);
    }
    if (this.#record) this.sent.push({ message, options });
    const peer = this.peer;
    if (peer !== undefined) {
      const copy = structuredClone(message);
      if (this.#sync) peer.receive(copy);
      else queueMicrotask(() => peer.receive(copy));
    }
    return Promise.resolve();
  }

  /** Delivers a message as if the peer had sent it; queued until start(), dropped after close. */
  receive(message: JSONRPCMessage, extra?: MessageExtraInfo): void {
    if (this.closed) return;
    if (!this.started) this.#beforeStart.push({ message, extra });
    else this.onmessage?.(message, extra);
  }

  async close(): Promise<void> {
    this.closeCalls++;
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
    await this.peer?.close();
  }
}

/** Two linked fake transports: what one sends, the other receives. */
export function createFakePair(options?: FakeTransportOptions): [FakeTransport, FakeTransport] {
  const a = new FakeTransport(options);
  const b = new FakeTransport(options);
  a.peer = b;
  b.peer = a;
  return [a, b];
}
