/**
 * The Node requester: undici's `request`, which is faster than `fetch` and takes a `Dispatcher` (a
 * keep-alive pool, a proxy agent, a mock). Node entry only: the `./fetch` entry must not import it.
 */
import { type Dispatcher, getGlobalDispatcher } from 'undici';
import { declaredLength, type HttpRequester, type HttpResponse } from './http.js';

type NodeHeaders = Record<string, string | string[] | undefined>;

function headerGetter(headers: NodeHeaders): HttpResponse['headers'] {
  return {
    get(name: string): string | null {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

type Body = Dispatcher.ResponseData['body'];

/** Collects a body from its 'data' events (no async iterator), giving up past `limit` bytes. */
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
      resolve(utf8Of(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)));
    });
    body.on('error', (error) => {
      settled = true;
      reject(error);
    });
    // Destroyed without an error (cancelled): nothing more comes. 'close' follows every end too.
    body.on('close', () => {
      if (!settled) reject(new Error('The response body was closed before its end'));
    });
  });
}

/** UTF-8 text without a leading byte order mark, as TextDecoder and fetch's text() decode it. */
function utf8Of(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Wraps undici's `request` as an {@link HttpRequester}.
 * @param dispatcher The pool to use. @default undici's global dispatcher (a keep-alive Agent)
 */
export function undiciHttpRequester(dispatcher?: Dispatcher): HttpRequester {
  // The origin and path of the last URL: a transport sends every request to one endpoint, and
  // `Dispatcher.request` takes them apart (undici's top-level `request` re-parses the URL each call).
  let href = '';
  let origin = '';
  let path = '';
  return async (url, init) => {
    if (url.href !== href) {
      href = url.href;
      origin = url.origin;
      path = `${url.pathname}${url.search}`;
    }
    const response = await (dispatcher ?? getGlobalDispatcher()).request({
      origin,
      path,
      method: init.method,
      headers: init.headers,
      body: init.body ?? null,
      // The light source when there is one: reading `signal` would make a real AbortSignal.
      signal: init.abortSource ?? init.signal ?? null,
      // SSE streams stay quiet for as long as the server likes, and a tool may take minutes to answer:
      // the engine's request timeouts and our aborts bound them, not undici's 300 s defaults.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    const body = response.body;
    // An abort after the headers destroys the body with an error; a reader sees it through iteration,
    // and a body nobody reads must not turn it into an uncaught 'error' event.
    body.on('error', () => {});
    const headers = headerGetter(response.headers as NodeHeaders);
    return {
      status: response.statusCode,
      headers,
      body,
      cancel: () => {
        // destroy() rather than dump(): dump() would read an endless SSE stream to its end.
        if (!body.destroyed) body.destroy();
      },
      text: (limit) => {
        // undici's text() collects without stream buffering (the fastest read), but has no limit:
        // used only when the declared length is within it (undici refuses a longer body).
        const length = declaredLength(headers);
        if (length !== undefined && length <= limit) return body.text();
        return collect(body, limit);
      },
    };
  };
}
