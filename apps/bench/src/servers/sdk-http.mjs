// The official SDK 1.x over Streamable HTTP: its high-level McpServer with the `echo` tool behind
// StreamableHTTPServerTransport on node:http, wired as the SDK's own examples do.
//   stateful:  one transport + McpServer per session (sessionIdGenerator: randomUUID), found by Mcp-Session-Id;
//   stateless: a new McpServer + transport for every POST, closed when the response closes.
// Options (argv after the mode): `sse` answers POSTs with an SSE stream (the SDK's default) instead of JSON;
// `raw-body` lets the transport read the body itself instead of the JSON.parse'd body the examples pass in.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { listenAndAnnounce } from './http-child.mjs';

const mode = process.argv[2] === 'stateless' ? 'stateless' : 'stateful';
const enableJsonResponse = !process.argv.includes('sse');
const preParse = !process.argv.includes('raw-body');

function echoToolServer() {
  const server = new McpServer({ name: 'sdk-bench', version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'Returns its text argument', inputSchema: { text: z.string() } },
    ({ text }) => ({ content: [{ type: 'text', text }] }),
  );
  return server;
}

/** The body parsed as express.json() would, for the examples' `handleRequest(req, res, req.body)`. */
async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function reply(res, status, message) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

/** Live sessions: session id → transport (each with its own McpServer). */
const transports = new Map();

// The SDK's stateful example: a request with a known session id goes to its transport; an initialize
// without one makes a new transport + McpServer, registered once the SDK has generated the id.
async function stateful(req, res) {
  const sessionId = req.headers['mcp-session-id'];
  const existing = typeof sessionId === 'string' ? transports.get(sessionId) : undefined;
  if (existing) {
    const body = req.method === 'POST' && preParse ? await readJson(req) : undefined;
    await existing.handleRequest(req, res, body);
    return;
  }
  if (req.method !== 'POST' || sessionId !== undefined)
    return reply(res, 400, 'Bad Request: no valid session');
  const body = await readJson(req);
  if (!isInitializeRequest(body)) return reply(res, 400, 'Bad Request: no valid session');
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    enableJsonResponse,
    onsessioninitialized: (id) => transports.set(id, transport),
  });
  transport.onclose = () => {
    if (transport.sessionId) transports.delete(transport.sessionId);
  };
  await echoToolServer().connect(transport);
  await transport.handleRequest(req, res, body);
}

// The SDK's stateless example: nothing outlives the request, so everything is built per POST.
async function stateless(req, res) {
  if (req.method !== 'POST') return reply(res, 405, 'Method not allowed.');
  const body = preParse ? await readJson(req) : undefined;
  const server = echoToolServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}

const handler = mode === 'stateful' ? stateful : stateless;
const server = createServer((req, res) => {
  handler(req, res).catch(() => {
    if (!res.headersSent) reply(res, 500, 'Internal server error');
  });
});
listenAndAnnounce(server, { stats: () => ({ sessions: transports.size }) });
