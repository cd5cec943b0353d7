// The port over a `ws` socket, with a fake socket: frames of one tick are corked into one write, a
// large batch leaves at once, and events before the sink exists are replayed.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { PortSink } from '../src/internal/port.js';
import { WsPort } from '../src/internal/ws-port.js';
import type { WsSocketLike } from '../src/ws-types.js';

class FakeNetSocket {
  corks = 0;
  uncorks = 0;
  writableLength = 0;
  cork(): void {
    this.corks++;
  }
  uncork(): void {
    this.uncorks++;
    this.writableLength = 0;
  }
}

class FakeWs extends EventEmitter {
  readyState = 1;
  bufferedAmount = 0;
  protocol = 'mcp';
  readonly _socket = new FakeNetSocket();
  readonly frames: string[] = [];
  send(data: string): void {
    this.frames.push(data);
    this._socket.writableLength += data.length;
  }
  ping(): void {}
  close(): void {}
  terminate(): void {}
}

const tick = () => new Promise<void>((resolve) => process.nextTick(resolve));

describe('WsPort', () => {
  it('corks the socket for the rest of the tick, so the frames of one tick leave in one write', async () => {
    const ws = new FakeWs();
    const port = new WsPort(ws as unknown as WsSocketLike);
    port.send('a', undefined);
    port.send('b', undefined);
    port.send('c', undefined);
    expect([ws._socket.corks, ws._socket.uncorks]).toEqual([1, 0]);
    await tick();
    expect([ws._socket.corks, ws._socket.uncorks]).toEqual([1, 1]);
    expect(ws.frames).toEqual(['a', 'b', 'c']);
  });

  it('lets a batch of 4 KiB or more leave at once', () => {
    const ws = new FakeWs();
    const port = new WsPort(ws as unknown as WsSocketLike);
    port.send('x'.repeat(3_000), undefined);
    expect(ws._socket.uncorks).toBe(0);
    port.send('x'.repeat(1_200), undefined);
    expect(ws._socket.uncorks).toBe(1);
    // The next frame starts a new batch.
    port.send('y', undefined);
    expect(ws._socket.corks).toBe(2);
  });

  it('refuses to send once the socket is not open, and replays early events in order', () => {
    const ws = new FakeWs();
    const port = new WsPort(ws as unknown as WsSocketLike);
    ws.emit('message', Buffer.from('{"a":1}'), false);
    ws.emit('message', [Buffer.from('{"b":'), Buffer.from('2}')], false);
    ws.emit('message', new Uint8Array([1]).buffer, true);
    ws.emit('pong');
    ws.emit('close', 1001, Buffer.from('bye'));
    const seen: unknown[] = [];
    port.listen({
      text: (data) => seen.push(data),
      binary: () => seen.push('binary'),
      pong: () => seen.push('pong'),
      error: () => seen.push('error'),
      closed: (code, reason) => seen.push([code, reason]),
    } satisfies PortSink);
    expect(seen).toEqual(['{"a":1}', '{"b":2}', 'binary', 'pong', [1001, 'bye']]);
    ws.readyState = 2;
    expect(() => port.send('late', undefined)).toThrow(/closing/);
  });
});
