// The README's demo: the protocol engine answering requests over an in-memory pair and over a child
// process's stdio, showing what each layer does: correlation, progress, cancellation, limits, bad input;
// then McpClient against one apps/everything-server over stdio, Streamable HTTP (both eras), HTTP+SSE and
// WebSocket.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInMemoryTransportPair } from '@mcpwire/in-memory';
import {
  McpClient,
  ProtocolEngine,
  ProtocolError,
  type Transport,
  TransportError,
} from '@mcpwire/protocol-core';
import { createStreamableHttpClientTransport } from '@mcpwire/transport-http';
import { createSseClientTransport } from '@mcpwire/transport-sse';
import { createStdioClientTransport } from '@mcpwire/transport-stdio';
import { createWebSocketClientTransport } from '@mcpwire/transport-ws';

const say = (line: string) => console.log(line);

function describeError(error: unknown): string {
  if (error instanceof TransportError) return `TransportError ${error.code}: ${error.message}`;
  if (error instanceof ProtocolError) return `ProtocolError ${error.code}: ${error.message}`;
  return String(error);
}

async function inMemoryDemo(): Promise<void> {
  say('== in-memory: two engines joined by a linked pair ==');
  const [clientSide, serverSide] = createInMemoryTransportPair();
  const server = new ProtocolEngine({ maxConcurrentHandlers: 2 });
  server.setRequestHandler('demo/echo', (params) => ({ ...params }));
  server.setRequestHandler('demo/wait', (_params, ctx) => {
    return new Promise((resolve) => {
      ctx.signal.addEventListener('abort', () => resolve({ cancelled: true }));
    });
  });
  const client = new ProtocolEngine({ defaultTimeoutMs: 5_000 });
  await server.connect(serverSide);
  await client.connect(clientSide);

  const echoed = await client.request('demo/echo', { text: 'hello over memory' });
  say(`demo/echo answered ${JSON.stringify(echoed)}`);

  const answers = await Promise.all([1, 2, 3, 4].map((n) => client.request('demo/echo', { n })));
  say(`4 concurrent requests, 2 handler slots: answers in order ${answers.map((a) => a['n']).join(', ')}`);

  try {
    await client.request('demo/nope');
  } catch (error) {
    say(`unknown method -> ${describeError(error)}`);
  }

  const abort = new AbortController();
  const waiting = client.request('demo/wait', {}, { signal: abort.signal });
  setTimeout(() => abort.abort('user pressed stop'), 20);
  try {
    await waiting;
  } catch (error) {
    say(`cancelled by the caller -> ${describeError(error)}`);
  }

  try {
    await client.request('demo/wait', {}, { timeoutMs: 50 });
  } catch (error) {
    say(`timed out after 50 ms -> ${describeError(error)}`);
  }
  // The timeout sent notifications/cancelled; give it a moment to reach the server.
  await new Promise((resolve) => setTimeout(resolve, 20));
  say(`server handlers still running after both cancellations: ${server.debugCounts().runningHandlers}`);
  await client.close();
  say(`closed; the server saw the close too: transport gone = ${server.transport === undefined}`);
}

async function stdioDemo(): Promise<void> {
  say('\n== stdio: a child process running the echo server ==');
  const serverScript = fileURLToPath(new URL('./echo-server.js', import.meta.url));
  const transport = createStdioClientTransport({
    command: process.execPath,
    args: [serverScript],
    stderr: 'inherit',
  });
  const client = new ProtocolEngine();
  await client.connect(transport);
  say(`spawned the server, pid ${transport.pid}`);

  const echoed = await client.request('demo/echo', { text: 'hello over stdio' });
  say(`demo/echo answered ${JSON.stringify(echoed)}`);

  const steps: string[] = [];
  const slow = await client.request(
    'demo/slow',
    { steps: 3 },
    { onprogress: (p) => steps.push(p.message ?? '') },
  );
  say(`demo/slow reported progress [${steps.join(', ')}] and answered ${JSON.stringify(slow)}`);

  const started = performance.now();
  const many = await Promise.all(Array.from({ length: 1000 }, (_, i) => client.request('demo/echo', { i })));
  const ms = performance.now() - started;
  say(
    `1000 requests in flight at once: ${many.length} answers in ${ms.toFixed(0)} ms, each matched to its id`,
  );

  await client.close();
  say('closed stdin; the server exited on EOF');
}

const everythingServer = fileURLToPath(new URL('../../everything-server/dist/cli.js', import.meta.url));

function stdioTo(): Transport {
  return createStdioClientTransport({
    command: process.execPath,
    args: [everythingServer, '--stdio'],
    stderr: 'ignore',
  });
}

/** Starts the everything-server on a free port; resolves with its origin once it says it listens. */
async function startHttpServer(): Promise<{ origin: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [everythingServer, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let seen = '';
  for await (const chunk of child.stdout) {
    seen += String(chunk);
    const match = /listening (http:\/\/\S+)/.exec(seen);
    if (match) {
      return {
        origin: match[1]!,
        stop: async () => {
          child.kill('SIGTERM');
          await once(child, 'exit');
        },
      };
    }
  }
  throw new Error(`everything-server did not start: ${seen}`);
}

async function everythingServerDemo(
  era: 'auto' | 'legacy',
  wire: string,
  open: () => Transport,
): Promise<void> {
  const label = era === 'auto' ? 'era detected by the server/discover probe' : 'pinned to the legacy era';
  // The HTTP+SSE fallback shows itself once connected: the Streamable HTTP transport hands over.
  say(`\n== McpClient -> apps/everything-server over ${wire} (${label}) ==`);
  const transport = open();
  const client = new McpClient(
    { name: 'mcpwire-demo', version: '0.0.0' },
    {
      era,
      handlers: {
        // One handler serves the legacy server-to-client request and the modern multi round-trip alike.
        sampling: async (params) => {
          const first = params.messages[0]?.content;
          const asked = first !== undefined && 'text' in first ? String(first.text) : '';
          return {
            role: 'assistant',
            content: { type: 'text', text: `(a model would answer "${asked}")` },
            model: 'demo-model',
          };
        },
      },
    },
  );
  await client.connect(transport);
  if ('usingFallback' in transport && transport.usingFallback === true) {
    say('the endpoint answered POST with 405: the Streamable HTTP transport fell back to HTTP+SSE');
  }
  say(
    `connected: era ${client.era}, protocol ${client.protocolVersion}, server ${client.serverInfo?.name ?? '(unknown until discover)'}`,
  );

  const tools = await client.listAllTools();
  say(
    `${tools.length} tools, e.g. ${tools
      .slice(0, 4)
      .map((t) => t.name)
      .join(', ')}`,
  );
  const echo = await client.callTool({ name: 'echo', arguments: { text: 'hello, everything-server' } });
  say(`tools/call echo -> ${JSON.stringify(echo.content)}`);
  const sampled = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'What is MCP?' } });
  const how =
    client.era === 'modern' ? 'an InputRequiredResult and a retry' : 'a sampling/createMessage request';
  say(`tools/call test_sampling (served through ${how}) -> ${JSON.stringify(sampled.content)}`);
  const resource = await client.readResource({ uri: 'test://static-text' });
  say(`resources/read test://static-text -> ${JSON.stringify(resource.contents[0])}`);
  try {
    await client.callTool({ name: 'no_such_tool', arguments: {} });
  } catch (error) {
    say(`tools/call no_such_tool -> ${describeError(error)}`);
  }
  await client.close();
  say('closed');
}

await inMemoryDemo();
await stdioDemo();
await everythingServerDemo('auto', 'stdio', stdioTo);
await everythingServerDemo('legacy', 'stdio', stdioTo);
const http = await startHttpServer();
try {
  const { origin } = http;
  const ws = origin.replace(/^http/, 'ws');
  say(`\nstarted apps/everything-server --port 0: one port, four wires:`);
  say(`  Streamable HTTP ${origin}/mcp, HTTP+SSE ${origin}/sse, WebSocket ${ws}/ws`);
  const overHttp = () => createStreamableHttpClientTransport({ url: `${origin}/mcp`, eraCache: false });
  await everythingServerDemo('auto', 'Streamable HTTP', overHttp);
  await everythingServerDemo('legacy', 'Streamable HTTP', overHttp);
  // The deprecated 2024-11-05 transport: GET /sse names the POST endpoint in its first event.
  await everythingServerDemo('legacy', 'HTTP+SSE (2024-11-05)', () =>
    createSseClientTransport({ url: `${origin}/sse` }),
  );
  // A Streamable HTTP client given an old server's URL finds out, and hands over to the injected fallback.
  await everythingServerDemo('legacy', 'Streamable HTTP with an HTTP+SSE fallback, pointed at /sse', () =>
    createStreamableHttpClientTransport({
      url: `${origin}/sse`,
      eraCache: false,
      fallback: (url) => createSseClientTransport({ url }),
    }),
  );
  // WebSocket is no spec transport: one JSON-RPC message per text frame, either era per connection.
  await everythingServerDemo('auto', 'WebSocket', () => createWebSocketClientTransport({ url: `${ws}/ws` }));
  await everythingServerDemo('legacy', 'WebSocket', () =>
    createWebSocketClientTransport({ url: `${ws}/ws` }),
  );
} finally {
  await http.stop();
}
