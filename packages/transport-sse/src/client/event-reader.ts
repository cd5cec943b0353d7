/**
 * Reading an event stream with eventsource-parser, each event bounded by `maxMessageBytes`. An event
 * over the limit is reported and dropped, and reading goes on at the next event: the parser holds at
 * most the limit (plus a field name) while an event is open, and the rest of a dropped event is
 * skipped without being held at all.
 */
import { exceedsUtf8Bytes } from '@mcpwire/protocol-core/transport-kit';
import { createParser, type EventSourceParser } from 'eventsource-parser';

/** What the reader reports. */
export interface EventReaderCallbacks {
  /** One complete event (`type` undefined when the event had no `event:` field, i.e. `message`). */
  onEvent(type: string | undefined, data: string): void;
  /** An event over the limit was dropped. */
  onTooLarge(): void;
}

const LF = 10;
const CR = 13;
/** Room for the field name and separator of a `data:` line held by the parser with its value. */
const FIELD_MARGIN = 64;

/** An SSE stream reader with a per-event size bound. */
export class SseEventReader {
  readonly #limit: number;
  readonly #callbacks: EventReaderCallbacks;
  readonly #parser: EventSourceParser;
  #overflowed = false;
  /** Skipping the rest of a dropped event, up to the blank line that ends it. */
  #skipping = false;
  #atLineStart = false;
  #afterCr = false;

  constructor(limitBytes: number, callbacks: EventReaderCallbacks) {
    this.#limit = limitBytes;
    this.#callbacks = callbacks;
    this.#parser = createParser({
      // Characters, which never outnumber UTF-8 bytes: an event within the limit always fits.
      maxBufferSize: limitBytes + FIELD_MARGIN,
      onEvent: (event) => this.#event(event.event, event.data),
      onError: (error) => {
        // Unknown fields and bad retry values are ignored, as EventSource does.
        if (error.type === 'max-buffer-size-exceeded') this.#overflowed = true;
      },
    });
  }

  /** Feeds the next piece of the stream's text. */
  feed(text: string): void {
    let rest: string | undefined = text;
    if (this.#skipping) rest = this.#skip(text);
    if (rest === undefined || rest.length === 0) return;
    this.#parser.feed(rest);
    if (!this.#overflowed) return;
    // The parser took the whole piece and dropped the event it held: skip to that event's end.
    this.#overflowed = false;
    this.#parser.reset();
    const last = rest.charCodeAt(rest.length - 1);
    this.#skipping = true;
    this.#atLineStart = last === LF || last === CR;
    this.#afterCr = last === CR;
    this.#callbacks.onTooLarge();
  }

  #event(type: string | undefined, data: string): void {
    if (exceedsUtf8Bytes(data, this.#limit)) {
      this.#callbacks.onTooLarge();
      return;
    }
    this.#callbacks.onEvent(type, data);
  }

  /** Drops text up to the blank line ending the dropped event; returns what follows it, if any. */
  #skip(text: string): string | undefined {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF && this.#afterCr) {
        // The LF of a CRLF: its line ended at the CR.
        this.#afterCr = false;
        continue;
      }
      if (c === LF || c === CR) {
        this.#afterCr = c === CR;
        if (this.#atLineStart) {
          this.#skipping = false;
          // A CRLF's LF left at the front reads as an empty line to the parser: nothing is dispatched.
          return text.slice(i + 1);
        }
        this.#atLineStart = true;
        continue;
      }
      this.#afterCr = false;
      this.#atLineStart = false;
    }
    return undefined;
  }
}
