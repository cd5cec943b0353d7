import { tmpdir } from 'node:os';
import { realpathSync } from 'node:fs';
import {
  type JSONRPCMessage,
  type JSONRPCResultResponse,
  TransportError,
  TransportErrorCode,
} from '@mcpwire/protocol-core';
import { TransportRecorder, settle } from '@mcpwire/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type StdioClientTransport,
  type StdioClientTransportOptions,
  createStdioClientTransport,
} from '../src/index.js';
import { eventually, fixture, isAlive } from './helpers/processes.js';

const opened: StdioClientTransport[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((transport) => transport.close()));
});

/** A client transport on a fixture server, recorded; closed after the test. */
function spawnFixture(name: string, options?: Partial<StdioClientTransportOptions>) {
  const transport = createStdioClientTransport({
    command: process.execPath,
    args: [fixture(name)],
    stderr: 'pipe',
    closeTimeoutMs: 300,
    ...options,
  });
  opened.push(transport);
  return { transport, recorder: new TransportRecorder(transport, { timeoutMs: 10_000 }) };
}

/** Sends a request and waits for the response with its id. */
async function call(
  transport: StdioClientTransport,
  recorder: TransportRecorder,
  id: number,
  method: string,
  params?: Record<string, unknown>,
): Promise<JSONRPCResultResponse> {
  await transport.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
  const isAnswer = (m: JSONRPCMessage) => 'id' in m && m.id === id && !('method' in m);
  await eventually(() => recorder.messages.some(isAnswer), `the response to request ${id}`);
  return recorder.messages.find(isAnswer) as JSONRPCResultResponse;
}

/** Collects a readable's text, for assertions on a server's stderr. */
function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

const exitError = (recorder: TransportRecorder) =>
  recorder.errors.find((e) => (e as TransportError).code === TransportErrorCode.ProcessExited) as
    | TransportError
    | undefined;

describe('StdioClientTransport with real child processes', () => {
  it('round-trips 200 concurrent requests, and close() leaves no process behind', async () => {
    const { transport, recorder } = spawnFixture('echo-server.mjs');
    await transport.start();
    const pid = transport.pid;
    expect(pid).toBeTypeOf('number');
    const ids = Array.from({ length: 200 }, (_, i) => i + 1);
    await Promise.all(
      ids.map((id) => transport.send({ jsonrpc: '2.0', id, method: 'echo', params: { id, s: 'é✓😀' } })),
    );
    await recorder.waitForMessages(200);
    expect(recorder.messages).toEqual(
      ids.map((id) => ({ jsonrpc: '2.0', id, result: { echo: { id, s: 'é✓😀' } } })),
    );
    await transport.close();
    expect(isAlive(pid!)).toBe(false);
    expect(recorder.closeCount).toBe(1);
    // It left on stdin EOF, as asked: no error was reported.
    expect(recorder.errors).toEqual([]);
  });

  it('passes only the allow-listed environment plus the caller’s, and honours cwd', async () => {
    process.env['MCPWIRE_TEST_SECRET'] = 's3cret';
    try {
      const cwd = realpathSync(tmpdir());
      const { transport, recorder } = spawnFixture('echo-server.mjs', {
        env: { MCPWIRE_EXTRA: 'yes', HOME: undefined },
        cwd,
      });
      await transport.start();
      const { result } = await call(transport, recorder, 1, 'env');
      const env = result['env'] as Record<string, string>;
      expect(env['MCPWIRE_EXTRA']).toBe('yes');
      expect(env['PATH']).toBe(process.env['PATH']);
      expect(env).not.toHaveProperty('MCPWIRE_TEST_SECRET');
      expect(env).not.toHaveProperty('HOME');
      expect(result['cwd']).toBe(cwd);
    } finally {
      delete process.env['MCPWIRE_TEST_SECRET'];
    }
  });

  it('a crash mid-request: last output delivered, ProcessExited with exit code 3, onclose once', async () => {
    const { transport, recorder } = spawnFixture('crash-server.mjs');
    await transport.start();
    await transport.send({ jsonrpc: '2.0', id: 1, method: 'tools/call' });
    await recorder.waitForClose();
    await settle();
    expect(recorder.closeCount).toBe(1);
    // The notification written just before exit(3) still arrived, before the close.
    expect(recorder.messages).toMatchObject([{ method: 'notifications/message' }]);
    const error = exitError(recorder);
    expect(error?.details).toMatchObject({ exitCode: 3, signal: null });
    expect(error?.details.excerpt).toContain('crash-server: fatal');
    await expect(transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' })).rejects.toMatchObject({
      code: TransportErrorCode.ProcessExited,
    });
    await transport.close();
    expect(recorder.closeCount).toBe(1);
  });

  it('a server killed by a signal reports the signal', async () => {
    const { transport, recorder } = spawnFixture('signal-server.mjs');
    await transport.start();
    await transport.send({ jsonrpc: '2.0', id: 1, method: 'tools/call' });
    await recorder.waitForClose();
    expect(exitError(recorder)?.details).toMatchObject({ exitCode: null, signal: 'SIGTERM' });
    expect(exitError(recorder)?.message).toContain('SIGTERM');
  });

  it('escalates to SIGKILL for a server that ignores stdin EOF and SIGTERM; close() resolves', async () => {
    // Each step gets a second: on a loaded machine the server may take a while to log that it ignored one.
    const { transport, recorder } = spawnFixture('stubborn-server.mjs', { closeTimeoutMs: 1_000 });
    const stderr = collect(transport.stderr);
    await transport.start();
    await call(transport, recorder, 1, 'ready');
    const pid = transport.pid!;
    await transport.close();
    expect(isAlive(pid)).toBe(false);
    // Both polite steps were tried first, and ignored. The last words, written just before the SIGKILL,
    // are on transport.stderr by the time close() resolves: the pipe is drained before it is let go.
    expect(stderr()).toContain('stdin EOF ignored');
    expect(stderr()).toContain('SIGTERM ignored');
    expect(recorder.closeCount).toBe(1);
    expect(exitError(recorder)).toBeUndefined();
  });

  it('hands on the stderr a server wrote just before exiting, all of it, by the time close() resolves', async () => {
    const { transport, recorder } = spawnFixture('farewell-server.mjs', { stderrBufferBytes: 1024 * 1024 });
    const stderr = collect(transport.stderr);
    await transport.start();
    await call(transport, recorder, 1, 'ready');
    await transport.close();
    expect(stderr()).toHaveLength(256 * 1024 + 'farewell: done\n'.length);
    expect(stderr().endsWith('\nfarewell: done\n')).toBe(true);
    expect(recorder.errors).toEqual([]);
  });

  it('reports noise on stdout as Parse errors, answers it with -32700, and still round-trips', async () => {
    const { transport, recorder } = spawnFixture('noisy-server.mjs');
    await transport.start();
    const first = await call(transport, recorder, 1, 'echo', { n: 1 });
    expect(first.result).toEqual({ echo: { n: 1 } });
    const stats = await call(transport, recorder, 2, 'stats');
    const parseErrors = recorder.errors.filter(
      (e) => (e as TransportError).code === TransportErrorCode.Parse,
    );
    expect(parseErrors.length).toBeGreaterThanOrEqual(2);
    expect((parseErrors[0] as TransportError).details.excerpt).toContain('[noisy-server] starting up');
    // The server got an answer for its noise (at least for the lines before the stats request).
    expect(stats.result['errorsReceived']).toBeGreaterThanOrEqual(1);
  });

  it('an unread stderr pipe cannot stall a server that floods it', async () => {
    const { transport, recorder } = spawnFixture('stderr-flood.mjs', { stderrBufferBytes: 4096 });
    await transport.start();
    // Nobody reads transport.stderr: the 8 MiB must be drained and dropped, not block the server.
    const { result } = await call(transport, recorder, 1, 'flood');
    expect(result).toEqual({ flooded: 8 * 1024 * 1024 });
  });

  it('rejects start() with Spawn for a missing executable, without onclose', async () => {
    const { transport, recorder } = spawnFixture('unused', {
      command: '/nonexistent/mcp-server-binary',
      args: [],
    });
    const error = await transport.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe(TransportErrorCode.Spawn);
    expect(((error as TransportError).cause as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(transport.pid).toBeUndefined();
    await settle();
    expect(recorder.closeCount).toBe(0);
    await expect(transport.send({ jsonrpc: '2.0', method: 'x' })).rejects.toMatchObject({
      code: TransportErrorCode.Closed,
    });
  });

  it('backpressure: 20 MiB to a stalled, then slow, reader stays bounded and settles in order', async () => {
    const { transport, recorder } = spawnFixture('slow-reader.mjs');
    const stderr = collect(transport.stderr);
    await transport.start();
    await eventually(() => stderr().includes('ready'), 'the slow reader is ready');
    const message = { jsonrpc: '2.0', method: 'bulk', params: { pad: 'b'.repeat(65_536 - 60) } } as const;
    const lineBytes = JSON.stringify(message).length + 1;
    const count = Math.ceil((20 * 1024 * 1024) / lineBytes);
    const order: number[] = [];
    const window: Promise<void>[] = [];
    // The usual caller: a few sends in flight, awaiting the oldest before starting another.
    const sending = (async () => {
      for (let i = 0; i < count; i++) {
        window.push(transport.send(message).then(() => void order.push(i)));
        if (window.length >= 8) await window.shift();
      }
      await Promise.all(window);
    })();
    await settle(300);
    // The reader is stalled: only what its pipe holds may have been accepted, not the 20 MiB.
    expect(order.length * lineBytes).toBeLessThan(1024 * 1024);
    process.kill(transport.pid!, 'SIGUSR1');
    await sending;
    expect(order).toEqual(Array.from({ length: count }, (_, i) => i));
    const totals = await call(transport, recorder, 1, 'totals');
    const totalsLine = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'totals' }).length + 1;
    expect(totals.result).toEqual({ lines: count + 1, bytes: count * lineBytes + totalsLine });
  });
});
