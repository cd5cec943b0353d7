import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { TransportRecorder } from '@mcpwire/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type StdioClientTransport, createStdioClientTransport } from '../src/index.js';
import { fixture } from './helpers/processes.js';

// The fixture imports our TypeScript source through tsx's loader, with the workspace's source condition.
const nodeArgs = ['--conditions=@mcpwire/source', '--import', 'tsx', fixture('mcpwire-server.mjs')];

const opened: StdioClientTransport[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((transport) => transport.close()));
});

describe('StdioServerTransport in a real process', () => {
  it('answers StdioClientTransport in order, and closes when the client does', async () => {
    const transport = createStdioClientTransport({
      command: process.execPath,
      args: nodeArgs,
      stderr: 'pipe',
      // The server exits on its own at stdin EOF; the long grace only matters on a loaded machine, where a
      // SIGTERM sent too early would cut it off before it logs that it closed.
      closeTimeoutMs: 15_000,
    });
    opened.push(transport);
    const recorder = new TransportRecorder(transport, { timeoutMs: 15_000 });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await transport.start();
    for (let id = 1; id <= 50; id++) {
      await transport.send({ jsonrpc: '2.0', id, method: 'echo', params: { id } });
    }
    await recorder.waitForMessages(50);
    expect(recorder.messages).toEqual(
      Array.from({ length: 50 }, (_, i) => ({ jsonrpc: '2.0', id: i + 1, result: { echo: { id: i + 1 } } })),
    );
    await transport.close();
    expect(recorder.closeCount).toBe(1);
    expect(recorder.errors).toEqual([]);
    // The server saw stdin's EOF and closed its transport (then exited, or close() would still wait).
    expect(stderr).toContain('mcpwire-server: closed');
  });

  it('exits on its own (code 0, no signal) once stdin ends', async () => {
    const child = spawn(process.execPath, nodeArgs, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdin.write('{"jsonrpc":"2.0","id":1,"method":"echo","params":{"x":1}}\nnot json\n');
    child.stdin.end();
    const [code, signal] = await once(child, 'exit');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toMatchObject([
      { jsonrpc: '2.0', id: 1, result: { echo: { x: 1 } } },
      { jsonrpc: '2.0', id: null, error: { code: -32700 } },
    ]);
    expect(stderr).toContain('MCPWIRE_ERR_PARSE');
    expect(stderr).toContain('mcpwire-server: closed');
  });
});
