/**
 * Helpers of the server tests: requests built the way a conforming client sends them (both eras),
 * an SSE reader over eventsource-parser, and a manual interval clock for the injected timers.
 */
import { McpServer } from '@mcpwire/protocol-core';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import * as z from 'zod';
import type { HttpServerTimers } from '../../src/index.js';

/** A parsed JSON-RPC message, read loosely by assertions (a test fails on a wrong shape anyway). */
// biome-ignore lint/suspicious/noExplicitAny: assertions navigate parsed JSON freely
export type Json = any;

export const MODERN = '2026-07-28';
export const LEGACY = '2025-11-25';
export const ACCEPT_BOTH = 'application/json, text/event-stream';

/** The `_meta` every modern request carries. */
export function modernMeta(extra?: Record<string, unknown>): Record<string, unknown> {
  return {
    'io.modelcontextprotocol/protocolVersion': MODERN,
    'io.modelcontextprotocol/clientInfo': { name: 'test', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': {},
    ...extra,
  };
}

/** A modern request body. */
export function modernRequest(
  method: string,
  params: Record<string, unknown> = {},
  id: number | string = 1,
  meta?: Record<string, unknown>,
): Record<string, unknown> {
  return { jsonrpc: '2.0', id, method, params: { ...params, _meta: modernMeta(meta) } };
}

/** The headers a conforming modern client sends with `body`. */
export function modernHeaders(body: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: ACCEPT_BOTH,
    'mcp-protocol-version': MODERN,
    'mcp-method': String(body['method']),
  };
  const params = body['params'] as Record<string, unknown> | undefined;
  if (body['method'] === 'tools/call' || body['method'] === 'prompts/get')
    headers['mcp-name'] = String(params?.['name']);
  if (body['method'] === 'resources/read') headers['mcp-name'] = String(params?.['uri']);
  return headers;
}

/** The legacy `initialize` body. */
export function initializeBody(
  id: number | string = 0,
  capabilities: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: LEGACY, capabilities, clientInfo: { name: 'test', version: '1' } },
  };
}

/** Headers of a legacy request on a session. */
export function legacyHeaders(sessionId?: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: ACCEPT_BOTH };
  if (sessionId !== undefined) {
    headers['mcp-session-id'] = sessionId;
    headers['mcp-protocol-version'] = LEGACY;
  }
  return headers;
}

/** POSTs JSON with `headers`. */
export function post(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(signal === undefined ? {} : { signal }),
  });
}

/** Reads SSE events from a response body, one at a time. */
export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #events: EventSourceMessage[] = [];
  readonly #decoder = new TextDecoder();
  readonly #parser;
  retry: number | undefined = undefined;
  comments = 0;
  done = false;

  constructor(response: Response) {
    this.#reader = response.body!.getReader();
    this.#parser = createParser({
      onEvent: (event) => this.#events.push(event),
      onRetry: (ms) => {
        this.retry = ms;
      },
      onComment: () => {
        this.comments++;
      },
    });
  }

  /** The next event, or undefined at the end of the stream. */
  async next(): Promise<EventSourceMessage | undefined> {
    while (this.#events.length === 0) {
      if (this.done) return undefined;
      const { value, done } = await this.#reader.read();
      if (done) {
        this.done = true;
        break;
      }
      this.#parser.feed(this.#decoder.decode(value, { stream: true }));
    }
    return this.#events.shift();
  }

  /** The next event carrying a message, parsed (priming events skipped). */
  async nextMessage(): Promise<{ id: string | undefined; message: Json } | undefined> {
    for (;;) {
      const event = await this.next();
      if (event === undefined) return undefined;
      if (event.data !== '') return { id: event.id, message: JSON.parse(event.data) };
    }
  }

  /** Every remaining message until the stream ends. */
  async rest(): Promise<Json[]> {
    const messages: Json[] = [];
    for (;;) {
      const next = await this.nextMessage();
      if (next === undefined) return messages;
      messages.push(next.message);
    }
  }

  cancel(): Promise<void> {
    return this.#reader.cancel();
  }
}

/** Intervals that run when the test says (the server's injected timers). */
export class ManualIntervals implements HttpServerTimers {
  #now = 0;
  readonly #intervals = new Map<number, { callback: () => void; ms: number; next: number }>();
  #nextId = 1;

  get now(): number {
    return this.#now;
  }

  get active(): number {
    return this.#intervals.size;
  }

  setInterval(callback: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.#intervals.set(id, { callback, ms, next: this.#now + ms });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.#intervals.delete(handle as number);
  }

  /** Moves the clock on, running each interval as many times as it falls due, in time order. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      let due: { callback: () => void; ms: number; next: number } | undefined;
      for (const interval of this.#intervals.values())
        if (due === undefined || interval.next < due.next) due = interval;
      if (due === undefined || due.next > end) break;
      this.#now = due.next;
      due.next += due.ms;
      due.callback();
    }
    this.#now = end;
  }
}

/** A server with the tools the tests use; `onCall` observes each handler context. */
export function testServer(options?: { requestStateKey?: string }): McpServer {
  const server = new McpServer(
    { name: 'http-test', version: '1.0.0' },
    options?.requestStateKey === undefined ? undefined : { requestStateKey: options.requestStateKey },
  );
  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text }],
  }));
  server.registerTool('whoami', {}, (_args, ctx) => ({
    content: [{ type: 'text', text: JSON.stringify({ authInfo: ctx.authInfo ?? null, era: ctx.era }) }],
  }));
  server.registerTool(
    'progress',
    { inputSchema: z.object({ steps: z.number().int() }) },
    async ({ steps }, ctx) => {
      for (let i = 1; i <= steps; i++) await ctx.sendProgress(i, steps);
      return { content: [{ type: 'text', text: `done ${steps}` }] };
    },
  );
  server.registerTool('ask', {}, async (_args, ctx) => {
    const answer = await ctx.elicit({
      message: 'Name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    });
    return { content: [{ type: 'text', text: `hello ${String(answer.content?.['name'])}` }] };
  });
  server.registerTool('sample', {}, async (_args, ctx) => {
    const result = await ctx.sample({
      messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
      maxTokens: 5,
    });
    const content = result.content as { type: string; text?: string };
    return { content: [{ type: 'text', text: `sampled ${content.text ?? ''}` }] };
  });
  server.registerTool(
    'headers',
    {
      inputSchema: {
        type: 'object',
        properties: {
          region: { type: 'string', 'x-mcp-header': 'Region' },
          count: { type: 'integer', 'x-mcp-header': 'Count' },
          flag: { type: 'boolean', 'x-mcp-header': 'Flag' },
          nested: { type: 'object', properties: { zone: { type: 'string', 'x-mcp-header': 'Zone' } } },
        },
      },
    },
    (args) => ({ content: [{ type: 'text', text: JSON.stringify(args) }] }),
  );
  server.registerPrompt('greet', { argsSchema: z.object({ name: z.string() }) }, ({ name }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `Hello ${name}` } }],
  }));
  server.registerResource('test://static', { name: 'static' }, (uri) => ({
    contents: [{ uri, mimeType: 'text/plain', text: 'static' }],
  }));
  return server;
}

/** Resolves after `ms` of real time (integration tests only, never for timing assertions). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
