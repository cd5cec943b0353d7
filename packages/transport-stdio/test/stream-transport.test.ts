import { PassThrough, Writable } from 'node:stream';
import { type JSONRPCMessage, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { TransportRecorder, settle } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import { StdioStreamTransport, createStdioStreamTransport } from '../src/index.js';

/** A transport reading `input` and writing `output`, plus what the peer gets on `output`, as parsed lines. */
function open(options?: { maxMessageBytes?: number; output?: Writable }) {
  const input = new PassThrough();
  const output = options?.output ?? new PassThrough();
  const transport = createStdioStreamTransport({
    readable: input,
    writable: output,
    ...(options?.maxMessageBytes === undefined ? {} : { maxMessageBytes: options.maxMessageBytes }),
  });
  const recorder = new TransportRecorder(transport, { timeoutMs: 5_000 });
  const answers: JSONRPCMessage[] = [];
  if (options?.output === undefined) {
    let text = '';
    output.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const lines = text.split('\n');
      text = lines.pop() ?? '';
      for (const line of lines) answers.push(JSON.parse(line) as JSONRPCMessage);
    });
  }
  return { input, output, transport, recorder, answers };
}

const request = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'tools/list' });
const codeOf = (error: Error | undefined) => (error as TransportError | undefined)?.code;

describe('StdioStreamTransport', () => {
  it('answers an over-long line with -32600 (id null), reports MessageTooLarge, and reads on', async () => {
    const { input, transport, recorder, answers } = open({ maxMessageBytes: 1024 });
    await transport.start();
    // 8 MiB without a newline, then the rest of the line and a valid message.
    input.write('{"jsonrpc":"2.0","id":1,"method":"big","params":{"x":"');
    const chunk = 'x'.repeat(65_536);
    for (let i = 0; i < 128; i++) {
      input.write(chunk);
      // Bounded: the transport never holds more than the limit of an over-long line.
      expect(transport.bufferedBytes).toBeLessThanOrEqual(1025);
    }
    input.write(`"}}\n${JSON.stringify(request(2))}\n`);
    await recorder.waitForMessages(1);
    expect(recorder.messages).toEqual([request(2)]);
    expect(recorder.errors).toHaveLength(1);
    const error = recorder.errors[0] as TransportError;
    expect(error.code).toBe(TransportErrorCode.MessageTooLarge);
    expect(error.details.limit).toEqual({ name: 'maxMessageBytes', value: 1024 });
    expect(error.message).toContain('1024');
    await settle();
    expect(answers).toEqual([
      {
        jsonrpc: '2.0',
        id: null,
        error: {
          code: -32600,
          message: expect.stringContaining('1024') as string,
          data: { maxMessageBytes: 1024 },
        },
      },
    ]);
  });

  it('answers bad JSON with -32700 and an invalid envelope with -32600 and its id, never a response', async () => {
    const { input, transport, recorder, answers } = open();
    await transport.start();
    input.write('[server] listening on stdio\n');
    input.write('{"jsonrpc":"2.0","id":9,"method":42}\n');
    // Response-shaped garbage is reported but never answered: answering it could loop between peers.
    input.write('{"jsonrpc":"2.0","id":3,"result":"not an object"}\n');
    input.write(`${JSON.stringify(request(4))}\n`);
    await recorder.waitForMessages(1);
    await recorder.waitForErrors(3);
    await settle();
    expect(recorder.errors.map(codeOf)).toEqual([
      TransportErrorCode.Parse,
      TransportErrorCode.InvalidMessage,
      TransportErrorCode.InvalidMessage,
    ]);
    expect((recorder.errors[0] as TransportError).details.excerpt).toBe('[server] listening on stdio');
    expect((recorder.errors[1] as TransportError).details.requestId).toBe(9);
    expect(answers).toMatchObject([
      { jsonrpc: '2.0', id: null, error: { code: -32700 } },
      { jsonrpc: '2.0', id: 9, error: { code: -32600 } },
    ]);
    expect(answers).toHaveLength(2);
    expect(recorder.messages).toEqual([request(4)]);
  });

  it('reads CRLF lines, skips empty ones, and delivers a last line without newline at EOF', async () => {
    const { input, transport, recorder } = open();
    await transport.start();
    input.write(`${JSON.stringify(request(1))}\r\n\r\n\n`);
    input.end(JSON.stringify(request(2)));
    await recorder.waitForClose();
    expect(recorder.messages).toEqual([request(1), request(2)]);
    expect(recorder.errors).toEqual([]);
    expect(recorder.closeCount).toBe(1);
  });

  it('queues stream errors raised before start() and reports them after, then onclose once', async () => {
    const { input, transport, recorder } = open();
    input.destroy(new Error('boom'));
    await settle();
    expect(recorder.errors).toEqual([]);
    await transport.start();
    expect(recorder.errors.map(codeOf)).toEqual([TransportErrorCode.Closed]);
    expect(recorder.errors[0]?.message).toContain('boom');
    expect(recorder.closeCount).toBe(1);
    await expect(transport.send(request(1))).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });

  it('rejects send() before start() with NotStarted', async () => {
    const { transport } = open();
    await expect(transport.send(request(1))).rejects.toMatchObject({ code: TransportErrorCode.NotStarted });
  });

  it('holds sends back while the reader is slow, and settles them in call order', async () => {
    const output = new PassThrough({ highWaterMark: 1024 });
    const { transport } = open({ output });
    await transport.start();
    const message = { jsonrpc: '2.0', method: 'pad', params: { pad: 'p'.repeat(500) } } as const;
    const settledOrder: number[] = [];
    const sends = Array.from({ length: 40 }, (_, i) =>
      transport.send(message).then(() => settledOrder.push(i)),
    );
    await settle();
    // Nobody reads `output`: only what fits under its high-water marks may be accepted.
    const early = settledOrder.length;
    expect(early).toBeLessThan(10);
    expect(output.writableNeedDrain).toBe(true);
    let received = 0;
    output.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    await Promise.all(sends);
    expect(settledOrder).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(received).toBe(40 * (JSON.stringify(message).length + 1));
  });

  it('coalesces the sends of one tick into a single write, in order', async () => {
    const writes: string[] = [];
    const output = new Writable({
      write(chunk, _encoding, callback) {
        writes.push(String(chunk));
        callback();
      },
    });
    const { transport } = open({ output });
    await transport.start();
    await Promise.all(Array.from({ length: 10 }, (_, i) => transport.send(request(i))));
    expect(writes).toEqual([
      Array.from({ length: 10 }, (_, i) => `${JSON.stringify(request(i))}\n`).join(''),
    ]);
    // The next tick's sends form a batch of their own.
    await transport.send(request(10));
    expect(writes).toHaveLength(2);
    expect(writes[1]).toBe(`${JSON.stringify(request(10))}\n`);
  });

  it('splits a large burst into several writes so the peer can start early, keeping order', async () => {
    const writes: string[] = [];
    const output = new Writable({
      write(chunk, _encoding, callback) {
        writes.push(String(chunk));
        callback();
      },
    });
    const { transport } = open({ output });
    await transport.start();
    const burst = Array.from({ length: 100 }, (_, i) => ({
      ...request(i),
      params: { pad: 'x'.repeat(100) },
    }));
    await Promise.all(burst.map((message) => transport.send(message)));
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.join('')).toBe(burst.map((message) => `${JSON.stringify(message)}\n`).join(''));
  });

  it('reports EPIPE as Write, rejects the send, closes once, and does not crash', async () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' });
    const output = new Writable({ write: (_chunk, _encoding, callback) => callback(epipe) });
    const { transport, recorder } = open({ output });
    await transport.start();
    const failed = await transport.send(request(1)).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(TransportError);
    expect((failed as TransportError).code).toBe(TransportErrorCode.Write);
    expect((failed as TransportError).cause).toBe(epipe);
    await recorder.waitForClose();
    await settle();
    expect(recorder.errors.map(codeOf)).toEqual([TransportErrorCode.Write]);
    expect(recorder.closeCount).toBe(1);
    await expect(transport.send(request(2))).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });

  it('rejects unserializable messages with SendValidation and stays open', async () => {
    const { transport, answers } = open();
    await transport.start();
    const bad = { jsonrpc: '2.0', method: 'x', params: { n: 1n } } as unknown as JSONRPCMessage;
    await expect(transport.send(bad)).rejects.toMatchObject({ code: TransportErrorCode.SendValidation });
    await transport.send(request(1));
    await settle();
    expect(answers).toEqual([request(1)]);
  });

  it('reports a throwing onmessage through onerror and keeps delivering', async () => {
    const { input, transport } = open();
    const seen: JSONRPCMessage[] = [];
    const errors: Error[] = [];
    transport.onmessage = (message) => {
      seen.push(message);
      if (seen.length === 1) throw new Error('handler bug');
    };
    transport.onerror = (error) => errors.push(error);
    await transport.start();
    input.write(`${JSON.stringify(request(1))}\n${JSON.stringify(request(2))}\n`);
    await settle();
    expect(seen).toEqual([request(1), request(2)]);
    expect(errors.map((e) => e.message)).toEqual(['handler bug']);
  });

  it('close() ends the writable, stops reading, and fires onclose once', async () => {
    const { input, output, transport, recorder } = open();
    await transport.start();
    await transport.close();
    await transport.close();
    expect(output.writableEnded).toBe(true);
    expect(input.listenerCount('data')).toBe(0);
    input.write(`${JSON.stringify(request(1))}\n`);
    await settle();
    expect(recorder.messages).toEqual([]);
    expect(recorder.closeCount).toBe(1);
    await expect(transport.start()).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });

  it('validates maxMessageBytes', () => {
    const streams = { readable: new PassThrough(), writable: new PassThrough() };
    expect(() => new StdioStreamTransport({ ...streams, maxMessageBytes: 0 })).toThrow(RangeError);
    expect(() => new StdioStreamTransport({ ...streams, maxMessageBytes: 1.5 })).toThrow(RangeError);
  });
});
