// What the server puts on the wire for the common answers, read with a raw HTTP client: a JSON answer
// carries Content-Length (not chunked), and a legacy SSE answer is one well-formed stream that starts
// with its priming event and ends with the response, whichever writes carried it.
import { afterEach, describe, expect, it } from 'vitest';
import { listenStreamableHttp, type StreamableHttpListener } from '../src/index.js';
import {
  initializeBody,
  legacyHeaders,
  modernHeaders,
  modernRequest,
  testServer,
} from './server-support/http.js';
import { raw } from './server-support/raw.js';

const open: StreamableHttpListener[] = [];

afterEach(async () => {
  for (const listener of open.splice(0)) await listener.close();
});

async function start(enableJsonResponse: boolean): Promise<StreamableHttpListener> {
  const listener = await listenStreamableHttp({ server: testServer(), enableJsonResponse });
  open.push(listener);
  return listener;
}

describe('JSON answers', () => {
  it('carry Content-Length, the byte length of the body, and no chunked encoding', async () => {
    const listener = await start(false);
    // Not ASCII: the length is counted in bytes.
    const body = modernRequest('tools/call', { name: 'echo', arguments: { text: 'héllo ✓' } });
    const response = await raw(listener.url, { headers: modernHeaders(body), body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    expect(response.headers['transfer-encoding']).toBeUndefined();
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text));
    expect(response.json.result.content).toEqual([{ type: 'text', text: 'héllo ✓' }]);
  });

  it('carry Content-Length for legacy JSON answers and refusals too', async () => {
    const listener = await start(true);
    const init = await raw(listener.url, {
      headers: legacyHeaders(),
      body: JSON.stringify(initializeBody()),
    });
    expect(init.status).toBe(200);
    expect(init.headers['mcp-session-id']).toBeDefined();
    expect(Number(init.headers['content-length'])).toBe(Buffer.byteLength(init.text));
    const refused = await raw(listener.url, { headers: legacyHeaders('unknown'), body: '{}' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.headers['transfer-encoding']).toBeUndefined();
    expect(Number(refused.headers['content-length'])).toBe(Buffer.byteLength(refused.text));
  });
});

describe('legacy SSE answers', () => {
  it('start with the priming event and end with the response, as one complete stream', async () => {
    const listener = await start(false);
    const initialize = initializeBody();
    const response = await raw(listener.url, {
      headers: legacyHeaders(),
      body: JSON.stringify(initialize),
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream');
    const events = response.text.split('\n\n').filter((block) => block.length > 0);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatch(/^id: \S+\nretry: \d+\ndata: $/);
    const [idLine, dataLine] = (events[1] ?? '').split('\n');
    expect(idLine).toMatch(/^id: \S+$/);
    expect(JSON.parse((dataLine ?? '').slice('data: '.length))).toMatchObject({
      id: initialize['id'],
      result: {},
    });
  });
});
