// An event store that answers asynchronously (a database, Redis): events keep their order, and a
// resume that races with live events still delivers each exactly once.
import type { JSONRPCMessage } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createStreamableHttpWebHandler,
  type EventStore,
  InMemoryEventStore,
  type StreamableHttpWebHandler,
} from '../src/fetch.js';
import { initializeBody, LEGACY, legacyHeaders, SseReader, testServer } from './server-support/http.js';

/** The in-memory store behind a random delay per call, so answers come back out of call order. */
class SlowStore implements EventStore {
  readonly inner = new InMemoryEventStore();
  #calls = 0;

  #delay(): Promise<void> {
    const turns = (this.#calls++ * 7) % 5;
    let wait = Promise.resolve();
    for (let i = 0; i < turns; i++) wait = wait.then(() => new Promise((resolve) => setTimeout(resolve, 1)));
    return wait;
  }

  async storeEvent(streamId: string, message: JSONRPCMessage | undefined, json: string): Promise<string> {
    // The id is taken at call time (call order), the answer comes later.
    const id = this.inner.storeEvent(streamId, message, json);
    await this.#delay();
    return id;
  }

  async replayAfter(
    lastEventId: string,
    send: (eventId: string, json: string) => void,
  ): Promise<string | undefined> {
    await this.#delay();
    return this.inner.replayAfter(lastEventId, send);
  }
}

const handlers: StreamableHttpWebHandler[] = [];
afterEach(async () => {
  for (const handler of handlers.splice(0)) await handler.close();
});

function request(body: unknown, headers: Record<string, string>): Request {
  return new Request('http://localhost/mcp', { method: 'POST', headers, body: JSON.stringify(body) });
}

async function openSession(handler: StreamableHttpWebHandler): Promise<string> {
  const init = await handler.handleRequest(request(initializeBody(), legacyHeaders()));
  const sessionId = init.headers.get('mcp-session-id')!;
  await new SseReader(init).rest();
  await handler.handleRequest(
    request({ jsonrpc: '2.0', method: 'notifications/initialized' }, legacyHeaders(sessionId)),
  );
  return sessionId;
}

function get(sessionId: string, lastEventId?: string): Request {
  const headers: Record<string, string> = {
    accept: 'text/event-stream',
    'mcp-session-id': sessionId,
    'mcp-protocol-version': LEGACY,
  };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  return new Request('http://localhost/mcp', { headers });
}

describe('an asynchronous event store', () => {
  it('keeps the order of a stream: priming first, progress in order, the response last', async () => {
    const handler = createStreamableHttpWebHandler({ server: testServer(), eventStore: new SlowStore() });
    handlers.push(handler);
    const sessionId = await openSession(handler);
    const call = {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'progress', arguments: { steps: 20 }, _meta: { progressToken: 't' } },
    };
    const reader = new SseReader(await handler.handleRequest(request(call, legacyHeaders(sessionId))));
    expect((await reader.next())?.data).toBe('');
    const messages = await reader.rest();
    expect(messages.slice(0, 20).map((m) => m.params.progress)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(messages[20]).toMatchObject({ id: 1, result: { content: [{ text: 'done 20' }] } });
  });

  it('delivers each event exactly once when a resume races with live events', async () => {
    const server = testServer();
    const handler = createStreamableHttpWebHandler({ server, eventStore: new SlowStore() });
    handlers.push(handler);
    const sessionId = await openSession(handler);
    const first = new SseReader(await handler.handleRequest(get(sessionId)));
    const priming = await first.next();
    server.sendLoggingMessage({ level: 'info', data: 0 });
    const zero = await first.nextMessage();
    await first.cancel();
    const seen: number[] = [zero!.message.params.data];
    for (let i = 1; i <= 5; i++) server.sendLoggingMessage({ level: 'info', data: i });
    // The resume starts while those are still being stored, and more come during its replay.
    const resuming = handler.handleRequest(get(sessionId, zero!.id));
    for (let i = 6; i <= 10; i++) server.sendLoggingMessage({ level: 'info', data: i });
    const resumed = new SseReader(await resuming);
    while (seen.length < 11) seen.push((await resumed.nextMessage())!.message.params.data);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Nothing comes twice: the next message is the next one sent.
    server.sendLoggingMessage({ level: 'info', data: 11 });
    expect((await resumed.nextMessage())!.message.params.data).toBe(11);
    expect(priming?.id).toBeDefined();
    await resumed.cancel();
  });
});
