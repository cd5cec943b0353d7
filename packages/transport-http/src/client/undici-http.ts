/**
 * The Node requester: undici's dispatcher, which is faster than `fetch` and can be injected (a
 * keep-alive pool, a proxy agent, a mock). Node entry only: the `./fetch` entry must not import it.
 */
import { type Dispatcher, getGlobalDispatcher } from 'undici';
import type { HttpRequester, HttpResponse } from './http.js';
import { UndiciExchange } from './undici-exchange.js';

/**
 * Wraps an undici dispatcher as an {@link HttpRequester}, with a handler of our own per request
 * (see undici-exchange.ts).
 * @param dispatcher The pool to use. @default undici's global dispatcher (a keep-alive Agent)
 */
export function undiciHttpRequester(dispatcher?: Dispatcher): HttpRequester {
  // The origin and path of the last URL: a transport sends every request to one endpoint, and
  // `Dispatcher.request` takes them apart (undici's top-level `request` re-parses the URL each call).
  let href = '';
  let origin = '';
  let path = '';
  return (url, init) => {
    if (url.href !== href) {
      href = url.href;
      origin = url.origin;
      path = `${url.pathname}${url.search}`;
    }
    return new Promise<HttpResponse>((resolve, reject) => {
      // The light source when there is one: reading `signal` would make a real AbortSignal.
      const exchange = new UndiciExchange(init.abortSource ?? init.signal, { resolve, reject });
      (dispatcher ?? getGlobalDispatcher()).dispatch(
        {
          origin,
          path,
          method: init.method,
          headers: init.headers,
          body: init.body ?? null,
          // SSE streams stay quiet for as long as the server likes, and a tool may take minutes to
          // answer: the engine's request timeouts and our aborts bound them, not undici's 300 s defaults.
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        exchange as unknown as Dispatcher.DispatchHandler,
      );
    });
  };
}
