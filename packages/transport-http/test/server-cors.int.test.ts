// CORS for browser pages on another origin: preflights, the headers a page may read, and that CORS
// never widens who may call (the Origin allow-list still answers 403 first).
import { afterEach, describe, expect, it } from 'vitest';
import { createStreamableHttpWebHandler } from '../src/fetch.js';
import {
  listenStreamableHttp,
  type ListenStreamableHttpOptions,
  type StreamableHttpListener,
} from '../src/index.js';
import { ACCEPT_BOTH, initializeBody, testServer } from './server-support/http.js';
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

const PAGE = 'http://127.0.0.1:5173';
const JSON_POST = { 'content-type': 'application/json', accept: ACCEPT_BOTH };

function preflight(url: string, origin: string, requestHeaders = 'content-type, mcp-protocol-version') {
  return raw(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': requestHeaders,
    },
  });
}

describe('CORS', () => {
  it('answers a preflight from an allowed origin 204 with the methods and the requested headers', async () => {
    const { url } = await start();
    const response = await preflight(url, PAGE, 'content-type, mcp-method, mcp-param-region, authorization');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(PAGE);
    expect(response.headers['access-control-allow-methods']).toBe('GET, POST, DELETE');
    expect(response.headers['access-control-allow-headers']).toBe(
      'content-type, mcp-method, mcp-param-region, authorization',
    );
    expect(Number(response.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(response.headers['vary']).toContain('Origin');
  });

  it('refuses a preflight from a foreign origin 403, before any CORS header', async () => {
    const { url } = await start();
    const response = await preflight(url, 'https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets a page read the answer and the session id of a legacy initialize', async () => {
    const { url } = await start();
    const response = await raw(url, {
      headers: { ...JSON_POST, origin: PAGE },
      body: JSON.stringify(initializeBody()),
    });
    expect(response.status).toBe(200);
    expect(response.headers['mcp-session-id']).toBeTruthy();
    expect(response.headers['access-control-allow-origin']).toBe(PAGE);
    expect(response.headers['access-control-expose-headers']).toContain('mcp-session-id');
    expect(response.headers['access-control-expose-headers']).toContain('retry-after');
  });

  it('adds CORS headers to refusals too, so a page can read why (415)', async () => {
    const { url } = await start();
    const response = await raw(url, {
      headers: { 'content-type': 'text/plain', accept: ACCEPT_BOTH, origin: PAGE },
      body: '{}',
    });
    expect(response.status).toBe(415);
    expect(response.headers['access-control-allow-origin']).toBe(PAGE);
  });

  it('sends no CORS headers to a client without Origin, and OPTIONS without a preflight stays 405', async () => {
    const { url } = await start();
    const plain = await raw(url, { headers: JSON_POST, body: JSON.stringify(initializeBody()) });
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
    const options = await raw(url, { method: 'OPTIONS', headers: { origin: PAGE } });
    expect(options.status).toBe(405);
  });

  it('is off with cors: false (preflight 405) and with allowedOrigins any unless cors is true', async () => {
    const off = await start({ cors: false });
    expect((await preflight(off.url, PAGE)).status).toBe(405);
    const any = await start({ allowedOrigins: 'any' });
    const refused = await preflight(any.url, 'https://elsewhere.example');
    expect(refused.status).toBe(405);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const opened = await start({ allowedOrigins: 'any', cors: true });
    const allowed = await preflight(opened.url, 'https://elsewhere.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://elsewhere.example');
  });

  it('works the same through the Fetch handler, on streams too', async () => {
    const handler = createStreamableHttpWebHandler({ server: testServer() });
    const pre = await handler.handleRequest(
      new Request('http://127.0.0.1:3000/mcp', {
        method: 'OPTIONS',
        headers: { origin: PAGE, 'access-control-request-method': 'POST' },
      }),
    );
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(pre.headers.get('access-control-allow-headers')).toBeNull();
    const init = await handler.handleRequest(
      new Request('http://127.0.0.1:3000/mcp', {
        method: 'POST',
        headers: { ...JSON_POST, origin: PAGE },
        body: JSON.stringify(initializeBody()),
      }),
    );
    expect(init.status).toBe(200);
    // Legacy POSTs answer SSE by default: the stream carries the CORS headers as well.
    expect(init.headers.get('content-type')).toBe('text/event-stream');
    expect(init.headers.get('access-control-allow-origin')).toBe(PAGE);
    await init.body?.cancel();
    await handler.close();
  });
});
