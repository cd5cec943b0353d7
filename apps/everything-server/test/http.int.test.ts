// The built CLI over Streamable HTTP: `--port 0` prints the real port, one call per era succeeds, the
// `--era` choice shapes the endpoint, and SIGTERM closes it cleanly.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerEra } from '../src/server.js';
import { CLI_PATH } from './support/processes.js';

const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
});

/** Starts the CLI on port 0 and resolves with its endpoint once it printed the line. */
async function serve(
  era: ServerEra = 'dual',
): Promise<{ child: ChildProcess; origin: string; line: string }> {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: build the app first`);
  const child = spawn(process.execPath, [CLI_PATH, '--port', '0', '--era', era], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  child.stdout!.setEncoding('utf8');
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(stdout.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
  });
  return { child, origin: line.replace(/^listening /, ''), line };
}

const ACCEPT = 'application/json, text/event-stream';

function modernCall(text: string): { body: string; headers: Record<string, string> } {
  const body = {
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: {
      name: 'echo',
      arguments: { text },
      _meta: {
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientCapabilities': {},
      },
    },
  };
  return {
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      accept: ACCEPT,
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'echo',
    },
  };
}

describe('everything-server --port', () => {
  it('prints exactly "listening http://127.0.0.1:<port>" with the real port', async () => {
    const { line } = await serve();
    expect(line).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(line.split(':').at(-1))).toBeGreaterThan(0);
  });

  it('serves one call in each era at /mcp', async () => {
    const { origin } = await serve('dual');
    const modern = modernCall('modern');
    const modernResponse = await fetch(`${origin}/mcp`, {
      method: 'POST',
      headers: modern.headers,
      body: modern.body,
    });
    expect(await modernResponse.json()).toMatchObject({
      result: { content: [{ type: 'text', text: 'modern' }] },
    });

    const init = await fetch(`${origin}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: ACCEPT },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
      }),
    });
    const sessionId = init.headers.get('mcp-session-id');
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await init.text()).toContain('"serverInfo":{"name":"mcpwire-everything-server"');
    const legacy = await fetch(`${origin}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: ACCEPT,
        'mcp-session-id': sessionId!,
        'mcp-protocol-version': '2025-11-25',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'echo', arguments: { text: 'legacy' } },
      }),
    });
    expect(await legacy.text()).toContain('"text":"legacy"');
    expect((await fetch(`${origin}/other`)).status).toBe(404);
    // A plain GET where WebSocket upgrades are served: 426 and how to upgrade, not 404.
    const plain = await fetch(`${origin}/ws`);
    expect(plain.status).toBe(426);
    expect(plain.headers.get('upgrade')).toBe('websocket');
  });

  it('logs a malformed SSE POST without the secret in it or the full session id', async () => {
    const { child, origin } = await serve();
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
    });
    // Open an HTTP+SSE session and read its endpoint event: the session id is in its query string.
    const controller = new AbortController();
    const stream = await fetch(`${origin}/sse`, {
      headers: { accept: 'text/event-stream' },
      signal: controller.signal,
    });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let events = '';
    while (!events.includes('sessionId=')) events += (await reader.read()).value ?? '';
    const endpoint = /data: (\S+)/.exec(events)![1]!;
    const sessionId = new URL(endpoint, origin).searchParams.get('sessionId')!;
    const secret = 'sk-live-4eC39HqLyjWDarjtT1zdp7dc';
    const posted = await fetch(new URL(endpoint, origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"apiKey":"${secret}"`,
    });
    expect(posted.status).toBe(400);
    await expect.poll(() => stderr).toMatch(/error: Session \S+…: Parse error.*\[redacted\]/);
    expect(stderr).not.toContain(secret);
    expect(stderr).not.toContain(sessionId);
    controller.abort();
  });

  it('has no sessions with --era modern: GET is 405', async () => {
    const { origin } = await serve('modern');
    const response = await fetch(`${origin}/mcp`, { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('closes cleanly on SIGTERM', async () => {
    const { child } = await serve();
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
