/**
 * The Node requester: undici's `Dispatcher.request`, faster than `fetch`. With no dispatcher given
 * the transport owns two: a one-connection `Client` for the event stream, and a keep-alive `Pool`
 * for the POSTs (the hot path), whose requests may be pipelined. They never share a connection: a
 * POST pipelined behind the endless GET would never be answered. Node entry only.
 */
import { StringDecoder } from 'node:string_decoder';
import { Client, type Dispatcher, Pool } from 'undici';
import type { SseHttp, SseHttpResponse } from './http.js';

/** How the POST pool of an undici requester is sized. */
export interface UndiciPoolOptions {
  readonly connections: number;
  readonly pipelining: number;
}

type Body = Dispatcher.ResponseData['body'];
type NodeHeaders = Record<string, string | string[] | undefined>;

/** Collects a body from its 'data' events, giving up past `limit` bytes. */
function collect(body: Body, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    body.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limit) chunks.push(chunk);
      else if (!settled) {
        settled = true;
        body.destroy();
        resolve(undefined);
      }
    });
    body.on('end', () => {
      settled = true;
      resolve(Buffer.concat(chunks, total).toString('utf8'));
    });
    body.on('error', (error) => {
      settled = true;
      reject(error);
    });
    body.on('close', () => {
      if (!settled) reject(new Error('The response body was closed before its end'));
    });
  });
}

/** Streams a body as UTF-8 text. */
function streamText(body: Body, onText: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let ended = false;
    // undici's body ignores setEncoding: the decoder keeps characters split across chunks whole.
    const decoder = new StringDecoder('utf8');
    body.on('data', (chunk: Buffer) => {
      const text = decoder.write(chunk);
      if (text.length > 0) onText(text);
    });
    body.on('end', () => {
      ended = true;
      const rest = decoder.end();
      if (rest.length > 0) onText(rest);
      resolve();
    });
    body.on('error', reject);
    // Destroyed without an error (an abort): the stream did not end, it was cut.
    body.on('close', () => {
      if (!ended) reject(new Error('The event stream was closed before its end'));
    });
  });
}

function responseOf(data: Dispatcher.ResponseData): SseHttpResponse {
  const body = data.body;
  // An abort destroys the body with an error: a body nobody reads must not make it an uncaught one.
  body.on('error', () => {});
  const headers = data.headers as NodeHeaders;
  return {
    status: data.statusCode,
    header: (name) => {
      const value = headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    stream: (onText) => streamText(body, onText),
    text: (limit) => collect(body, limit),
    discard: () => {
      // Read to its end (a 202's few bytes), so its connection goes back to the pool.
      body.dump().catch(() => {});
    },
  };
}

/**
 * An {@link SseHttp} over undici. `dispatcher` (a user's Agent, proxy or mock) carries every request,
 * POSTs unpipelined; without one, the requester makes and closes its own per origin.
 */
export function undiciSseHttp(dispatcher: Dispatcher | undefined, pool: UndiciPoolOptions): SseHttp {
  let own: { origin: string; stream: Client; posts: Pool } | undefined;
  // `request` takes the origin and path apart: cached, since every POST goes to one endpoint.
  let href = '';
  let origin = '';
  let path = '';
  const dispatchers = (forOrigin: string): { stream: Dispatcher; posts: Dispatcher } => {
    if (dispatcher !== undefined) return { stream: dispatcher, posts: dispatcher };
    if (own === undefined || own.origin !== forOrigin) {
      own = {
        origin: forOrigin,
        stream: new Client(forOrigin, { pipelining: 1 }),
        posts: new Pool(forOrigin, { connections: pool.connections, pipelining: pool.pipelining }),
      };
    }
    return own;
  };
  return {
    async request(url, request) {
      if (url.href !== href) {
        href = url.href;
        origin = url.origin;
        path = `${url.pathname}${url.search}`;
      }
      const { stream, posts } = dispatchers(origin);
      const isGet = request.method === 'GET';
      const data = await (isGet ? stream : posts).request({
        origin,
        path,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        // undici takes any object with addEventListener/removeEventListener, `aborted` and `reason`.
        signal: request.abort as unknown as AbortSignal,
        // A POST on our own pool may be pipelined (undici pipelines only idempotent requests): a
        // message is delivered at most once, and a broken connection fails its sends, never repeats them.
        idempotent: !isGet && dispatcher === undefined && pool.pipelining > 1,
        // The stream stays quiet as long as the server likes: our close bounds it, not undici's 300 s.
        ...(isGet ? { headersTimeout: 0, bodyTimeout: 0 } : {}),
      });
      return responseOf(data);
    },
    async close() {
      const mine = own;
      own = undefined;
      if (mine === undefined) return;
      // destroy(), not close(): close() would wait for the stream, which never ends on its own.
      await Promise.all([mine.stream.destroy(), mine.posts.destroy()]);
    },
  };
}
