/**
 * Shared by the integration tests: an McpServer with test tools, our handler mounted on a node:http
 * server on port 0 (the event-stream responses it opens are kept, so a test can write raw bytes on
 * them), raw HTTP helpers, and one cleanup list emptied after each test.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { McpServer } from '@mcpwire/protocol-core';
import { createParser } from 'eventsource-parser';
import { request } from 'undici';
import { afterEach } from 'vitest';
import * as z from 'zod';
import { createSseHandler, type SseHandler, type SseServerOptions } from '../../src/index.js';

const cleanups: (() => Promise<void> | void)[] = [];

/** Registers a cleanup run after the current test, last registered first. */
export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A parsed JSON body, read loosely by assertions. */
// biome-ignore lint/suspicious/noExplicitAny: assertions navigate parsed JSON freely
export type Json = any;

/** Our McpServer with the tools the tests call. */
export function testServer(): McpServer {
  const server = new McpServer({ name: 'sse-test', version: '1.0.0' });
  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text }],
  }));
  server.registerTool('whoami', {}, (_args, ctx) => ({
    content: [{ type: 'text', text: JSON.stringify({ authInfo: ctx.authInfo ?? null, era: ctx.era }) }],
  }));
  return server;
}

/** Our handler on a fresh node:http server on 127.0.0.1:0. */
export interface Mounted {
  /** The event stream's URL. */
  readonly url: string;
  readonly origin: string;
  readonly handler: SseHandler;
  readonly http: Server;
  /** The responses of the event streams the handler opened, in order. */
  readonly streams: ServerResponse[];
}

/** Mounts `createSseHandler(options)`; closed after the test unless `autoClose` is false. */
export async function mount(
  options: SseServerOptions,
  autoClose = true,
): Promise<Mounted & { close(): Promise<void> }> {
  const handler = createSseHandler(options);
  const streams: ServerResponse[] = [];
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url === '/sse') streams.push(res);
    if (!handler.handleNode(req, res)) {
      res.writeHead(404);
      res.end('not ours');
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const close = async (): Promise<void> => {
    await handler.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  };
  if (autoClose) onCleanup(close);
  return { url: `${origin}/sse`, origin, handler, http, streams, close };
}

/** One event of a raw stream. */
export interface RawEvent {
  event: string | undefined;
  data: string;
}

/** A raw GET of the event stream (undici, no transport), with its events and comments as they come. */
export interface RawStream {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly events: RawEvent[];
  readonly comments: string[];
  /** Resolves once `count` events arrived. */
  waitForEvents(count: number): Promise<RawEvent[]>;
  /** The endpoint event's data (waits for it). */
  endpoint(): Promise<string>;
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens the event stream with undici, reading it with eventsource-parser. */
export async function openRaw(url: string, headers: Record<string, string> = {}): Promise<RawStream> {
  const controller = new AbortController();
  const response = await request(url, {
    method: 'GET',
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: RawEvent[] = [];
  const comments: string[] = [];
  const waiters: (() => void)[] = [];
  const parser = createParser({
    onEvent: (event) => {
      events.push({ event: event.event, data: event.data });
      for (const wake of waiters.splice(0)) wake();
    },
    onComment: (comment) => comments.push(comment),
  });
  const decoder = new StringDecoder('utf8');
  const ended = new Promise<void>((resolve) => {
    response.body.on('data', (chunk: Buffer) => parser.feed(decoder.write(chunk)));
    response.body.on('end', () => resolve());
    response.body.on('error', () => resolve());
    response.body.on('close', () => resolve());
  });
  onCleanup(() => controller.abort());
  const waitForEvents = async (count: number): Promise<RawEvent[]> => {
    while (events.length < count) {
      await new Promise<void>((resolve, reject) => {
        waiters.push(resolve);
        ended.then(() => reject(new Error(`the stream ended after ${events.length} event(s)`)));
      });
    }
    return events;
  };
  return {
    status: response.statusCode,
    headers: response.headers,
    events,
    comments,
    waitForEvents,
    endpoint: async () => (await waitForEvents(1))[0]!.data,
    ended,
    close: () => controller.abort(),
  };
}

/** A raw HTTP exchange's outcome. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): Json;
}

/** Sends one raw request with undici and reads the whole answer. */
export async function raw(
  url: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawAnswer> {
  const response = await request(url, { method, headers, body: body ?? null });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** POSTs `body` (JSON text, or a value to stringify) to `url` as application/json. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return raw(url, 'POST', { 'content-type': 'application/json', ...headers }, text);
}

/** The legacy `initialize` request. */
export function initializeRequest(id: number | string = 0, version = '2024-11-05'): Json {
  return {
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  };
}
