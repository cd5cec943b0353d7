// The Node path's bound on a slow reader, through `handleNode` with a fake request/response pair whose
// socket never drains: writes beyond the high-water mark wait, and past the cap the stream is cut.
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { TransportErrorCode } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createStreamableHttpHandler, type StreamableHttpHandler } from '../src/index.js';
import { initializeBody, LEGACY, legacyHeaders, testServer } from './server-support/http.js';

/** A ServerResponse whose socket takes nothing after `socketBytes`: the rest stays in writableLength. */
class StuckResponse extends EventEmitter {
  statusCode = 0;
  headers: Record<string, string> = {};
  headersSent = false;
  writableFinished = false;
  destroyed = false;
  writableLength = 0;
  writableNeedDrain = false;
  written = '';
  readonly #socketBytes: number;
  #taken = 0;

  constructor(socketBytes: number) {
    super();
    this.#socketBytes = socketBytes;
  }

  writeHead(status: number, headers: Record<string, string>): this {
    this.statusCode = status;
    this.headers = headers;
    this.headersSent = true;
    return this;
  }

  flushHeaders(): void {}

  write(chunk: string): boolean {
    const size = Buffer.byteLength(chunk);
    const room = Math.max(0, this.#socketBytes - this.#taken);
    this.#taken += Math.min(room, size);
    this.writableLength += size - Math.min(room, size);
    this.written += chunk;
    this.writableNeedDrain = this.writableLength > 16_384;
    return !this.writableNeedDrain;
  }

  end(chunk?: string): this {
    if (chunk !== undefined) this.written += chunk;
    this.headersSent = true;
    this.writableFinished = this.writableLength === 0;
    this.emit('finish');
    this.emit('close');
    return this;
  }

  destroy(): this {
    this.destroyed = true;
    this.emit('close');
    return this;
  }

  /** The socket takes everything: 'drain'. */
  drain(): void {
    this.writableLength = 0;
    this.writableNeedDrain = false;
    this.emit('drain');
  }
}

function fakeRequest(method: string, headers: Record<string, string>, body?: string): IncomingMessage {
  const req = Readable.from(body === undefined ? [] : [Buffer.from(body)]) as unknown as IncomingMessage;
  Object.assign(req, { method, url: '/mcp', headers: { host: 'localhost', ...headers } });
  return req;
}

const handlers: StreamableHttpHandler[] = [];
afterEach(async () => {
  for (const handler of handlers.splice(0)) await handler.close();
});

async function session(handler: StreamableHttpHandler): Promise<string> {
  const res = new StuckResponse(Number.POSITIVE_INFINITY);
  await handler.handleNode(
    fakeRequest('POST', legacyHeaders(), JSON.stringify(initializeBody())),
    res as unknown as ServerResponse,
  );
  return res.headers['mcp-session-id']!;
}

/** Opens the session's GET stream on a response whose socket takes `socketBytes` and then nothing. */
async function openGetStream(
  handler: StreamableHttpHandler,
  sessionId: string,
  socketBytes: number,
): Promise<StuckResponse> {
  const res = new StuckResponse(socketBytes);
  const get = fakeRequest('GET', {
    accept: 'text/event-stream',
    'mcp-session-id': sessionId,
    'mcp-protocol-version': LEGACY,
  });
  await handler.handleNode(get, res as unknown as ServerResponse);
  return res;
}

describe('a Node client that stops reading', () => {
  it('makes sends wait for drain above the high-water mark', async () => {
    const server = testServer();
    const handler = createStreamableHttpHandler({ server, maxStreamBufferBytes: 1_000_000 });
    handlers.push(handler);
    const sessionId = await session(handler);
    const res = await openGetStream(handler, sessionId, 0);
    const connection = server.connections[0]!;
    let sent = false;
    const notify = connection.engine.notify('notifications/message', {
      level: 'info',
      data: 'x'.repeat(20_000),
    });
    void notify.then(() => {
      sent = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sent).toBe(false);
    res.drain();
    await notify;
    expect(sent).toBe(true);
  });

  it('cuts the stream once its buffer passes the cap, and reports it', async () => {
    const server = testServer();
    const errors: Error[] = [];
    const handler = createStreamableHttpHandler({
      server,
      maxStreamBufferBytes: 50_000,
      onerror: (e) => errors.push(e),
    });
    handlers.push(handler);
    const sessionId = await session(handler);
    const res = await openGetStream(handler, sessionId, 10_000);
    expect(handler.stats.openStreams).toBe(1);
    for (let i = 0; i < 10; i++) server.sendLoggingMessage({ level: 'info', data: 'z'.repeat(10_000) });
    await expect.poll(() => res.destroyed).toBe(true);
    expect(res.writableLength).toBeLessThan(70_000);
    expect(handler.stats).toMatchObject({ openStreams: 0, overflows: 1 });
    expect(errors).toEqual([
      expect.objectContaining({
        code: TransportErrorCode.LimitExceeded,
        details: { limit: { name: 'maxStreamBufferBytes', value: 50_000 } },
      }),
    ]);
  });

  it('still delivers one message larger than the cap to a client that reads (the cap bounds backlog, not size)', async () => {
    const server = testServer();
    const errors: Error[] = [];
    const handler = createStreamableHttpHandler({
      server,
      maxStreamBufferBytes: 50_000,
      onerror: (e) => errors.push(e),
    });
    handlers.push(handler);
    const sessionId = await session(handler);
    // The socket takes 10 kB at once; the rest of the 200 kB event waits in writableLength.
    const res = await openGetStream(handler, sessionId, 10_000);
    const big = 'b'.repeat(200_000);
    const sent = server.connections[0]!.engine.notify('notifications/message', { level: 'info', data: big });
    await expect.poll(() => res.written.includes(big)).toBe(true);
    // Still open a moment after the whole event went out: its size alone does not cut the stream.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(res.destroyed).toBe(false);
    res.drain();
    await sent;
    // Now a backlog above the cap builds up while the client stops reading again: that one is cut.
    server.sendLoggingMessage({ level: 'info', data: big });
    server.sendLoggingMessage({ level: 'info', data: 'after' });
    await expect.poll(() => res.destroyed).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
