import { PassThrough, Writable } from 'node:stream';
import { type JSONRPCMessage, type TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { TransportRecorder, settle } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import { StdioServerTransport, createStdioServerTransport } from '../src/index.js';

const request: JSONRPCMessage = { jsonrpc: '2.0', id: 1, method: 'ping' };
const response: JSONRPCMessage = { jsonrpc: '2.0', id: 1, result: {} };

describe('StdioServerTransport (in process)', () => {
  it("takes the official SDK's positional (stdin, stdout) as well as options", async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const transport = new StdioServerTransport(stdin, stdout);
    const recorder = new TransportRecorder(transport);
    await transport.start();
    stdin.write(`${JSON.stringify(request)}\n`);
    await recorder.waitForMessages(1);
    await transport.send(response);
    expect(String(stdout.read())).toBe(`${JSON.stringify(response)}\n`);
    await transport.close();
  });

  it('reads stdin, writes stdout, and on stdin EOF closes once and stops reading', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const transport = createStdioServerTransport({ stdin, stdout });
    const recorder = new TransportRecorder(transport);
    await transport.start();
    stdin.write(`${JSON.stringify(request)}\n`);
    await recorder.waitForMessages(1);
    await transport.send(response);
    expect(String(stdout.read())).toBe(`${JSON.stringify(response)}\n`);
    stdin.end();
    await recorder.waitForClose();
    await settle();
    expect(recorder.closeCount).toBe(1);
    expect(recorder.messages).toEqual([request]);
    // Nothing of ours keeps reading stdin, so a real process could exit; stdout stays the server's own.
    expect(stdin.listenerCount('data')).toBe(0);
    expect(stdout.writableEnded).toBe(false);
    await expect(transport.send(response)).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });

  it('close() pauses stdin without destroying or ending anything', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const transport = createStdioServerTransport({ stdin, stdout });
    const recorder = new TransportRecorder(transport);
    await transport.start();
    await transport.close();
    expect(stdin.isPaused()).toBe(true);
    expect(stdin.listenerCount('data')).toBe(0);
    expect(stdin.destroyed).toBe(false);
    expect(stdout.writableEnded).toBe(false);
    expect(recorder.closeCount).toBe(1);
  });

  it('survives EPIPE on stdout: reports Write, closes once, later sends reject Closed', async () => {
    const stdin = new PassThrough();
    let writes = 0;
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        writes += 1;
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' }));
      },
    });
    const transport = createStdioServerTransport({ stdin, stdout });
    const recorder = new TransportRecorder(transport);
    await transport.start();
    await expect(transport.send(response)).rejects.toMatchObject({ code: TransportErrorCode.Write });
    await recorder.waitForClose();
    // A request arriving now must not be answered into the broken pipe, nor crash anything.
    stdin.write(`${JSON.stringify(request)}\n`);
    await settle();
    expect(recorder.errors.map((e) => (e as TransportError).code)).toEqual([TransportErrorCode.Write]);
    expect(recorder.errors[0]?.message).toContain('EPIPE');
    expect(recorder.closeCount).toBe(1);
    expect(writes).toBe(1);
    await expect(transport.send(response)).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });
});
