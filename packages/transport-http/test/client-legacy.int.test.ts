// The 2025-11-25 side of the client transport: session id and negotiated version on every request,
// POST answers in JSON or SSE (with server requests), the GET stream, resumption with Last-Event-ID,
// one re-initialization when the session expires, and DELETE on close.
import type { ServerResponse } from 'node:http';
import { type JSONRPCMessage, TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import { event, json, openSse, type Recorded, result } from './client-support/fake-server.js';
import { Harness } from './client-support/harness.js';

const h = new Harness();
afterEach(() => h.dispose());

const initialize = {
  jsonrpc: '2.0' as const,
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
};
const initialized = { jsonrpc: '2.0' as const, method: 'notifications/initialized' };
const initResult = {
  protocolVersion: '2025-06-18',
  capabilities: {},
  serverInfo: { name: 's', version: '1' },
};

/** A legacy server with sessions; `onOther` answers anything past the handshake. */
function sessionServer(
  onOther: (req: Recorded, res: ServerResponse) => void,
  options: { sessions?: string[]; get?: (req: Recorded, res: ServerResponse) => void } = {},
) {
  const sessions = options.sessions ?? ['S1', 'S2', 'S3'];
  let next = 0;
  return (req: Recorded, res: ServerResponse): void => {
    if (req.method === 'GET') {
      if (options.get !== undefined) options.get(req, res);
      else {
        res.writeHead(405);
        res.end();
      }
      return;
    }
    if (req.method === 'DELETE') {
      res.writeHead(200);
      res.end();
      return;
    }
    if (req.body.method === 'initialize') {
      json(res, result(req, initResult), 200, { 'mcp-session-id': sessions[next++] ?? 'S?' });
    } else if (req.body.id === undefined || !('method' in req.body)) {
      res.writeHead(202);
      res.end();
    } else onOther(req, res);
  };
}

async function handshake(transport: { send(message: JSONRPCMessage): Promise<void> }): Promise<void> {
  await transport.send(initialize);
  await transport.send(initialized);
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('session', () => {
  it('sends the session id and the negotiated version on every request after initialize', async () => {
    const { server, transport } = await h.open(sessionServer((req, res) => json(res, result(req, {}))));
    await handshake(transport);
    expect(transport.sessionId).toBe('S1');
    await transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    transport.setProtocolVersion('2025-03-26');
    await transport.send({ jsonrpc: '2.0', id: 3, method: 'ping' });
    const [init, ack, list, ping] = server.posts();
    expect(init?.headers['mcp-session-id']).toBeUndefined();
    expect(init?.headers['mcp-protocol-version']).toBeUndefined();
    expect(init?.headers['mcp-method']).toBeUndefined();
    expect(ack?.headers).toMatchObject({ 'mcp-session-id': 'S1', 'mcp-protocol-version': '2025-06-18' });
    expect(list?.headers).toMatchObject({ 'mcp-session-id': 'S1', 'mcp-protocol-version': '2025-06-18' });
    expect(ping?.headers['mcp-protocol-version']).toBe('2025-03-26');
    // A modern version told to the transport does not leak into legacy requests.
    transport.setProtocolVersion('2026-07-28');
    await transport.send({ jsonrpc: '2.0', id: 4, method: 'ping' });
    expect(server.posts()[4]?.headers['mcp-protocol-version']).toBe('2025-03-26');
  });

  it('delivers server requests from a POST stream and POSTs the answers (202)', async () => {
    const { server, transport, recorder } = await h.open(
      sessionServer((req, res) => {
        openSse(res);
        event(res, { jsonrpc: '2.0', id: 'srv-1', method: 'elicitation/create', params: { message: 'ok?' } });
        // Answered once the client's response arrives (below).
        pendingStream = { req, res };
      }),
    );
    let pendingStream: { req: Recorded; res: ServerResponse } | undefined;
    await handshake(transport);
    const call = transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'x' } });
    await recorder.waitForMessages(2);
    expect(recorder.messages[1]).toMatchObject({ id: 'srv-1', method: 'elicitation/create' });
    await transport.send({ jsonrpc: '2.0', id: 'srv-1', result: { action: 'decline' } });
    const answer = server.posts().at(-1);
    expect(answer?.body).toEqual({ jsonrpc: '2.0', id: 'srv-1', result: { action: 'decline' } });
    expect(answer?.headers['mcp-session-id']).toBe('S1');
    event(pendingStream!.res, result(pendingStream!.req, { content: [] }));
    pendingStream!.res.end();
    await call;
    expect(recorder.messages.at(-1)).toEqual({ jsonrpc: '2.0', id: 2, result: { content: [] } });
  });

  it('opens the GET stream after initialized and delivers what comes on it; 405 means none', async () => {
    let getStream: ServerResponse | undefined;
    const { server, transport, recorder } = await h.open(
      sessionServer((req, res) => json(res, result(req, {})), {
        get: (req, res) => {
          expect(req.headers).toMatchObject({ accept: 'text/event-stream', 'mcp-session-id': 'S1' });
          openSse(res);
          getStream = res;
        },
      }),
    );
    await handshake(transport);
    await waitFor(() => getStream !== undefined);
    event(getStream!, { jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    await recorder.waitForMessages(2);
    expect(recorder.messages[1]).toEqual({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });

    const quiet = await h.open(sessionServer((req, res) => json(res, result(req, {}))));
    await handshake(quiet.transport);
    await waitFor(() => quiet.server.requests.some((r) => r.method === 'GET'));
    expect(quiet.recorder.errors).toEqual([]);
    void server;
  });

  it('starts a new session once when a request gets 404, replaying initialize and initialized', async () => {
    let expired = false;
    const { server, transport, recorder } = await h.open(
      sessionServer((req, res) => {
        if (!expired && req.headers['mcp-session-id'] === 'S1') {
          expired = true;
          res.writeHead(404);
          res.end();
        } else json(res, result(req, { session: req.headers['mcp-session-id'] }));
      }),
    );
    await handshake(transport);
    await transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    const posts = server
      .posts()
      .map((r) => [r.body.method ?? 'response', r.body.id, r.headers['mcp-session-id']]);
    expect(posts).toEqual([
      ['initialize', 1, undefined],
      ['notifications/initialized', undefined, 'S1'],
      ['tools/list', 2, 'S1'],
      ['initialize', 'mcpwire-reinit-1', undefined],
      ['notifications/initialized', undefined, 'S2'],
      ['tools/list', 2, 'S2'],
    ]);
    expect(transport.sessionId).toBe('S2');
    // The replayed handshake's answer is not handed up.
    expect(recorder.messages).toEqual([
      result(1, initResult),
      { jsonrpc: '2.0', id: 2, result: { session: 'S2' } },
    ]);
  });

  it('rejects with MCPWIRE_ERR_SESSION_EXPIRED when the new session is refused too', async () => {
    const { transport } = await h.open(
      sessionServer((_req, res) => {
        res.writeHead(404);
        res.end();
      }),
    );
    await handshake(transport);
    const error = await failure(transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' }));
    expect(error.code).toBe(TransportErrorCode.SessionExpired);
    expect(error.details).toMatchObject({ requestId: 2, method: 'tools/list', httpStatus: 404 });
  });

  it('rejects with MCPWIRE_ERR_SESSION_EXPIRED when initialize for a new session fails', async () => {
    let inits = 0;
    const { transport } = await h.open((req, res) => {
      if (req.body?.method === 'initialize' && ++inits > 1) {
        res.writeHead(500);
        res.end();
      } else if (req.body?.method === 'initialize')
        json(res, result(req, initResult), 200, { 'mcp-session-id': 'S1' });
      else if (req.body?.id === undefined) {
        res.writeHead(202);
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await handshake(transport);
    const error = await failure(transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' }));
    expect(error.code).toBe(TransportErrorCode.SessionExpired);
    expect(error.details.httpStatus).toBe(500);
  });

  it('close() deletes the session, fires onclose once, and refuses later sends', async () => {
    const { server, transport, recorder } = await h.open(
      sessionServer((req, res) => json(res, result(req, {}))),
    );
    await handshake(transport);
    await Promise.all([transport.close(), transport.close()]);
    const deletes = server.requests.filter((r) => r.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.headers['mcp-session-id']).toBe('S1');
    expect(recorder.closeCount).toBe(1);
    expect((await failure(transport.send({ jsonrpc: '2.0', id: 9, method: 'ping' }))).code).toBe(
      TransportErrorCode.Closed,
    );
  });

  it('does not wait for a DELETE that never answers longer than closeTimeoutMs', async () => {
    const { transport, recorder } = await h.open(
      (req, res) => {
        if (req.method === 'DELETE') return; // never answered
        sessionServer((inner, innerRes) => json(innerRes, result(inner, {})))(req, res);
      },
      { closeTimeoutMs: 20 },
    );
    await handshake(transport);
    await transport.close();
    expect(recorder.closeCount).toBe(1);
  });
});

describe('POST streams that end before the response', () => {
  it('fail with MCPWIRE_ERR_NETWORK when the server sent no event id to resume from', async () => {
    const { transport } = await h.open(
      sessionServer((_req, res) => {
        openSse(res);
        res.end();
      }),
    );
    await handshake(transport);
    const error = await failure(
      transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'x' } }),
    );
    expect(error.code).toBe(TransportErrorCode.Network);
    expect(error.message).toContain('no event id');
  });

  it('are resumed with GET and Last-Event-ID, and the resumed stream is closed once it answered', async () => {
    const gets: Recorded[] = [];
    let resumedClosed = false;
    const { transport, recorder } = await h.open(
      sessionServer(
        (_req, res) => {
          openSse(res);
          event(res, '', { id: 'e1', retry: 10 });
          res.end();
        },
        {
          get: (req, res) => {
            gets.push(req);
            openSse(res);
            // The session's own GET stream stays silent; the resumed one answers and stays open.
            if (req.headers['last-event-id'] === undefined) return;
            res.on('close', () => {
              resumedClosed = true;
            });
            event(res, result(2, { content: [] }), { id: 'e2' });
          },
        },
      ),
    );
    await handshake(transport);
    await transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'x' } });
    const resume = gets.find((g) => g.headers['last-event-id'] !== undefined);
    expect(resume?.headers).toMatchObject({ 'last-event-id': 'e1', 'mcp-session-id': 'S1' });
    expect(recorder.messages.filter((m) => 'id' in m && m.id === 2)).toHaveLength(1);
    await waitFor(() => resumedClosed);
  });

  it('cancellation POSTs notifications/cancelled and drops the stream', async () => {
    let streamClosed = false;
    const { server, transport } = await h.open(
      sessionServer((_req, res) => {
        openSse(res);
        res.on('close', () => {
          streamClosed = true;
        });
      }),
    );
    await handshake(transport);
    const call = failure(
      transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'x' } }),
    );
    await waitFor(() => server.posts().length === 3);
    await transport.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2 } });
    expect((await call).code).toBe(TransportErrorCode.Cancelled);
    expect(server.posts().at(-1)?.body).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 2 },
    });
    await waitFor(() => streamClosed);
  });
});

/** Polls `condition` with the shared poll settings (vitest.shared.ts: every 5 ms, up to 10 s). */
async function waitFor(condition: () => boolean): Promise<void> {
  await expect.poll(condition).toBe(true);
}
