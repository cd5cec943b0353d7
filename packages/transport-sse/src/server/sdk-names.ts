/**
 * The official SDK's `SSEServerTransport(endpoint, res)`, so that a server written for
 * `@modelcontextprotocol/sdk/server/sse.js` ports by renaming its import: the caller routes GET and
 * POST itself, makes one transport per GET, and hands each POST to `handlePostMessage`. The endpoint
 * pair of `createSseHandler` does all of that (and checks Host, Origin, limits) by itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ErrorCode,
  type JSONRPCMessage,
  type MessageCallback,
  type Transport,
  TransportError,
  TransportErrorCode,
  type TransportSendOptions,
} from '@mcpwire/protocol-core';
import {
  type BatchFrameSink,
  BatchResponder,
  envelopeErrorResponse,
  InboundBuffer,
  newSessionId,
  parseFrame,
  validateEnvelope,
  sessionTag,
} from '@mcpwire/protocol-core/transport-kit';
import { readNodeBody } from '@mcpwire/protocol-core/transport-kit/node';
import { SseEventStream } from './event-stream.js';
import { sendAccepted, sendError, sendJson } from './responses.js';

/** The SDK's options: its DNS-rebinding settings, which this class refuses (see the constructor). */
export interface SSEServerTransportOptions {
  /** Refused: use `createSseHandler`, which checks Host by default. */
  allowedHosts?: string[] | undefined;
  /** Refused: use `createSseHandler`, which checks Origin by default. */
  allowedOrigins?: string[] | undefined;
  /** Refused when true: use `createSseHandler`. @default false */
  enableDnsRebindingProtection?: boolean | undefined;
}

/** The largest POST body read, in bytes. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Bytes the event stream may hold for a client that does not read, before it is closed. */
const MAX_STREAM_BUFFER_BYTES = 4 * 1024 * 1024;
const KEEP_ALIVE_MS = 15_000;
const TIMERS = {
  setTimeout: (callback: () => void, ms: number): unknown => {
    const handle = setTimeout(callback, ms);
    // Keep-alives must not keep a Node process alive on their own.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle: unknown): void => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/**
 * One HTTP+SSE (2024-11-05) connection with the official SDK's constructor: `start()` (called by
 * `server.connect`) opens the event stream on `res` and sends the `endpoint` event (`endpoint` with
 * `?sessionId=`); POSTs of that session go to {@link handlePostMessage}.
 * @example
 * // was: import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
 * import { SSEServerTransport } from '@mcpwire/transport-sse';
 * const transport = new SSEServerTransport('/messages', res); // in the GET /sse route
 * transports.set(transport.sessionId, transport);
 * await server.connect(transport);
 * // in the POST /messages route: transports.get(sessionId)?.handlePostMessage(req, res, req.body)
 */
export class SSEServerTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: MessageCallback | undefined;
  /** The id the `endpoint` event carries as `?sessionId=`. */
  readonly sessionId: string;
  readonly #endpoint: string;
  readonly #res: ServerResponse;
  readonly #inbound: InboundBuffer = new InboundBuffer(this);
  #stream: SseEventStream | undefined = undefined;
  #closed = false;
  /** POSTed batches (2024-11-05, 2025-03-26) whose answers are held until all are sent, as one event. */
  readonly #batches = new BatchResponder();

  /** Throws TypeError for the SDK's DNS-rebinding options: this class would not apply them. */
  constructor(endpoint: string, res: ServerResponse, options?: SSEServerTransportOptions) {
    if (
      options?.enableDnsRebindingProtection === true ||
      options?.allowedHosts !== undefined ||
      options?.allowedOrigins !== undefined
    ) {
      throw new TypeError(
        'SSEServerTransport: allowedHosts, allowedOrigins and enableDnsRebindingProtection are not ' +
          'supported; use createSseHandler, which checks Host and Origin by default',
      );
    }
    this.sessionId = newSessionId({ format: 'uuid' });
    const url = new URL(endpoint, 'http://localhost');
    url.searchParams.set('sessionId', this.sessionId);
    this.#endpoint = `${url.pathname}${url.search}${url.hash}`;
    this.#res = res;
  }

  /** Opens the event stream and sends the `endpoint` event; throws when called twice. */
  async start(): Promise<void> {
    if (this.#stream !== undefined || this.#closed) {
      throw new TransportError(TransportErrorCode.AlreadyStarted, 'SSEServerTransport already started');
    }
    const stream = new SseEventStream(this.#res, `event: endpoint\ndata: ${this.#endpoint}\n\n`, {
      keepAliveMs: KEEP_ALIVE_MS,
      maxBufferedBytes: MAX_STREAM_BUFFER_BYTES,
      timers: TIMERS,
    });
    stream.onclose = (reason) => {
      if (reason === 'overflow') {
        this.#inbound.fail(
          new TransportError(
            TransportErrorCode.LimitExceeded,
            `Session ${sessionTag(this.sessionId)} closed: the client did not read its event stream`,
            { limit: { name: 'maxStreamBufferBytes', value: MAX_STREAM_BUFFER_BYTES } },
          ),
        );
      }
      this.#finish();
    };
    this.#stream = stream;
    this.#inbound.start();
  }

  /** Records the negotiated revision; from it, POSTs may carry batches (2024-11-05, 2025-03-26). */
  setProtocolVersion(version: string): void {
    this.#batches.setProtocolVersion(version);
  }

  /**
   * Takes one POST of this session: `parsedBody` when a framework parsed it (Express `express.json()`),
   * else the body is read. Answers 202, or 400 / 413 / 500 with a JSON-RPC error.
   */
  async handlePostMessage(req: IncomingMessage, res: ServerResponse, parsedBody?: unknown): Promise<void> {
    if (this.#stream === undefined || this.#closed) {
      sendError(res, 500, ErrorCode.InternalError, 'SSE connection not established');
      return;
    }
    let messages: JSONRPCMessage[];
    let batch: boolean;
    if (parsedBody !== undefined) {
      batch = Array.isArray(parsedBody) && this.#batches.allowed;
      const items = batch ? (parsedBody as unknown[]) : [parsedBody];
      messages = [];
      for (const item of items) {
        const checked = validateEnvelope(item);
        if (!checked.ok) {
          this.#inbound.fail(new TransportError(TransportErrorCode.InvalidMessage, checked.error.message));
          sendJson(res, 400, JSON.stringify(envelopeErrorResponse(checked.error)));
          return;
        }
        messages.push(checked.message);
      }
    } else {
      const body = await readNodeBody(req, MAX_BODY_BYTES);
      if (body.kind === 'aborted') return;
      if (body.kind !== 'text') {
        const tooLarge = body.kind === 'too-large';
        sendError(
          res,
          tooLarge ? 413 : 400,
          tooLarge ? ErrorCode.InvalidRequest : ErrorCode.ParseError,
          tooLarge ? `Payload Too Large: the body exceeds ${MAX_BODY_BYTES} bytes` : 'Parse error: not UTF-8',
        );
        return;
      }
      const frame = parseFrame(body.text, { allowBatch: this.#batches.allowed });
      const first = frame.errors[0];
      if (first !== undefined) {
        this.#inbound.fail(new TransportError(TransportErrorCode.Parse, first.message));
        sendJson(res, 400, JSON.stringify(envelopeErrorResponse(first)));
        return;
      }
      messages = [...frame.messages];
      batch = frame.batch === true;
    }
    sendAccepted(res);
    const extra = { requestInfo: { headers: req.headers } };
    const sink: BatchFrameSink = {
      deliver: (message) => this.#inbound.deliver(message, extra),
      report: (error) => this.#inbound.fail(error),
      answer: (response) => void this.#write(JSON.stringify(response)),
      answerBatch: (answers) => void this.#write(JSON.stringify(answers)),
    };
    if (batch) this.#batches.deliverBatch(messages, [], sink);
    else for (const message of messages) this.#batches.deliver(message, sink);
  }

  send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    const hold = this.#batches.hold(message);
    // An answer to a batched request waits for the others: the batch goes out as one event.
    if (hold.kind === 'held') return Promise.resolve();
    return this.#write(JSON.stringify(hold.kind === 'complete' ? hold.answers : message));
  }

  /** Sends one `message` event. */
  #write(json: string): Promise<void> {
    const stream = this.#stream;
    if (stream === undefined || this.#closed) {
      return Promise.reject(
        new TransportError(TransportErrorCode.Closed, `Session ${sessionTag(this.sessionId)} is closed`),
      );
    }
    // JSON text never holds a raw CR or LF, so one `data:` line carries the whole message.
    const state = stream.write(`event: message\ndata: ${json}\n\n`);
    if (state === 'ok') return Promise.resolve();
    if (state === 'full') {
      return stream.drained().then((drained) => {
        if (!drained)
          throw new TransportError(
            TransportErrorCode.Closed,
            `Session ${sessionTag(this.sessionId)} is closed`,
          );
      });
    }
    return Promise.reject(
      new TransportError(TransportErrorCode.Closed, `Session ${sessionTag(this.sessionId)} is closed`),
    );
  }

  /** Ends the event stream; `onclose` fires once. */
  async close(): Promise<void> {
    if (this.#stream === undefined) {
      this.#finish();
      return;
    }
    this.#stream.end();
    this.#finish();
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#batches.clear();
    this.#inbound.flushClose();
  }
}
