/** Byte value of `\n`: the only frame terminator; it never occurs inside a multi-byte UTF-8 sequence. */
const LF = 0x0a;
/** Byte value of `\r`, stripped before a `\n` so CRLF peers work. */
const CR = 0x0d;

/** Where the framer sends what it finds. */
export interface LineFramerHandlers {
  /** One complete, non-empty line, decoded as UTF-8, without its terminator. */
  line(text: string): void;
  /** A line longer than the limit was found; its bytes are being skipped up to the next newline. */
  oversized(bytesSeen: number): void;
}

/**
 * Splits a byte stream into newline-terminated lines.
 *
 * Cost model, because this is the hot path of every stdio transport:
 * - each byte is scanned once (`indexOf` resumes where the previous scan stopped, never from the start);
 * - a line that lies inside one chunk is decoded straight from that chunk, with no copy;
 * - a line that spans chunks keeps references to its pieces and is joined once, when its newline arrives;
 * - an over-long line is never stored: once it passes the limit its bytes are dropped until the next
 *   newline, so the held bytes stay at most `maxLineBytes + 1` (plus the chunk being scanned).
 */
export class LineFramer {
  readonly #maxLineBytes: number;
  readonly #handlers: LineFramerHandlers;
  /** Pieces of the unfinished line, oldest first. */
  #parts: Buffer[] = [];
  #partsBytes = 0;
  /** True while skipping the rest of an over-long line. */
  #discarding = false;
  /** Re-entrancy guard: a handler that makes the same stream emit data must not reorder lines. */
  #busy = false;
  #backlog: Buffer[] = [];

  constructor(maxLineBytes: number, handlers: LineFramerHandlers) {
    this.#maxLineBytes = maxLineBytes;
    this.#handlers = handlers;
  }

  /** Bytes of the unfinished line held right now (for tests and diagnostics). */
  get bufferedBytes(): number {
    return this.#partsBytes;
  }

  /** True while the rest of an over-long line is being skipped. */
  get discarding(): boolean {
    return this.#discarding;
  }

  /** Feeds one chunk; complete lines are handed to the handlers synchronously, in order. */
  push(chunk: Buffer): void {
    if (this.#busy) {
      this.#backlog.push(chunk);
      return;
    }
    this.#busy = true;
    try {
      this.#scan(chunk);
      // A backlog only exists if a handler fed us re-entrantly; drain it in arrival order.
      for (let next = this.#backlog.shift(); next !== undefined; next = this.#backlog.shift()) {
        this.#scan(next);
      }
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Ends the stream: a final line without a newline is delivered like any other (a peer that exits
   * right after its last write is common), and the state is reset.
   */
  end(): void {
    const parts = this.#parts;
    const total = this.#partsBytes;
    this.#reset();
    if (total === 0) return;
    const last = parts[parts.length - 1]!;
    const length = last[last.length - 1] === CR ? total - 1 : total;
    // The held bytes may be one over the limit (room for a CR that did not come).
    if (length > this.#maxLineBytes) this.#handlers.oversized(length);
    else if (length > 0) this.#handlers.line(Buffer.concat(parts, length).toString('utf8'));
  }

  #scan(chunk: Buffer): void {
    let start = 0;
    if (this.#discarding) {
      const newline = chunk.indexOf(LF);
      if (newline === -1) return;
      // Resync: the over-long line ends here, the next line starts clean.
      this.#discarding = false;
      start = newline + 1;
    }
    let newline = chunk.indexOf(LF, start);
    if (newline !== -1 && this.#partsBytes > 0) {
      this.#finishPending(chunk, newline);
      start = newline + 1;
      newline = chunk.indexOf(LF, start);
    }
    while (newline !== -1) {
      let stop = newline;
      if (stop > start && chunk[stop - 1] === CR) stop--;
      const length = stop - start;
      // Check the size before decoding: an over-long line costs a scan, never a string.
      if (length > this.#maxLineBytes) this.#handlers.oversized(length);
      else if (length > 0) this.#handlers.line(chunk.toString('utf8', start, stop));
      start = newline + 1;
      newline = chunk.indexOf(LF, start);
    }
    if (start < chunk.length) this.#hold(chunk, start);
  }

  /** Completes the held line with `chunk[0, newline)` and hands it on. */
  #finishPending(chunk: Buffer, newline: number): void {
    const parts = this.#parts;
    let total = this.#partsBytes + newline;
    // The CR of a CRLF may be the last held byte when the LF starts a new chunk.
    const beforeNewline = newline > 0 ? chunk[newline - 1] : parts[parts.length - 1]!.at(-1);
    if (beforeNewline === CR) total--;
    if (newline > 0) parts.push(chunk.subarray(0, newline));
    this.#reset();
    if (total > this.#maxLineBytes) this.#handlers.oversized(total);
    else if (total > 0) this.#handlers.line(Buffer.concat(parts, total).toString('utf8'));
  }

  /** Keeps `chunk[start..]` as the start (or continuation) of an unfinished line, unless it is too long. */
  #hold(chunk: Buffer, start: number): void {
    const held = this.#partsBytes + chunk.length - start;
    // One byte of slack: the line may still end in CR LF, and the CR does not count.
    if (held > this.#maxLineBytes + 1) {
      this.#reset();
      this.#discarding = true;
      this.#handlers.oversized(held);
      return;
    }
    this.#parts.push(start === 0 ? chunk : chunk.subarray(start));
    this.#partsBytes = held;
  }

  #reset(): void {
    this.#parts = [];
    this.#partsBytes = 0;
    this.#discarding = false;
  }
}
