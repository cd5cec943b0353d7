import { type TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { TransportRecorder } from '@mcpwire/test-utils';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createStdioClientTransport } from '../src/index.js';
import { eventually, fixture, isAlive } from './helpers/processes.js';

type Ending = 'close' | 'crash' | 'killed';

/**
 * One life of a server that has a helper process (a grandchild holding its stdout): started, asked for
 * its pids, then ended one of three ways. Returns every pid that must be gone afterwards.
 */
async function cycle(ending: Ending): Promise<number[]> {
  const transport = createStdioClientTransport({
    command: process.execPath,
    args: [fixture('group-server.mjs')],
    stderr: 'ignore',
    closeTimeoutMs: 100,
  });
  const recorder = new TransportRecorder(transport, { timeoutMs: 10_000 });
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'pids' });
  await recorder.waitForMessages(1);
  const { pid, grandchild } = (
    recorder.messages[0] as unknown as { result: { pid: number; grandchild: number } }
  ).result;
  expect(pid).toBe(transport.pid);
  if (ending === 'crash') await transport.send({ jsonrpc: '2.0', id: 2, method: 'crash' });
  if (ending === 'killed') process.kill(pid, 'SIGKILL');
  if (ending !== 'close') {
    // The grandchild keeps stdout open: the close must come from the exit, not from stdout's end.
    await recorder.waitForClose();
    const exited = recorder.errors.find(
      (e) => (e as TransportError).code === TransportErrorCode.ProcessExited,
    );
    expect((exited as TransportError).details).toMatchObject(
      ending === 'crash' ? { exitCode: 3, signal: null } : { exitCode: null, signal: 'SIGKILL' },
    );
  }
  await transport.close();
  expect(recorder.closeCount).toBe(1);
  return [pid, grandchild];
}

describe('process cleanup', () => {
  it('50 spawn/close/crash/kill cycles leave no process behind, grandchildren included', async () => {
    const endings: Ending[] = ['close', 'crash', 'killed'];
    const pids: number[] = [];
    for (let i = 0; i < 50; i++) pids.push(...(await cycle(endings[i % 3] as Ending)));
    expect(new Set(pids).size).toBe(100);
    // close() resolved after the group was signalled; the kernel may still be tearing the last ones down.
    await eventually(() => pids.every((pid) => !isAlive(pid)), 'every server and helper process is gone');
  }, 120_000);

  it('a client process that exits without close() still stops its server (exit hook)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--conditions=@mcpwire/source',
      '--import',
      'tsx',
      fixture('leaky-client.mjs'),
    ]);
    const pid = Number(stdout.trim());
    expect(pid).toBeGreaterThan(0);
    await eventually(() => !isAlive(pid), 'the abandoned server is gone');
  });
});
