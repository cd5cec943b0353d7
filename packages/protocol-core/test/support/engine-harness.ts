import { expect } from 'vitest';
import { ProtocolEngine } from '../../src/engine/engine.js';
import type { EngineOptions } from '../../src/engine/options.js';
import type { JSONRPCMessage, JSONRPCParams, RequestId } from '../../src/jsonrpc.js';
import { FakeClock } from './fake-clock.js';
import { createFakePair, FakeTransport } from './fake-transport.js';

/** Lets every queued microtask and promise chain run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The live state of a promise, so a test can assert "still pending" without awaiting it. */
export interface Tracked<T> {
  settled: boolean;
  value: T | undefined;
  error: unknown;
}

/** Tracks a promise (and marks its rejection handled). */
export function track<T>(promise: Promise<T>): Tracked<T> {
  const state: Tracked<T> = { settled: false, value: undefined, error: undefined };
  promise.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
}

/** An engine on a lone fake transport, and the peer's side of the conversation. */
export interface ScriptedEngine {
  engine: ProtocolEngine;
  transport: FakeTransport;
  clock: FakeClock;
  /** What the engine reported through onerror. */
  errors: Error[];
  /** How many times the engine's onclose fired. */
  closes(): number;
  peerRequest(id: RequestId, method: string, params?: JSONRPCParams): void;
  peerNotify(method: string, params?: JSONRPCParams): void;
  peerRespond(id: RequestId, result?: JSONRPCParams): void;
  sentWithMethod(method: string): JSONRPCMessage[];
  responsesFor(id: RequestId): JSONRPCMessage[];
}

/** An engine on a lone fake transport: the test plays the peer. */
export async function scripted(options?: EngineOptions): Promise<ScriptedEngine> {
  const clock = new FakeClock();
  const engine = new ProtocolEngine({ timers: clock, ...options });
  const transport = new FakeTransport();
  const errors: Error[] = [];
  engine.onerror = (error) => errors.push(error);
  let closes = 0;
  engine.onclose = () => closes++;
  await engine.connect(transport);
  return {
    engine,
    transport,
    clock,
    errors,
    closes: () => closes,
    /** The peer sends a request. */
    peerRequest(id: RequestId, method: string, params?: JSONRPCParams): void {
      transport.receive(
        params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params },
      );
    },
    /** The peer sends a notification. */
    peerNotify(method: string, params?: JSONRPCParams): void {
      transport.receive(
        params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
      );
    },
    /** The peer answers a request. */
    peerRespond(id: RequestId, result: JSONRPCParams = {}): void {
      transport.receive({ jsonrpc: '2.0', id, result });
    },
    /** Sent messages with this method. */
    sentWithMethod(method: string): JSONRPCMessage[] {
      return transport.messages.filter((m) => 'method' in m && m.method === method);
    },
    /** Responses sent for this id. */
    responsesFor(id: RequestId): JSONRPCMessage[] {
      return transport.messages.filter((m) => !('method' in m) && 'id' in m && m.id === id);
    },
  };
}

/** Two connected engines and their transports. */
export interface LinkedEngines {
  a: ProtocolEngine;
  b: ProtocolEngine;
  ta: FakeTransport;
  tb: FakeTransport;
  clock: FakeClock;
  /** What either engine reported through onerror. */
  errors: Error[];
}

/** Two engines over a linked fake pair, sharing one fake clock. */
export async function linked(
  options?: EngineOptions,
  transportOptions?: { record?: boolean },
): Promise<LinkedEngines> {
  const clock = new FakeClock();
  const [ta, tb] = createFakePair(transportOptions);
  const a = new ProtocolEngine({ timers: clock, ...options });
  const b = new ProtocolEngine({ timers: clock, ...options });
  const errors: Error[] = [];
  a.onerror = (error) => errors.push(error);
  b.onerror = (error) => errors.push(error);
  await a.connect(ta);
  await b.connect(tb);
  return { a, b, ta, tb, clock, errors };
}

/** Asserts that every table of an engine is empty and its timer disarmed (after close). */
export function expectEmpty(engine: ProtocolEngine, timerArmed = false): void {
  expect(engine.debugCounts()).toEqual({
    pendingRequests: 0,
    incomingRequests: 0,
    runningHandlers: 0,
    queuedRequests: 0,
    timerArmed,
  });
}

/** A promise with its resolve and reject exposed. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/** A promise with its resolve and reject exposed, to hold a handler open. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
