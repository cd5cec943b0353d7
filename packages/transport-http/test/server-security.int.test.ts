// Refusals made before any work, on a real node:http server: Host/Origin (DNS rebinding), methods,
// Accept, Content-Type, body size (declared and counted), malformed bodies, and authentication.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createStreamableHttpHandler,
  HttpAuthError,
  listenStreamableHttp,
  type ListenStreamableHttpOptions,
  type StreamableHttpListener,
} from '../src/index.js';
import {
  ACCEPT_BOTH,
  initializeBody,
  legacyHeaders,
  modernHeaders,
  modernRequest,
  post,
  testServer,
} from './server-support/http.js';
import { raw } from './server-support/raw.js';

const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

async function start(options?: Partial<ListenStreamableHttpOptions>): Promise<StreamableHttpListener> {
  const listener = await listenStreamableHttp({ server: testServer(), ...options });
  open.push(listener);
  return listener;
}

const JSON_POST = { 'content-type': 'application/json', accept: ACCEPT_BOTH };

describe('Host and Origin (DNS-rebinding protection)', () => {
  it.each([
    'POST',
    'GET',
    'DELETE',
  ])('refuses a foreign Host on %s with 403 and an id-less JSON-RPC error', async (method) => {
    const { url } = await start();
    const response = await raw(url, {
      method,
      headers: { host: 'evil.example.com', ...JSON_POST },
      ...(method === 'POST' ? { body: JSON.stringify(initializeBody()) } : {}),
    });
    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      jsonrpc: '2.0',
      error: { code: -32600, message: expect.stringContaining('Host') },
    });
    expect(response.json).not.toHaveProperty('id');
  });

  it('fails closed when the Host header is missing', async () => {
    // node:http refuses a Host-less HTTP/1.1 request itself unless told not to: let it through to us.
    const handler = createStreamableHttpHandler({ server: testServer() });
    const server = createServer(
      { requireHostHeader: false },
      (req, res) => void handler.handleNode(req, res),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open.push({
      close: async () => {
        await handler.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
    const response = await raw(url, {
      setHost: false,
      headers: JSON_POST,
      body: JSON.stringify(initializeBody()),
    });
    expect(response.status).toBe(403);
    expect(response.json.error.message).toContain('missing');
  });

  it('refuses a foreign Origin and accepts a localhost one', async () => {
    const { url, port } = await start();
    const body = JSON.stringify(initializeBody());
    const evil = await raw(url, { headers: { ...JSON_POST, origin: 'http://evil.example.com' }, body });
    expect(evil.status).toBe(403);
    const nullOrigin = await raw(url, { headers: { ...JSON_POST, origin: 'null' }, body });
    expect(nullOrigin.status).toBe(403);
    const local = await raw(url, { headers: { ...JSON_POST, origin: `http://localhost:${port}` }, body });
    expect(local.status).toBe(200);
  });

  it('accepts every localhost name with any port by default, and only the configured hosts otherwise', async () => {
    const { url } = await start();
    for (const host of ['localhost:1', '127.0.0.1:65000', '[::1]:8080', 'LOCALHOST']) {
      const response = await raw(url, { method: 'DELETE', headers: { host } });
      // Past the Host check: the DELETE lacks a session id.
      expect(response.status, host).toBe(400);
    }
    const custom = await start({ allowedHosts: ['mcp.example.com'] });
    expect(
      (await raw(custom.url, { method: 'DELETE', headers: { host: 'mcp.example.com:443' } })).status,
    ).toBe(400);
    expect((await raw(custom.url, { method: 'DELETE', headers: { host: 'localhost' } })).status).toBe(403);
  });
});

describe('methods and content negotiation', () => {
  it('answers an unsupported method 405 with Allow', async () => {
    const { url } = await start();
    const response = await raw(url, { method: 'PUT', headers: JSON_POST, body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('GET, POST, DELETE');
  });

  it('answers GET and DELETE 405 (Allow: POST) when legacy sessions are off', async () => {
    const { url } = await start({ legacy: false });
    for (const method of ['GET', 'DELETE']) {
      const response = await raw(url, { method, headers: { accept: 'text/event-stream' } });
      expect(response.status).toBe(405);
      expect(response.headers['allow']).toBe('POST');
    }
  });

  it('requires Accept to list JSON and SSE on POST, and SSE on GET (406)', async () => {
    const { url } = await start();
    const body = JSON.stringify(initializeBody());
    const jsonOnly = await raw(url, {
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
    expect(jsonOnly.status).toBe(406);
    const missing = await raw(url, { headers: { 'content-type': 'application/json' }, body });
    expect(missing.status).toBe(406);
    const get = await raw(url, { method: 'GET', headers: { accept: 'application/json' } });
    expect(get.status).toBe(406);
    // Wildcards cover both.
    const wildcard = await raw(url, { headers: { 'content-type': 'application/json', accept: '*/*' }, body });
    expect(wildcard.status).toBe(200);
  });

  it('requires a JSON Content-Type on POST (415), parameters allowed', async () => {
    const { url } = await start();
    const body = JSON.stringify(initializeBody());
    expect(
      (await raw(url, { headers: { accept: ACCEPT_BOTH, 'content-type': 'text/plain' }, body })).status,
    ).toBe(415);
    const charset = await raw(url, {
      headers: { accept: ACCEPT_BOTH, 'content-type': 'application/json; charset=utf-8' },
      body,
    });
    expect(charset.status).toBe(200);
  });
});

describe('body size, checked before parsing', () => {
  it('refuses a declared Content-Length over the limit without reading the body (413)', async () => {
    const { url } = await start({ maxBodyBytes: 1024 });
    // The body is never sent: an answer proves the server did not wait to read it.
    const response = await raw(url, {
      headers: { ...JSON_POST, 'content-length': 10 * 1024 * 1024 },
      withholdBody: true,
    });
    expect(response.status).toBe(413);
    expect(response.headers['connection']).toBe('close');
    expect(response.json.error.code).toBe(-32600);
  });

  it('counts a chunked body while reading and stops at the limit (413)', async () => {
    const { url } = await start({ maxBodyBytes: 1024 });
    const chunk = 'x'.repeat(600);
    const response = await raw(url, { headers: JSON_POST, body: [chunk, chunk, chunk] });
    expect(response.status).toBe(413);
  });

  it('accepts a body at the limit', async () => {
    const body = JSON.stringify(initializeBody());
    const { url } = await start({ maxBodyBytes: Buffer.byteLength(body) });
    expect((await raw(url, { headers: JSON_POST, body })).status).toBe(200);
  });
});

describe('malformed bodies', () => {
  it('answers bad JSON 400 with -32700 and id null', async () => {
    const { url } = await start();
    const response = await raw(url, { headers: JSON_POST, body: '{"jsonrpc": "2.0", ' });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
  });

  it('answers invalid UTF-8 400 with -32700', async () => {
    const { url } = await start();
    const response = await raw(url, { headers: JSON_POST, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe(-32700);
  });

  it('answers an invalid envelope 400 with -32600, keeping a readable id', async () => {
    const { url } = await start();
    const response = await raw(url, {
      headers: JSON_POST,
      body: JSON.stringify({ jsonrpc: '1.0', id: 7, method: 'x' }),
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ id: 7, error: { code: -32600 } });
  });

  it('refuses JSON-RPC batches (400, -32600)', async () => {
    const { url } = await start();
    const response = await raw(url, { headers: JSON_POST, body: JSON.stringify([initializeBody()]) });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: -32600, message: expect.stringContaining('batch') });
  });
});

describe('response headers', () => {
  it('marks JSON, 202 and SSE responses no-cache, and SSE streams unbuffered', async () => {
    const { url } = await start();
    const json = await post(url, modernRequest('tools/list'), modernHeaders(modernRequest('tools/list')));
    expect(json.headers.get('cache-control')).toBe('no-cache');
    expect(json.headers.get('content-type')).toBe('application/json');
    const init = await post(url, initializeBody(), legacyHeaders());
    expect(init.headers.get('content-type')).toBe('text/event-stream');
    expect(init.headers.get('cache-control')).toBe('no-cache');
    expect(init.headers.get('x-accel-buffering')).toBe('no');
    await init.body?.cancel();
    const sessionId = init.headers.get('mcp-session-id')!;
    const accepted = await post(
      url,
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      legacyHeaders(sessionId),
    );
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('cache-control')).toBe('no-cache');
    const refused = await raw(url, { method: 'PUT' });
    expect(refused.headers['cache-control']).toBe('no-cache');
  });
});

describe('authentication', () => {
  const bearer = (header: string | undefined) => {
    if (header === 'Bearer alice') return { subject: 'alice', token: 'alice' };
    if (header === 'Bearer mallory') throw new HttpAuthError('Not allowed here', { status: 403 });
    throw new HttpAuthError('Missing or invalid bearer token', {
      wwwAuthenticate:
        'Bearer realm="mcp", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource"',
    });
  };

  it('answers 401 with WWW-Authenticate, or 403, before reading the body', async () => {
    const { url } = await start({ authenticate: ({ header }) => bearer(header('Authorization')) });
    const anonymous = await raw(url, { headers: JSON_POST, withholdBody: true });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('resource_metadata=');
    expect(anonymous.json.error.message).toBe('Missing or invalid bearer token');
    const forbidden = await raw(url, {
      method: 'GET',
      headers: { accept: 'text/event-stream', authorization: 'Bearer mallory' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['www-authenticate']).toBeUndefined();
  });

  it('hands the principal to handlers as authInfo, in both eras', async () => {
    const { url } = await start({ authenticate: ({ header }) => bearer(header('authorization')) });
    const call = modernRequest('tools/call', { name: 'whoami', arguments: {} });
    const modern = await post(url, call, { ...modernHeaders(call), authorization: 'Bearer alice' });
    const modernText = (await modern.json()).result.content[0].text;
    expect(JSON.parse(modernText)).toEqual({ authInfo: { subject: 'alice', token: 'alice' }, era: 'modern' });

    const init = await post(url, initializeBody(), { ...legacyHeaders(), authorization: 'Bearer alice' });
    const sessionId = init.headers.get('mcp-session-id')!;
    await init.body?.cancel();
    const legacyCall = {
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'whoami', arguments: {} },
    };
    const legacy = await post(url, legacyCall, {
      ...legacyHeaders(sessionId),
      authorization: 'Bearer alice',
    });
    const text = await legacy.text();
    expect(text).toContain('\\"subject\\":\\"alice\\"');
    expect(text).toContain('\\"era\\":\\"legacy\\"');
  });

  it('answers 500 and reports when the hook itself fails', async () => {
    const errors: Error[] = [];
    const { url } = await start({
      authenticate: () => {
        throw new Error('database down');
      },
      onerror: (error) => errors.push(error),
    });
    const response = await raw(url, { headers: JSON_POST, body: JSON.stringify(initializeBody()) });
    expect(response.status).toBe(500);
    expect(response.text).not.toContain('database down');
    expect(errors.map((error) => error.message)).toEqual(['database down']);
  });
});

describe('a body parsed by a framework (Express style)', () => {
  it('serves a parsed body and still refuses a parsed batch', async () => {
    const handler = createStreamableHttpHandler({ server: testServer() });
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on(
        'end',
        () => void handler.handleNode(req, res, JSON.parse(Buffer.concat(chunks).toString('utf8'))),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open.push({
      close: async () => {
        await handler.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
    const call = modernRequest('tools/call', { name: 'echo', arguments: { text: 'parsed' } });
    const response = await post(url, call, modernHeaders(call));
    expect(response.status).toBe(200);
    expect((await response.json()).result.content).toEqual([{ type: 'text', text: 'parsed' }]);
    const batch = await post(url, [call], modernHeaders(call));
    expect(batch.status).toBe(400);
    expect((await batch.json()).error.code).toBe(-32600);
  });
});
