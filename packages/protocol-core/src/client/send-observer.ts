/**
 * Learns the id of each request the engine sends. The engine assigns ids itself; a subscription is
 * named by its `subscriptions/listen` request id, and errors should name the request. The engine runs
 * `validateOutgoing` synchronously inside `request()`, just before handing the message to the
 * transport, so reading `lastRequestId` right after `request()` returns gives that request's id.
 */
import type { JSONRPCMessage, RequestId } from '../jsonrpc.js';

/** Records outgoing request ids, then runs the caller's own `validateOutgoing`, if any. */
export class SendObserver {
  /** The id of the request most recently handed to the transport. */
  lastRequestId: RequestId | undefined = undefined;
  readonly #next: ((message: JSONRPCMessage) => void) | undefined;
  /** The hook to pass as `EngineOptions.validateOutgoing`. */
  readonly hook: (message: JSONRPCMessage) => void;

  constructor(next: ((message: JSONRPCMessage) => void) | undefined) {
    this.#next = next;
    this.hook = (message) => {
      // The caller's hook runs first: a request it refuses is never sent, so its id must not be recorded.
      this.#next?.(message);
      if ('method' in message && 'id' in message) this.lastRequestId = message.id;
    };
  }

  /** Clears the id before one `engine.request` call; read {@link lastRequestId} right after it. */
  expect(): void {
    this.lastRequestId = undefined;
  }
}
