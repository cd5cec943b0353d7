import { DEFAULT_MAX_MESSAGE_BYTES, type InMemoryTransportOptions } from '../options.js';
import type { Timers } from '@mcpwire/protocol-core/transport-kit';

/** Options with defaults applied and ranges checked. */
export interface ResolvedOptions {
  maxMessageBytes: number;
  latencyMs: number;
  dropRate: number;
  random: () => number;
  disconnectAfterMessages: number;
  timers: Timers;
  sessionId: string | undefined;
  maxQueued: number | undefined;
}

// Looked up at call time, so fake timers installed after the pair was made still apply.
const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};

function check(ok: boolean, name: string, expected: string, value: unknown): void {
  // A wrong option is a programming error: fail at creation, not at the first message.
  if (!ok)
    throw new RangeError(`createInMemoryTransportPair: ${name} must be ${expected}, got ${String(value)}`);
}

/** Applies defaults and validates ranges; throws RangeError on a bad value. */
export function resolveOptions(options: InMemoryTransportOptions | undefined): ResolvedOptions {
  const maxMessageBytes = options?.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const latencyMs = options?.latencyMs ?? 0;
  const dropRate = options?.dropRate ?? 0;
  const cutAfter = options?.disconnectAfterMessages;
  check(
    Number.isSafeInteger(maxMessageBytes) && maxMessageBytes > 0,
    'maxMessageBytes',
    'a positive integer',
    maxMessageBytes,
  );
  check(Number.isFinite(latencyMs) && latencyMs >= 0, 'latencyMs', 'a finite number >= 0', latencyMs);
  check(dropRate >= 0 && dropRate <= 1, 'dropRate', 'between 0 and 1', dropRate);
  check(
    cutAfter === undefined || (Number.isSafeInteger(cutAfter) && cutAfter > 0),
    'disconnectAfterMessages',
    'a positive integer',
    cutAfter,
  );
  return {
    maxMessageBytes,
    latencyMs,
    dropRate,
    random: options?.random ?? Math.random,
    disconnectAfterMessages: cutAfter ?? Number.POSITIVE_INFINITY,
    timers: options?.timers ?? globalTimers,
    sessionId: options?.sessionId,
    maxQueued: options?.maxQueued,
  };
}
