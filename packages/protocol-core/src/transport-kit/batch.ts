/**
 * JSON-RPC batches (JSON-RPC 2.0 §6) on a transport that carries one message per frame: a batch
 * received in one frame is answered in one frame, an array of the responses to its requests, once
 * all of them are answered. Shared by every transport that speaks a revision allowing batches.
 */
import { type EnvelopeError, envelopeErrorResponse, parseFrame } from '../envelope.js';
import {
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResponse,
  type JSONRPCMessage,
  type RequestId,
} from '../jsonrpc.js';
import { type FrameSink, frameError } from './frames.js';

/**
 * The protocol revisions in which either side may send a JSON-RPC batch: JSON-RPC 2.0 has them,
 * 2024-11-05 inherits them, 2025-03-26 spells them out ("MUST support receiving"), 2025-06-18 removed
 * them. Before a version is negotiated nothing is batched: `initialize` must travel alone.
 */
export const BATCH_PROTOCOL_VERSIONS: readonly string[] = ['2024-11-05', '2025-03-26'];

/** True when `version` (the negotiated one, or undefined before `initialize`) allows batches. */
export function allowsBatch(version: string | undefined): boolean {
  return version !== undefined && BATCH_PROTOCOL_VERSIONS.includes(version);
}

/** A {@link FrameSink} that can also send one batch answer (a JSON array) as one frame. */
export interface BatchFrameSink extends FrameSink {
  /** Sends the answer to a whole batch, as one frame. */
  answerBatch(answers: readonly JSONRPCMessage[]): void;
}

/** What {@link BatchResponder.hold} decided about a message being sent. */
export type BatchHold =
  /** Not an answer to a batched request: send it as usual. */
  | { kind: 'send' }
  /** Kept for its batch, which still waits for other answers: send nothing now. */
  | { kind: 'held' }
  /** It completed its batch: send `answers` as one frame instead. */
  | { kind: 'complete'; answers: readonly JSONRPCMessage[] };

interface PendingBatch {
  answers: JSONRPCMessage[];
  /** Requests of the batch not answered yet. */
  waiting: number;
}

const SEND: BatchHold = { kind: 'send' };
const HELD: BatchHold = { kind: 'held' };

/** Ids as map keys: the string "1" and the number 1 are different requests. */
function keyOf(id: RequestId): string {
  return typeof id === 'number' ? `n${id}` : `s${id}`;
}

/**
 * Receives frames that may be batches, and holds the answers to batched requests until their batch is
 * complete. Batches are accepted only once {@link setProtocolVersion} named a revision that allows them;
 * otherwise an array is refused -32600 as any other invalid message. Notifications get no entry; a batch
 * of notifications gets no answer; malformed items get their error inside the array; an empty array is
 * one -32600 error. Requests and notifications this side sends meanwhile go out on their own.
 * @example
 * const batches = new BatchResponder();
 * // on receive: batches.receive(text, { deliver, report, answer, answerBatch: (a) => write(JSON.stringify(a)) });
 * // on send:    const hold = batches.hold(message); if (hold.kind === 'held') return; ...
 * // on close:   batches.clear();
 */
export class BatchResponder {
  #allowed = false;
  /** The pending batch of each request id still waiting for its answer. */
  readonly #byId = new Map<string, PendingBatch>();

  /** True when received frames may be batches (the negotiated revision allows them). */
  get allowed(): boolean {
    return this.#allowed;
  }

  /** Records the negotiated revision, which decides whether batches are accepted. */
  setProtocolVersion(version: string): void {
    this.#allowed = allowsBatch(version);
  }

  /** Requests of received batches still waiting for their answer (0 once the connection closed). */
  get pending(): number {
    return this.#byId.size;
  }

  /**
   * Parses one frame and hands its parts to `sink`, like `receiveFrame`; a batch's answers (its error
   * entries, then its responses as {@link hold} completes them) go to `sink.answerBatch` as one array.
   */
  receive(text: string, sink: BatchFrameSink, maxDepth?: number): void {
    const frame = parseFrame(text, { allowBatch: this.#allowed, maxDepth });
    if (frame.batch !== true) {
      for (const message of frame.messages) this.deliver(message, sink);
      for (const error of frame.errors) this.#refuse(error, text, sink);
      return;
    }
    const answers: JSONRPCMessage[] = [];
    for (const error of frame.errors) {
      sink.report(frameError(error, text));
      if (!error.responseLike) answers.push(envelopeErrorResponse(error));
    }
    this.deliverBatch(frame.messages, answers, sink);
  }

  /**
   * Delivers the valid messages of a batch parsed elsewhere (e.g. a POST body), whose malformed items
   * were already answered by `answers`: those go out at once when the batch holds no request, else
   * with the responses.
   */
  deliverBatch(
    messages: readonly JSONRPCMessage[],
    answers: readonly JSONRPCMessage[],
    sink: BatchFrameSink,
  ): void {
    const batch: PendingBatch = { answers: [...answers], waiting: 0 };
    // Registered before delivery, since an answer may be sent while a later item is delivered.
    for (const message of messages) {
      if (!isJSONRPCRequest(message)) continue;
      const key = keyOf(message.id);
      // A second request with a pending id is answered on its own: the first one claims the answer.
      if (this.#byId.has(key)) continue;
      this.#byId.set(key, batch);
      batch.waiting++;
    }
    if (batch.waiting === 0 && batch.answers.length > 0) sink.answerBatch(batch.answers);
    for (const message of messages) this.deliver(message, sink);
  }

  /** Delivers one message that is not in a batch (a cancellation may complete a pending batch). */
  deliver(message: JSONRPCMessage, sink: BatchFrameSink): void {
    this.#cancelled(message, sink);
    sink.deliver(message);
  }

  /** Decides what to do with a message about to be sent: send it, hold it, or send its whole batch. */
  hold(message: JSONRPCMessage): BatchHold {
    if (this.#byId.size === 0 || !isJSONRPCResponse(message)) return SEND;
    const id = message.id;
    if (id === null || id === undefined) return SEND;
    const key = keyOf(id);
    const batch = this.#byId.get(key);
    if (batch === undefined) return SEND;
    this.#byId.delete(key);
    batch.answers.push(message);
    return this.#settle(batch) ? { kind: 'complete', answers: batch.answers } : HELD;
  }

  /** Drops every pending batch (the connection closed: their answers have nowhere to go). */
  clear(): void {
    this.#byId.clear();
  }

  #refuse(error: EnvelopeError, text: string, sink: FrameSink): void {
    sink.report(frameError(error, text));
    if (!error.responseLike) sink.answer(envelopeErrorResponse(error));
  }

  /**
   * A cancelled request is never answered (MCP cancellation), so its batch stops waiting for it, and
   * goes out without its entry when it was the last one waited for.
   */
  #cancelled(message: JSONRPCMessage, sink: BatchFrameSink): void {
    if (!isJSONRPCNotification(message) || message.method !== 'notifications/cancelled') return;
    const id = (message.params as { requestId?: unknown } | undefined)?.requestId;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const key = keyOf(id);
    const batch = this.#byId.get(key);
    if (batch === undefined) return;
    this.#byId.delete(key);
    if (this.#settle(batch) && batch.answers.length > 0) sink.answerBatch(batch.answers);
  }

  /** Counts one request of `batch` as done; true when it was the last. */
  #settle(batch: PendingBatch): boolean {
    batch.waiting--;
    return batch.waiting === 0;
  }
}
