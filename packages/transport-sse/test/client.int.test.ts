// The client transport against scripted servers on real sockets: the endpoint event (relative,
// absolute, cross-origin), message events (valid, malformed, oversized), HTTP errors and network
// failures, per-request headers, and every way the connection ends. Both entries (undici, fetch).
import { type JSONRPCMessage, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { FakeTimers, settle, TransportRecorder } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import { createSseClientTransport as createFetch } from '../src/fetch.js';
import {
  createSseClientTransport as createNode,
  type SseClientTransport,
  type SseClientTransportOptions,
} from '../src/index.js';
import { onCleanup } from './support/fixtures.js';
import { openStream, scriptedServer } from './support/scripted-server.js';

const ping = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'ping' });

const entries = [
  ['undici', createNode],
  ['fetch', createFetch],
] as const;

describe.each(entries)('client transport (%s)', (_name, create) => {
  function transport(options: SseClientTransportOptions): {
    transport: SseClientTransport;
    recorder: TransportRecorder;
  } {
    const made = create(options);
    onCleanup(() => made.close());
    return { transport: made, recorder: new TransportRecorder(made) };
  }

  it('waits for the endpoint, resolves it against the stream URL, and POSTs JSON there', async () => {
    const server = await scriptedServer({ onGet: (_req, res) => openStream(res, 'messages?sessionId=abc') });
    const { transport: client } = transport({ url: `${server.origin}/mcp/sse` });
    await client.start();
    expect(client.endpoint?.href).toBe(`${server.origin}/mcp/messages?sessionId=abc`);
    expect(server.gets[0]?.['accept']).toBe('text/event-stream');
    await client.send(ping(1));
    expect(server.posts[0]).toMatchObject({
      url: '/mcp/messages?sessionId=abc',
      body: JSON.stringify(ping(1)),
    });
    expect(server.posts[0]?.headers['content-type']).toBe('application/json');
  });

  it('accepts an absolute endpoint on the same origin', async () => {
    let origin = '';
    const server = await scriptedServer({ onGet: (_req, res) => openStream(res, `${origin}/post-here`) });
    origin = server.origin;
    const { transport: client } = transport({ url: server.url });
    await client.start();
    expect(client.endpoint?.href).toBe(`${server.origin}/post-here`);
  });

  it('rejects an endpoint on another origin, and never POSTs there', async () => {
    const server = await scriptedServer({
      onGet: (_req, res) => openStream(res, 'http://attacker.example/steal?sessionId=1'),
    });
    const { transport: client, recorder } = transport({
      url: server.url,
      headers: { authorization: 'Bearer secret' },
    });
    const error = await client.start().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe(TransportErrorCode.InvalidMessage);
    expect((error as TransportError).message).toContain('http://attacker.example');
    await expect(client.send(ping(1))).rejects.toMatchObject({ code: TransportErrorCode.Closed });
    expect(server.posts).toEqual([]);
    await client.close();
    expect(recorder.closeCount).toBe(1);
  });

  it('delivers message events (and events with no type), and reports malformed ones with an excerpt', async () => {
    const server = await scriptedServer();
    const { transport: client, recorder } = transport({ url: server.url });
    await client.start();
    server.event('message', JSON.stringify(ping(1)));
    server.event('message', '{"jsonrpc":"2.0","id":2,"method":');
    server.event(undefined, JSON.stringify(ping(3)));
    server.event('message', '{"jsonrpc":"2.0","id":true,"method":"x"}');
    server.event('something-else', 'ignored');
    server.event('message', JSON.stringify(ping(4)));
    await recorder.waitForMessages(3);
    await recorder.waitForErrors(2);
    expect(recorder.messages).toEqual([ping(1), ping(3), ping(4)]);
    const codes = recorder.errors.map((error) => (error as TransportError).code);
    expect(codes).toEqual([TransportErrorCode.Parse, TransportErrorCode.InvalidMessage]);
    expect((recorder.errors[0] as TransportError).details.excerpt).toBe('{"jsonrpc":"2.0","id":2,"method":');
  });

  it('drops an event over maxMessageBytes (even one far larger, split across chunks) and reads on', async () => {
    const server = await scriptedServer();
    const { transport: client, recorder } = transport({ url: server.url, maxMessageBytes: 1000 });
    await client.start();
    const over = JSON.stringify({ jsonrpc: '2.0', method: 'pad', params: { pad: 'é'.repeat(600) } });
    server.event('message', over);
    // Far past the parser's buffer: written in pieces, so it overflows mid-event.
    const huge = JSON.stringify({ jsonrpc: '2.0', method: 'pad', params: { pad: 'y'.repeat(200_000) } });
    const res = server.streams[0]!;
    res.write('event: message\ndata: ');
    for (let at = 0; at < huge.length; at += 16_384) res.write(huge.slice(at, at + 16_384));
    res.write('\n\n');
    server.event('message', JSON.stringify(ping(9)));
    await recorder.waitForMessages(1);
    await recorder.waitForErrors(2);
    await settle();
    expect(recorder.messages).toEqual([ping(9)]);
    expect(recorder.errors).toHaveLength(2);
    for (const error of recorder.errors) {
      expect((error as TransportError).code).toBe(TransportErrorCode.MessageTooLarge);
      expect((error as TransportError).details.limit).toEqual({ name: 'maxMessageBytes', value: 1000 });
    }
  });

  it('start() rejects an HTTP error status with its code, and a stream that is not text/event-stream', async () => {
    const unauthorized = await scriptedServer({
      onGet: (_req, res) => res.writeHead(401, { 'www-authenticate': 'Bearer' }).end('{"error":"no token"}'),
    });
    const { transport: first } = transport({ url: unauthorized.url });
    await expect(first.start()).rejects.toMatchObject({
      code: TransportErrorCode.HttpStatus,
      details: { httpStatus: 401 },
      message: expect.stringContaining('no token'),
    });
    const html = await scriptedServer({
      onGet: (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>'),
    });
    const { transport: second } = transport({ url: html.url });
    await expect(second.start()).rejects.toMatchObject({ code: TransportErrorCode.InvalidMessage });
  });

  it('start() rejects with Network when nobody listens, and when the stream ends before its endpoint', async () => {
    const { transport: refused } = transport({ url: 'http://127.0.0.1:1/sse' });
    await expect(refused.start()).rejects.toMatchObject({ code: TransportErrorCode.Network });
    const early = await scriptedServer({
      onGet: (_req, res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).end(': bye\n\n'),
    });
    const { transport: ended } = transport({ url: early.url });
    await expect(ended.start()).rejects.toMatchObject({ code: TransportErrorCode.Network });
  });

  it('start() gives up after connectTimeoutMs on the injected clock', async () => {
    const timers = new FakeTimers();
    const silent = await scriptedServer({
      onGet: (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/event-stream' }).write(': hold on\n\n'),
    });
    const { transport: client } = transport({ url: silent.url, connectTimeoutMs: 5000, timers });
    const starting = client.start();
    let outcome: unknown;
    starting.then(
      () => {
        outcome = 'resolved';
      },
      (error: unknown) => {
        outcome = error;
      },
    );
    timers.advance(4999);
    await settle();
    expect(outcome).toBeUndefined();
    timers.advance(1);
    await expect(starting).rejects.toMatchObject({
      code: TransportErrorCode.RequestTimeout,
      details: { limit: { name: 'connectTimeoutMs', value: 5000 } },
    });
  });

  it('send() rejects non-2xx with HttpStatus (details.httpStatus) and a dead server with Network', async () => {
    let status = 202;
    const server = await scriptedServer({
      onPost: (_post, res) => {
        if (status === 0) res.socket?.destroy();
        else res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"nope"}');
      },
    });
    const { transport: client, recorder } = transport({ url: server.url });
    await client.start();
    await client.send(ping(1));
    status = 404;
    await expect(client.send(ping(2))).rejects.toMatchObject({
      code: TransportErrorCode.HttpStatus,
      details: { httpStatus: 404, method: 'ping', requestId: 2 },
    });
    status = 500;
    await expect(client.send(ping(3))).rejects.toMatchObject({ details: { httpStatus: 500 } });
    status = 0;
    await expect(client.send(ping(4))).rejects.toMatchObject({ code: TransportErrorCode.Network });
    // Failed sends do not close the transport.
    status = 202;
    await client.send(ping(5));
    expect(recorder.closeCount).toBe(0);
  });

  it('calls a headers function for the GET and for every POST', async () => {
    const server = await scriptedServer();
    let calls = 0;
    const { transport: client } = transport({
      url: server.url,
      headers: async () => ({ Authorization: `Bearer t${++calls}`, accept: 'text/html' }),
    });
    await client.start();
    await client.send(ping(1));
    await client.send(ping(2));
    expect(server.gets[0]?.['authorization']).toBe('Bearer t1');
    // The transport's own header wins over the user's.
    expect(server.gets[0]?.['accept']).toBe('text/event-stream');
    expect(server.posts.map((post) => post.headers['authorization'])).toEqual(['Bearer t2', 'Bearer t3']);
    client.setProtocolVersion('2024-11-05');
    await client.send(ping(3));
    expect(server.posts[2]?.headers['mcp-protocol-version']).toBe('2024-11-05');
  });

  it('the server ending the stream closes the transport: onclose once, later sends rejected', async () => {
    const server = await scriptedServer();
    const { transport: client, recorder } = transport({ url: server.url });
    await client.start();
    server.streams[0]!.end();
    await recorder.waitForClose();
    await expect(client.send(ping(1))).rejects.toMatchObject({ code: TransportErrorCode.Closed });
    await client.close();
    await settle();
    expect(recorder.closeCount).toBe(1);
    expect(recorder.errors).toEqual([]);
  });

  it('a broken stream is reported (Network) before the close', async () => {
    const server = await scriptedServer();
    const { transport: client, recorder } = transport({ url: server.url });
    await client.start();
    server.streams[0]!.socket?.destroy();
    await recorder.waitForClose();
    expect(recorder.closeCount).toBe(1);
    expect(recorder.errors.map((error) => (error as TransportError).code)).toEqual([
      TransportErrorCode.Network,
    ]);
  });

  it('close() aborts POSTs in flight (they reject with Closed), fires onclose once, and close() again resolves', async () => {
    const server = await scriptedServer({ onPost: () => {} });
    const { transport: client, recorder } = transport({ url: server.url });
    await client.start();
    const sending = client.send(ping(1)).then(
      () => undefined,
      (error: unknown) => error,
    );
    await server.waitForPosts(1);
    await client.close();
    expect(await sending).toMatchObject({ code: TransportErrorCode.Closed });
    await client.close();
    expect(recorder.closeCount).toBe(1);
    await expect(client.start()).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });

  it('close() during start() rejects it with Closed', async () => {
    const silent = await scriptedServer({
      onGet: (_req, res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).write(': wait\n\n'),
    });
    const { transport: client, recorder } = transport({ url: silent.url });
    const starting = client.start();
    await client.close();
    await expect(starting).rejects.toMatchObject({ code: TransportErrorCode.Closed });
    expect(recorder.closeCount).toBe(1);
  });

  it('send() before start() rejects with NotStarted', async () => {
    const { transport: client } = transport({ url: 'http://127.0.0.1:9/sse' });
    await expect(client.send(ping(1))).rejects.toMatchObject({ code: TransportErrorCode.NotStarted });
  });

  it('takes JSON-RPC batch events only once the negotiated revision allows them', async () => {
    const server = await scriptedServer();
    const { transport: client, recorder } = transport({ url: server.url });
    await client.start();
    const batch = JSON.stringify([ping(1), ping(2)]);
    server.event('message', batch);
    await recorder.waitForErrors(1);
    client.setProtocolVersion('2025-03-26');
    server.event('message', batch);
    await recorder.waitForMessages(2);
    expect(recorder.messages).toEqual([ping(1), ping(2)]);
    expect((recorder.errors[0] as TransportError).code).toBe(TransportErrorCode.InvalidMessage);
  });
});

describe('options', () => {
  it('refuse a non-http URL and bad numbers', () => {
    expect(() => createNode({ url: 'ws://127.0.0.1/sse' })).toThrow(TypeError);
    expect(() => createNode({ url: 'http://127.0.0.1/sse', maxMessageBytes: 0 })).toThrow(RangeError);
    expect(() => createNode({ url: 'http://127.0.0.1/sse', pipelining: 0 })).toThrow(RangeError);
    expect(() => createFetch({ url: 'http://127.0.0.1/sse', connectTimeoutMs: 1.5 })).toThrow(RangeError);
  });
});
