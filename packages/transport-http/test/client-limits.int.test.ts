// maxMessageBytes: a body or SSE event past the limit fails its request with
// MCPWIRE_ERR_MESSAGE_TOO_LARGE, and the client stops reading (it never holds more than the limit
// plus a chunk), which the server sees as a connection closed long before it finished writing.
import type { ServerResponse } from 'node:http';
import { TransportError, TransportErrorCode } from '@mcpwire/protocol-core';
import { afterEach, describe, expect, it } from 'vitest';
import { event, json, modernRequest, openSse, result } from './client-support/fake-server.js';
import { Harness } from './client-support/harness.js';

const h = new Harness();
afterEach(() => h.dispose());

const LIMIT = 64 * 1024;
const FLOOD = 256 * 1024 * 1024;

/** Writes up to FLOOD bytes of `chunk`, honouring backpressure; resolves with what was written. */
function flood(res: ServerResponse, chunk: string): Promise<number> {
  return new Promise((resolve) => {
    let written = 0;
    const pump = (): void => {
      while (written < FLOOD && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      resolve(written);
    };
    res.on('close', () => resolve(written));
    pump();
  });
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('maxMessageBytes', () => {
  it('fails a JSON body over the limit and stops reading it', async () => {
    let written: Promise<number> | undefined;
    const { transport } = await h.open(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        written = flood(res, 'x'.repeat(64 * 1024));
      },
      { maxMessageBytes: LIMIT },
    );
    const error = await failure(transport.send(modernRequest(1, 'tools/list')));
    expect(error.code).toBe(TransportErrorCode.MessageTooLarge);
    expect(error.details).toMatchObject({ requestId: 1, limit: { name: 'maxMessageBytes', value: LIMIT } });
    expect(await written).toBeLessThan(FLOOD);
  });

  it('fails an SSE event over the limit and stops reading the stream', async () => {
    let written: Promise<number> | undefined;
    const { transport } = await h.open(
      (_req, res) => {
        openSse(res);
        res.write('data: "');
        written = flood(res, 'y'.repeat(64 * 1024));
      },
      { maxMessageBytes: LIMIT },
    );
    const error = await failure(transport.send(modernRequest(1, 'tools/call', { name: 't', arguments: {} })));
    expect(error.code).toBe(TransportErrorCode.MessageTooLarge);
    expect(error.details.limit?.value).toBe(LIMIT);
    expect(await written).toBeLessThan(FLOOD);
  });

  it('counts bytes, not characters, and accepts what fits', async () => {
    const fits = 'é'.repeat((LIMIT - 200) / 2);
    const { transport, recorder } = await h.open(
      (req, res) => {
        if (req.body.id === 1) json(res, result(req, { text: fits }));
        else {
          openSse(res);
          // Under the limit in characters, over it in UTF-8 bytes.
          event(res, result(req, { text: 'é'.repeat(LIMIT / 2 + 10) }));
          res.end();
        }
      },
      { maxMessageBytes: LIMIT },
    );
    await transport.send(modernRequest(1, 'tools/list'));
    expect(recorder.messages).toHaveLength(1);
    const error = await failure(transport.send(modernRequest(2, 'tools/call', { name: 't', arguments: {} })));
    expect(error.code).toBe(TransportErrorCode.MessageTooLarge);
  });

  it('fails a JSON body whose Content-Length is within the limit only in characters', async () => {
    // Declared lengths are bytes: a body declared over the limit is refused, one at it is read whole.
    const text = 'é'.repeat(LIMIT / 2 + 10);
    const { transport, recorder } = await h.open(
      (req, res) => {
        const body = JSON.stringify(result(req, { text: req.body.id === 1 ? 'ok' : text }));
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        });
        res.end(body);
      },
      { maxMessageBytes: LIMIT },
    );
    await transport.send(modernRequest(1, 'tools/list'));
    expect(recorder.messages).toEqual([result(1, { text: 'ok' })]);
    const error = await failure(transport.send(modernRequest(2, 'tools/list')));
    expect(error.code).toBe(TransportErrorCode.MessageTooLarge);
  });

  it('reads a JSON body with a byte order mark and Content-Length as its JSON', async () => {
    const { transport, recorder } = await h.open(
      (req, res) => {
        const body = `\uFEFF${JSON.stringify(result(req, { text: 'bom' }))}`;
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        });
        res.end(body);
      },
      { maxMessageBytes: LIMIT },
    );
    await transport.send(modernRequest(1, 'tools/list'));
    expect(recorder.messages).toEqual([result(1, { text: 'bom' })]);
  });

  it('reports an oversized event on the legacy GET stream through onerror', async () => {
    const { transport, recorder } = await h.open(
      (req, res) => {
        if (req.method === 'GET') {
          openSse(res);
          event(res, {
            jsonrpc: '2.0',
            method: 'notifications/message',
            params: { data: 'z'.repeat(LIMIT) },
          });
          return;
        }
        if (req.body?.method === 'initialize') {
          json(
            res,
            result(req, {
              protocolVersion: '2025-11-25',
              capabilities: {},
              serverInfo: { name: 's', version: '1' },
            }),
            200,
            {
              'mcp-session-id': 'S',
            },
          );
        } else {
          res.writeHead(202);
          res.end();
        }
      },
      { maxMessageBytes: LIMIT, reconnect: { maxAttempts: 0, initialDelayMs: 60_000 } },
    );
    await transport.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    });
    await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await recorder.waitForErrors(1);
    expect((recorder.errors[0] as TransportError).code).toBe(TransportErrorCode.MessageTooLarge);
    expect(recorder.messages).toHaveLength(1);
  });
});
