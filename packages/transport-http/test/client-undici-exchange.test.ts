// The undici requester's own dispatch handler (src/client/undici-exchange.ts), driven by hand through
// both of undici's handler interfaces: the response promise, whole-body reads under a limit, streamed
// reads with backpressure, cancels and aborts before and after the headers.
import { describe, expect, it } from 'vitest';
import { AbortSource } from '../src/client/abort-source.js';
import type { HttpResponse } from '../src/client/http.js';
import { UndiciExchange } from '../src/client/undici-exchange.js';

/** What undici 7+ passes the new-style callbacks, recording what the handler asked of it. */
class FakeController {
  paused = false;
  pauses = 0;
  resumes = 0;
  aborted: Error | undefined;
  abort(reason: Error): void {
    this.aborted = reason;
  }
  pause(): void {
    this.paused = true;
    this.pauses++;
  }
  resume(): void {
    this.paused = false;
    this.resumes++;
  }
}

function start(source?: AbortSource): {
  exchange: UndiciExchange;
  response: Promise<HttpResponse>;
} {
  let exchange!: UndiciExchange;
  const response = new Promise<HttpResponse>((resolve, reject) => {
    exchange = new UndiciExchange(source, { resolve, reject });
  });
  return { exchange, response };
}

const chunk = (text: string): Buffer => Buffer.from(text, 'utf8');

async function settled<T>(promise: Promise<T>): Promise<unknown> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('UndiciExchange through the undici 7+ interface', () => {
  it('resolves at the headers and reads the whole body as text (BOM dropped, split UTF-8 joined)', async () => {
    const { exchange, response } = start();
    const controller = new FakeController();
    exchange.onRequestStart(controller);
    exchange.onResponseStart(controller, 200, {
      'content-type': 'application/json',
      'set-cookie': ['a', 'b'],
    });
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('set-cookie')).toBe('a, b');
    expect(res.headers.get('x-missing')).toBeNull();
    const bytes = Buffer.from('\ufeff{"text":"héllo"}', 'utf8');
    const text = res.text!(1024);
    exchange.onResponseData(controller, bytes.subarray(0, 6));
    exchange.onResponseData(controller, bytes.subarray(6));
    exchange.onResponseEnd();
    expect(await text).toBe('{"text":"héllo"}');
  });

  it('ignores 1xx answers and waits for the final one', async () => {
    const { exchange, response } = start();
    const controller = new FakeController();
    exchange.onResponseStart(controller, 103, {});
    exchange.onResponseStart(controller, 204, {});
    exchange.onResponseEnd();
    const res = await response;
    expect(res.status).toBe(204);
    expect(await res.text!(10)).toBe('');
  });

  it('a body over the text limit resolves undefined and aborts the rest', async () => {
    const { exchange, response } = start();
    const controller = new FakeController();
    exchange.onRequestStart(controller);
    exchange.onResponseStart(controller, 200, {});
    const res = await response;
    const text = res.text!(8);
    exchange.onResponseData(controller, chunk('12345'));
    expect(controller.aborted).toBeUndefined();
    exchange.onResponseData(controller, chunk('6789'));
    expect(await text).toBeUndefined();
    expect(controller.aborted).toBeInstanceOf(Error);
    expect(controller.paused).toBe(true);
  });

  it('what was queued before text() counts toward its limit', async () => {
    const { exchange, response } = start();
    const controller = new FakeController();
    exchange.onRequestStart(controller);
    exchange.onResponseStart(controller, 200, {});
    exchange.onResponseData(controller, chunk('0123456789'));
    const res = await response;
    expect(await res.text!(4)).toBeUndefined();
    expect(controller.aborted).toBeInstanceOf(Error);
  });

  it('streams chunks in order, pauses undici at 64 KiB unread and resumes once read below half', async () => {
    const { exchange, response } = start();
    const controller = new FakeController();
    exchange.onRequestStart(controller);
    exchange.onResponseStart(controller, 200, { 'content-type': 'text/event-stream' });
    const res = await response;
    const big = Buffer.alloc(16 * 1024, 0x61);
    for (let i = 0; i < 4; i++) exchange.onResponseData(controller, big);
    expect(controller.pauses).toBe(1);
    const iterator = (res.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe(big);
    expect(controller.resumes).toBe(0);
    await iterator.next();
    await iterator.next();
    expect(controller.resumes).toBe(1);
    await iterator.next();
    // Empty now: the next read waits for the next chunk, which goes straight to it.
    const waiting = iterator.next();
    exchange.onResponseData(controller, chunk('tail'));
    expect(Buffer.from((await waiting).value as Uint8Array).toString()).toBe('tail');
    const done = iterator.next();
    exchange.onResponseEnd();
    expect(await done).toEqual({ done: true, value: undefined });
  });

  it('a failure mid-body is thrown after the chunks that came before it', async () => {
    const { exchange, response } = start();
    const controller = new FakeController();
    exchange.onResponseStart(controller, 200, {});
    const res = await response;
    exchange.onResponseData(controller, chunk('a'));
    const reset = new Error('socket hang up');
    exchange.onResponseError(controller, reset);
    const read: string[] = [];
    const outcome = await settled(
      (async () => {
        for await (const part of res.body as AsyncIterable<Uint8Array>)
          read.push(Buffer.from(part).toString());
      })(),
    );
    expect(read).toEqual(['a']);
    expect(outcome).toEqual({ error: reset });
  });

  it('leaving a for-await early cancels the request', async () => {
    const { exchange, response } = start();
    const controller = new FakeController();
    exchange.onRequestStart(controller);
    exchange.onResponseStart(controller, 200, {});
    const res = await response;
    exchange.onResponseData(controller, chunk('first'));
    for await (const _ of res.body as AsyncIterable<Uint8Array>) break;
    expect(controller.aborted?.message).toMatch(/cancelled/);
    // A cancelled body is over: later data is refused.
    exchange.onResponseData(controller, chunk('late'));
    expect(controller.paused).toBe(true);
  });

  it('cancel() drops what was queued: a later read fails instead of replaying it', async () => {
    const { exchange, response } = start();
    const controller = new FakeController();
    exchange.onRequestStart(controller);
    exchange.onResponseStart(controller, 200, {});
    exchange.onResponseData(controller, chunk('queued'));
    const res = await response;
    res.cancel();
    const iterator = (res.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    const outcome = (await settled(iterator.next())) as { error?: Error };
    expect(outcome.error?.message).toMatch(/cancelled/);
  });

  it('cancel() after the end does not abort (the connection stays reusable)', async () => {
    const { exchange, response } = start();
    const controller = new FakeController();
    exchange.onRequestStart(controller);
    exchange.onResponseStart(controller, 202, {});
    exchange.onResponseEnd();
    (await response).cancel();
    expect(controller.aborted).toBeUndefined();
  });
});

describe('UndiciExchange aborts', () => {
  it('an abort before the headers rejects at once with the reason, and undici is told at connect', async () => {
    const source = new AbortSource();
    const { exchange, response } = start(source);
    const reason = new Error('caller gave up');
    source.abort(reason);
    expect(await settled(response)).toEqual({ error: reason });
    const controller = new FakeController();
    exchange.onRequestStart(controller);
    expect(controller.aborted).toBe(reason);
  });

  it('an abort after the headers aborts undici and fails the pending read', async () => {
    const source = new AbortSource();
    const { exchange, response } = start(source);
    let aborted: Error | undefined;
    exchange.onConnect((reason) => {
      aborted = reason;
    });
    exchange.onHeaders(200, [], () => {});
    const res = await response;
    const text = res.text!(100);
    const reason = new Error('stop');
    source.abort(reason);
    expect(aborted).toBe(reason);
    expect(await settled(text)).toEqual({ error: reason });
  });

  it('a source aborted already never dispatches a live request', async () => {
    const source = new AbortSource();
    const reason = new Error('too late');
    source.abort(reason);
    const { exchange, response } = start(source);
    expect(await settled(response)).toEqual({ error: reason });
    let aborted: Error | undefined;
    exchange.onConnect((r) => {
      aborted = r;
    });
    expect(aborted).toBe(reason);
  });

  it('once the body ended, its abort listener is gone', async () => {
    const source = new AbortSource();
    const { exchange, response } = start(source);
    const controller = new FakeController();
    exchange.onRequestStart(controller);
    exchange.onResponseStart(controller, 200, {});
    exchange.onResponseEnd();
    await response;
    source.abort(new Error('later'));
    expect(controller.aborted).toBeUndefined();
  });
});

describe('UndiciExchange through the undici 6 interface', () => {
  it('parses raw headers (repeats joined), pauses by return value and resumes through the resume callback', async () => {
    const { exchange, response } = start();
    let resumed = 0;
    exchange.onConnect(() => {});
    const keepReading = exchange.onHeaders(
      200,
      [Buffer.from('Content-Type'), Buffer.from('text/event-stream'), 'Via', 'a', 'via', 'b'],
      () => {
        resumed++;
      },
    );
    expect(keepReading).toBe(true);
    const res = await response;
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('via')).toBe('a, b');
    const big = Buffer.alloc(64 * 1024);
    expect(exchange.onData(big)).toBe(false);
    const iterator = (res.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    await iterator.next();
    expect(resumed).toBe(1);
    exchange.onComplete();
    expect((await iterator.next()).done).toBe(true);
  });

  it('an error before the headers rejects the response', async () => {
    const { exchange, response } = start();
    const refused = new Error('connect ECONNREFUSED');
    exchange.onError(refused);
    expect(await settled(response)).toEqual({ error: refused });
  });
});
