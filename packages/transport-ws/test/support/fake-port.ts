import type { PortSink, SocketPort } from '../../src/internal/port.js';

/** A SocketPort whose buffer, capabilities and events the test controls; it records what was asked of it. */
export class FakePort implements SocketPort {
  bufferedAmount = 0;
  readonly flushEvents: boolean;
  readonly enforcesMaxPayload: boolean;
  readonly canPing: boolean;
  readonly sent: string[] = [];
  readonly flushCallbacks: (() => void)[] = [];
  pings = 0;
  closes: { code: number; reason: string }[] = [];
  terminated = 0;
  open = true;
  sink: PortSink | undefined;

  constructor(options: { flushEvents?: boolean; enforcesMaxPayload?: boolean; canPing?: boolean } = {}) {
    this.flushEvents = options.flushEvents ?? true;
    this.enforcesMaxPayload = options.enforcesMaxPayload ?? true;
    this.canPing = options.canPing ?? true;
  }

  paused = false;

  send(text: string, flushed: (() => void) | undefined): void {
    if (!this.open) throw new Error('closing');
    this.sent.push(text);
    if (flushed !== undefined) this.flushCallbacks.push(flushed);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  ping(): void {
    this.pings++;
  }

  close(code: number, reason: string): void {
    this.open = false;
    this.closes.push({ code, reason });
  }

  terminate(): void {
    this.open = false;
    this.terminated++;
  }

  listen(sink: PortSink): void {
    this.sink = sink;
  }

  /** Runs the pending write callbacks, as a socket does once its bytes reached the OS. */
  flush(bufferedAfter = 0): void {
    this.bufferedAmount = bufferedAfter;
    for (const callback of this.flushCallbacks.splice(0)) callback();
  }
}
