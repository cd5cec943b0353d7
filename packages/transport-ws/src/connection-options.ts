import { backgroundTimers, integerOption, type Timers } from '@mcpwire/protocol-core/transport-kit';

/** Limits and timers of one WebSocket connection, shared by the server, the client and the socket transport. */
export interface WebSocketConnectionOptions {
  /**
   * The largest message received, in bytes of its text frame. Larger ones close the connection with
   * 1009 (`ws` enforces it as `maxPayload`, before buffering; the browser client checks each text).
   * @default 4194304 (4 MiB)
   */
  maxMessageBytes?: number | undefined;
  /**
   * `send()` resolves at once while the socket buffers at most this many bytes, and waits for the
   * buffer to drain below it otherwise. @default 1048576 (1 MiB)
   */
  highWaterMarkBytes?: number | undefined;
  /**
   * Bytes the socket may buffer for a peer that does not read. Past it the connection is dropped (close
   * code 1008, then the socket is destroyed, since the peer reads nothing more) and `onerror` gets
   * `MCPWIRE_ERR_LIMIT_EXCEEDED`. Clients have no cap unless given one: what they buffer is their own
   * requests, which `send()` already holds back. @default 16777216 (16 MiB) on servers and wrapped sockets; none on clients
   */
  maxBufferedBytes?: number | undefined;
  /**
   * Interval of heartbeat pings, in ms: a peer that answers no ping (and sends nothing) for a whole
   * interval is dropped at the next one, so a dead peer is found within two intervals. 0 turns it off.
   * Browsers cannot send pings: there the option is ignored. @default 30000
   */
  heartbeatIntervalMs?: number | undefined;
  /** How long `close()` waits for the peer's close frame before dropping the socket, in ms. @default 5000 */
  closeTimeoutMs?: number | undefined;
  /** The clock for heartbeats and timeouts; tests pass fake timers. @default the global timers, unref'd */
  timers?: Timers | undefined;
}

/** {@link WebSocketConnectionOptions} with every default applied. */
export interface ConnectionSettings {
  readonly maxMessageBytes: number;
  readonly highWaterMarkBytes: number;
  readonly maxBufferedBytes: number;
  readonly heartbeatIntervalMs: number;
  readonly closeTimeoutMs: number;
  readonly timers: Timers;
}

/** Applies the defaults; throws RangeError on a bad value, so a typo fails at construction. */
export function resolveConnectionSettings(
  owner: string,
  options: WebSocketConnectionOptions,
  defaultMaxBufferedBytes: number = 16 << 20,
): ConnectionSettings {
  const highWaterMarkBytes = integerOption(
    owner,
    'highWaterMarkBytes',
    options.highWaterMarkBytes,
    1 << 20,
    0,
  );
  // A default never contradicts a mark the caller set higher; a cap the caller set does.
  const maxBufferedBytes = integerOption(
    owner,
    'maxBufferedBytes',
    options.maxBufferedBytes,
    Math.max(defaultMaxBufferedBytes, highWaterMarkBytes),
    1,
  );
  if (maxBufferedBytes < highWaterMarkBytes) {
    throw new RangeError(
      `${owner}.maxBufferedBytes (${maxBufferedBytes}) must be at least highWaterMarkBytes (${highWaterMarkBytes})`,
    );
  }
  return {
    maxMessageBytes: integerOption(owner, 'maxMessageBytes', options.maxMessageBytes, 4 << 20, 1),
    highWaterMarkBytes,
    maxBufferedBytes,
    heartbeatIntervalMs: integerOption(owner, 'heartbeatIntervalMs', options.heartbeatIntervalMs, 30_000, 0),
    closeTimeoutMs: integerOption(owner, 'closeTimeoutMs', options.closeTimeoutMs, 5_000, 0),
    timers: options.timers ?? backgroundTimers,
  };
}
