/**
 * Reading response bodies within `maxMessageBytes`: whole JSON bodies, and SSE streams event by
 * event. Bytes are counted as they arrive, so at most the limit plus one chunk is ever held.
 */
import { TransportError, TransportErrorCode, type TransportErrorDetails } from '@mcpwire/protocol-core';
import { exceedsUtf8Bytes } from '@mcpwire/protocol-core/transport-kit';
import { createParser } from 'eventsource-parser';
import { chunksOf, collectText, type HttpResponse } from './http.js';

/** What a too-large error names besides the limit. */
type About = Pick<TransportErrorDetails, 'method' | 'requestId'>;

/** The error of a body or event over the limit. */
export function tooLarge(what: string, limit: number, about: About): TransportError {
  return new TransportError(
    TransportErrorCode.MessageTooLarge,
    `${what} is larger than ${limit} bytes (maxMessageBytes)`,
    { ...about, limit: { name: 'maxMessageBytes', value: limit } },
  );
}

/** Reads a whole body as UTF-8 text; throws `MCPWIRE_ERR_MESSAGE_TOO_LARGE` past `limit` bytes. */
export async function readBoundedText(response: HttpResponse, limit: number, about: About): Promise<string> {
  const text =
    response.text !== undefined ? await response.text(limit) : await collectText(response.body, limit);
  if (text === undefined) throw tooLarge('The response body', limit, about);
  return text;
}

/** Reads an error body for its JSON-RPC error, if any, without failing on size or transport. */
export async function readErrorText(response: HttpResponse, limit: number): Promise<string | undefined> {
  try {
    return await readBoundedText(response, limit, {});
  } catch {
    return undefined;
  }
}

/** One SSE event. */
export interface SseEvent {
  readonly id: string | undefined;
  readonly event: string | undefined;
  readonly data: string;
}

/** What the reader reports as the stream goes. */
export interface SseCallbacks {
  /** One complete event; return `true` to stop reading (the rest of the stream is cancelled). */
  onEvent(event: SseEvent): boolean | undefined;
  /** The server's `retry` field, in ms. */
  onRetry?(ms: number): void;
}

/** How a stream ended: read to its end, or stopped by `onEvent`. */
export type SseEnd = 'ended' | 'stopped';

/**
 * Reads an SSE body, calling back per event. Throws `MCPWIRE_ERR_MESSAGE_TOO_LARGE` for an event
 * over `limit` bytes; network failures and aborts propagate as thrown by the body.
 */
export async function readSse(
  response: HttpResponse,
  limit: number,
  about: About,
  callbacks: SseCallbacks,
): Promise<SseEnd> {
  let stop = false;
  let failure: Error | undefined;
  const parser = createParser({
    // Characters buffered for one partial event are bounded too; the margin is for field names.
    maxBufferSize: limit + 1024,
    onEvent: (event) => {
      if (stop || failure !== undefined) return;
      if (exceedsUtf8Bytes(event.data, limit)) {
        failure = tooLarge('An SSE event', limit, about);
        return;
      }
      if (callbacks.onEvent({ id: event.id, event: event.event, data: event.data }) === true) stop = true;
    },
    onRetry: (ms) => callbacks.onRetry?.(ms),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') failure ??= tooLarge('An SSE event', limit, about);
      // Unknown fields and bad retry values are ignored, as EventSource does.
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of chunksOf(response.body)) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    // Leaving the loop cancels the rest of the body.
    if (failure !== undefined) throw failure;
    if (stop) return 'stopped';
  }
  parser.feed(decoder.decode());
  if (failure !== undefined) throw failure;
  return stop ? 'stopped' : 'ended';
}
