/**
 * A hand-written Streamable HTTP peer for the client tests: a node:http server on 127.0.0.1:0 that
 * records every request and answers through a handler each test supplies.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The JSON-RPC body of a POST, loosely typed for assertions. */
export interface RecordedBody {
  readonly id?: string | number | null;
  readonly method?: string;
  readonly params?: { readonly _meta?: Record<string, unknown>; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** One request as the fake server saw it. */
export interface Recorded {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body of a POST; empty for GET and DELETE. */
  readonly body: RecordedBody;
}

export type Handler = (request: Recorded, res: ServerResponse) => void | Promise<void>;

export interface FakeServer {
  readonly url: string;
  readonly requests: Recorded[];
  /** POST bodies only, in order. */
  readonly posts: () => Recorded[];
  /** Replaces the handler. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startFakeServer(handler: Handler): Promise<FakeServer> {
  let current = handler;
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: Recorded = {
        method: req.method ?? '',
        headers: req.headers,
        body: text.length > 0 ? (JSON.parse(text) as RecordedBody) : {},
      };
      requests.push(recorded);
      new Promise<void>((resolve) => resolve(current(recorded, res))).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    requests,
    posts: () => requests.filter((r) => r.method === 'POST'),
    handle(next) {
      current = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes one JSON answer. */
export function json(
  res: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Opens an SSE answer; write events with `event()`. */
export function openSse(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
  res.flushHeaders();
}

/** One SSE event with a JSON-RPC message (or raw data), optional id and retry. */
export function event(
  res: ServerResponse,
  data: unknown,
  options: { id?: string; retry?: number } = {},
): void {
  let text = '';
  if (options.id !== undefined) text += `id: ${options.id}\n`;
  if (options.retry !== undefined) text += `retry: ${options.retry}\n`;
  text += `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
  res.write(text);
}

/** A JSON-RPC result for `request` (or for an id). */
export function result(request: Recorded | number | string, value: Record<string, unknown>): unknown {
  const id = typeof request === 'object' ? request.body.id : request;
  return { jsonrpc: '2.0', id, result: value };
}

/** A JSON-RPC error for `request` (or id null). */
export function rpcError(id: unknown, code: number, message: string, data?: unknown): unknown {
  return { jsonrpc: '2.0', id, error: data === undefined ? { code, message } : { code, message, data } };
}

/** The 2026-07-28 `_meta` of a modern request. */
export function modernMeta(version = '2026-07-28'): Record<string, unknown> {
  return {
    'io.modelcontextprotocol/protocolVersion': version,
    'io.modelcontextprotocol/clientCapabilities': {},
    'io.modelcontextprotocol/clientInfo': { name: 'test', version: '1.0.0' },
  };
}

/** A request of the test's making, with `_meta` open to edits. */
export interface TestRequest {
  jsonrpc: '2.0';
  id: number | string;
  method: string;
  params: { _meta: Record<string, unknown>; [key: string]: unknown };
}

/** A modern request as McpClient would send it. */
export function modernRequest(
  id: number | string,
  method: string,
  params: Record<string, unknown> = {},
): TestRequest {
  return { jsonrpc: '2.0', id, method, params: { ...params, _meta: modernMeta() } };
}
