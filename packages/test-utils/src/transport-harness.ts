import type { Transport } from '@mcpwire/protocol-core';

/**
 * What a transport's test file hands the shared suite: two linked, not-yet-started ends, and the hooks
 * for the cases that depend on the wire (raw frames, size limits).
 */
export interface TransportPairHarness {
  /** One end. Not started. */
  a: Transport;
  /** The other end. Not started. */
  b: Transport;
  /**
   * Writes raw text into the wire towards `a`, as if `b`'s side had sent it unframed (the text is sent
   * as is; for framed transports include the terminator, e.g. a trailing newline for stdio; the shared
   * suite appends `rawFrameTerminator`).
   * Undefined for transports that carry objects rather than frames.
   */
  injectRawToA?: ((raw: string) => Promise<void>) | undefined;
  /**
   * True when `a` answers a malformed frame with a JSON-RPC error sent to `b` (-32700 / -32600, id null
   * when unreadable), as stdio does.
   */
  answersMalformedFrames?: boolean | undefined;
  /**
   * The largest message (in bytes of its JSON text) `a` accepts from `b`, as configured for this
   * harness; keep it small (e.g. 64 KiB) so the test is fast. Undefined if the transport has no limit.
   */
  maxMessageBytes?: number | undefined;
  /**
   * True when a message over `maxMessageBytes` ends the connection instead of being dropped (a WebSocket
   * closes with 1009: its frames cannot be skipped). The size case then expects `a` to report the limit
   * and close, having delivered everything before it.
   */
  oversizeCloses?: boolean | undefined;
  /**
   * What the suite appends to each raw frame it passes to `injectRawToA`, so it needs no knowledge of the
   * framing. Trailing whitespace is harmless to JSON, so the default suits line-delimited and message-framed
   * wires alike. @default '\n'
   */
  rawFrameTerminator?: string | undefined;
  /** How long the suite waits for an expected message, error or close before failing. @default 5000 */
  waitTimeoutMs?: number | undefined;
  /** Releases everything the harness made (processes, sockets). Called after each test. */
  dispose(): Promise<void>;
}

/** Makes a fresh harness for each test. */
export type TransportPairFactory = () => Promise<TransportPairHarness>;
