/**
 * The Node requester: undici's `request`, which is faster than `fetch` and takes a `Dispatcher` (a
 * keep-alive pool, a proxy agent, a mock). Node entry only: the `./fetch` entry must not import it.
 */
import { type Dispatcher, getGlobalDispatcher, request } from 'undici';
import type { HttpRequester } from './http.js';

function headerGetter(headers: Record<string, string | string[] | undefined>): {
  get(name: string): string | null;
} {
  return {
    get(name: string): string | null {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * Wraps undici's `request` as an {@link HttpRequester}.
 * @param dispatcher The pool to use. @default undici's global dispatcher (a keep-alive Agent)
 */
export function undiciHttpRequester(dispatcher?: Dispatcher): HttpRequester {
  return async (url, init) => {
    const response = await request(url, {
      dispatcher: dispatcher ?? getGlobalDispatcher(),
      method: init.method,
      headers: init.headers,
      body: init.body ?? null,
      signal: init.signal ?? null,
      // SSE streams stay quiet for as long as the server likes, and a tool may take minutes to answer:
      // the engine's request timeouts and our aborts bound them, not undici's 300 s defaults.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    const body = response.body;
    // An abort after the headers destroys the body with an error; a reader sees it through iteration,
    // and a body nobody reads must not turn it into an uncaught 'error' event.
    body.on('error', () => {});
    return {
      status: response.statusCode,
      headers: headerGetter(response.headers),
      body,
      cancel: () => {
        // destroy() rather than dump(): dump() would read an endless SSE stream to its end.
        if (!body.destroyed) body.destroy();
      },
    };
  };
}
