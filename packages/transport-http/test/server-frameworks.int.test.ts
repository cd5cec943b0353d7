// The server handlers mounted in real frameworks, as the README shows: Express (with and without
// express.json()), Fastify (its JSON parser, then reply.hijack()), Hono on @hono/node-server, and Hono's
// app.request() with no socket. Through each: McpClient in both eras, an SSE answer that is not
// buffered, the legacy GET stream, and the security refusals (and who answers them).
import { McpClient, type McpServer } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createEraCache, createStreamableHttpClientTransport } from '../src/index.js';
import {
  FRAMEWORK_MOUNTS,
  type FrameworkMount,
  type Mounted,
  type MountOptions,
} from './framework-support/mounts.js';
import {
  type Json,
  legacyHeaders,
  modernHeaders,
  modernRequest,
  sleep,
  testServer,
} from './server-support/http.js';

const clients: McpClient[] = [];
const mounts: Mounted[] = [];

afterEach(async () => {
  // Clients first: a legacy client's close() DELETEs its session through the framework.
  await Promise.allSettled(clients.splice(0).map((client) => client.close()));
  await Promise.allSettled(mounts.splice(0).map((mounted) => mounted.close()));
});

/**
 * How long the `gated` tool waits for the client to see its progress before giving up: generous, since
 * the tool returns as soon as the progress arrived and a loaded machine may take seconds to deliver it.
 */
const GATE_MS = 10_000;

/**
 * The test server plus `gated`: it sends a progress notification, then returns only once the client
 * received it. A framework that buffered the SSE answer would hold the progress back until the result,
 * which waits for the progress: the tool gives up after GATE_MS and says so in its result.
 */
function gatedServer(): { server: McpServer; release: () => void } {
  const server = testServer();
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.registerTool('gated', {}, async (_args, ctx) => {
    await ctx.sendProgress(1, 2, 'half way');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outcome = await Promise.race([
      released.then(() => 'released after the client saw the progress'),
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('the progress never reached the client: buffered?'), GATE_MS);
      }),
    ]);
    clearTimeout(timer);
    return { content: [{ type: 'text', text: outcome }] };
  });
  return { server, release };
}

/** Polls `check` (a state the test waits for, not a timing claim); fails after 10 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() >= deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** POSTs a JSON text with the headers given, through whatever reaches the endpoint. */
function postRaw(mounted: Mounted, body: string, headers: Record<string, string>): Promise<Response> {
  return mounted.fetch(mounted.url, { method: 'POST', headers, body });
}

/** Mounts a fresh handler (the test server unless `options.server`), closed after the test. */
async function mountIn(framework: FrameworkMount, options: Partial<MountOptions> = {}): Promise<Mounted> {
  const mounted = await framework.mount({ server: testServer(), ...options });
  mounts.push(mounted);
  return mounted;
}

const echo = (text: string, id: number | string = 1): Record<string, unknown> =>
  modernRequest('tools/call', { name: 'echo', arguments: { text } }, id);

describe.each(FRAMEWORK_MOUNTS)('$name', (framework) => {
  const mount = (options?: Partial<MountOptions>): Promise<Mounted> => mountIn(framework, options);

  async function connect(
    mounted: Mounted,
    era: 'auto' | 'legacy',
  ): Promise<{ client: McpClient; sessionId: () => string | undefined }> {
    const transport = createStreamableHttpClientTransport({
      url: mounted.url,
      eraCache: createEraCache(),
      ...(mounted.socketless ? { fetch: mounted.fetch } : {}),
    });
    const client = new McpClient({ name: 'framework-test', version: '1' }, { era });
    clients.push(client);
    await client.connect(transport);
    return { client, sessionId: () => transport.sessionId };
  }

  /** Calls `gated` with a progress listener that releases it; returns what the tool and the listener saw. */
  async function callGated(
    client: McpClient,
    release: () => void,
  ): Promise<{ text: string; progress: Json[] }> {
    const progress: Json[] = [];
    const result = await client.callTool(
      { name: 'gated', arguments: {} },
      {
        onprogress: (info) => {
          progress.push(info);
          release();
        },
      },
    );
    return { text: (result.content[0] as { text: string }).text, progress };
  }

  describe('2026-07-28 (stateless)', () => {
    it('completes tools/call for McpClient, with no session', async () => {
      const mounted = await mount();
      const { client, sessionId } = await connect(mounted, 'auto');
      expect(client.era).toBe('modern');
      const result = await client.callTool({ name: 'echo', arguments: { text: 'through the framework' } });
      expect(result.content).toEqual([{ type: 'text', text: 'through the framework' }]);
      expect(sessionId()).toBeUndefined();
      expect(mounted.stats().sessionsCreated).toBe(0);
    });

    it('streams a progress notification to the client before the result exists', async () => {
      const { server, release } = gatedServer();
      const mounted = await mount({ server });
      const { client } = await connect(mounted, 'auto');
      const { text, progress } = await callGated(client, release);
      expect(progress).toEqual([expect.objectContaining({ progress: 1, total: 2, message: 'half way' })]);
      expect(text).toBe('released after the client saw the progress');
    });
  });

  describe('2025-11-25 (sessions)', () => {
    it('opens a session, streams progress, answers tools/call; DELETE ends it and its id then gets 404', async () => {
      const { server, release } = gatedServer();
      const mounted = await mount({ server });
      const { client, sessionId } = await connect(mounted, 'legacy');
      expect(client.era).toBe('legacy');
      const id = sessionId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(mounted.stats().sessions).toBe(1);
      const result = await client.callTool({ name: 'echo', arguments: { text: 'in a session' } });
      expect(result.content).toEqual([{ type: 'text', text: 'in a session' }]);
      const { text, progress } = await callGated(client, release);
      expect(progress).toEqual([expect.objectContaining({ progress: 1, total: 2 })]);
      expect(text).toBe('released after the client saw the progress');

      // close() sends the DELETE through the framework.
      await clients.splice(clients.indexOf(client), 1)[0]!.close();
      expect(mounted.stats().sessions).toBe(0);
      const after = await postRaw(
        mounted,
        JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'echo' } }),
        legacyHeaders(id),
      );
      expect(after.status).toBe(404);
    });

    it('delivers a server notification on the standalone GET stream', async () => {
      const server = testServer();
      const mounted = await mount({ server });
      const { client } = await connect(mounted, 'legacy');
      const logged = new Promise<unknown>((resolve) => client.onLogMessage((params) => resolve(params.data)));
      // The client opens its GET stream after `initialized`: wait until it is live, so the message
      // below goes out on it rather than into the event store.
      await until(() => mounted.stats().openStreams === 1, 'the GET stream');
      server.sendLoggingMessage({ level: 'info', data: 'unrelated to any request' });
      expect(await logged).toBe('unrelated to any request');
    });
  });

  describe('security through the framework', () => {
    it('refuses a foreign Origin with 403, POST and GET alike', async () => {
      const mounted = await mount();
      const body = echo('x');
      const post = await postRaw(mounted, JSON.stringify(body), {
        ...modernHeaders(body),
        origin: 'http://evil.example',
      });
      expect(post.status).toBe(403);
      expect(await post.json()).toMatchObject({ error: { message: expect.stringContaining('Origin') } });
      const get = await mounted.fetch(mounted.url, {
        headers: { accept: 'text/event-stream', origin: 'http://evil.example' },
      });
      expect(get.status).toBe(403);
      await get.body?.cancel();
    });

    it('refuses a body that is not application/json with 415', async () => {
      const mounted = await mount();
      const body = JSON.stringify(echo('x'));
      const text = await postRaw(mounted, body, {
        ...modernHeaders(echo('x')),
        'content-type': 'text/plain',
      });
      expect(text.status).toBe(415);
      // Fastify parses text/plain too, so the handler is the one that refuses it, everywhere.
      expect(await text.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 } });
      const xml = await postRaw(mounted, body, {
        ...modernHeaders(echo('x')),
        'content-type': 'application/xml',
      });
      expect(xml.status).toBe(415);
      const answer: Json = await xml.json();
      // Fastify has no parser for application/xml: it answers 415 itself, before the route runs.
      if (framework.unknownMediaType === 'framework') expect(answer).toMatchObject({ statusCode: 415 });
      else expect(answer).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 } });
    });

    it('refuses a body over the limit with 413, from the body parser where the framework parses first', async () => {
      const mounted = await mount({ maxBodyBytes: 1024, frameworkBodyLimit: 1024 });
      const big = echo('x'.repeat(2048));
      const response = await postRaw(mounted, JSON.stringify(big), modernHeaders(big));
      expect(response.status).toBe(413);
      const text = await response.text();
      if (framework.tooLarge === 'handler') {
        expect(JSON.parse(text)).toMatchObject({
          error: { message: expect.stringContaining('Payload Too Large') },
        });
      } else {
        // express.json() / Fastify's parser refused it before the handler ran: their own 413 body.
        expect(text).not.toContain('jsonrpc');
        expect(text.toLowerCase()).toContain('too large');
      }
      // The endpoint goes on serving.
      const small = echo('small', 2);
      expect((await postRaw(mounted, JSON.stringify(small), modernHeaders(small))).status).toBe(200);
    });
  });
});

// Where the framework parses first, the handler gets an object, not bytes: it cannot count them.
describe.each(
  FRAMEWORK_MOUNTS.filter((framework) => framework.parsesBody),
)('$name, body parsed first', (framework) => {
  it('serves a body over maxBodyBytes within the parser limit: the parser limit is the one that applies', async () => {
    const mounted = await mountIn(framework, { maxBodyBytes: 1024, frameworkBodyLimit: 64 * 1024 });
    const big = echo('x'.repeat(2048));
    const response = await postRaw(mounted, JSON.stringify(big), modernHeaders(big));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: { content: [{ text: 'x'.repeat(2048) }] } });
  });
});
