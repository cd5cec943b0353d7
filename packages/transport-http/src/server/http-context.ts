/**
 * What the two eras' request handlers share with the server core: the resolved options and a way to
 * open an SSE response that counts open streams and reports overflows.
 */
import type { HttpExchange, ResponseHeaders } from './exchange.js';
import type { ResolvedHttpOptions } from './options.js';
import type { SseWriter } from './sse.js';

/** The core, as the era handlers see it. */
export interface HttpContext {
  readonly options: ResolvedHttpOptions;
  /** Starts an SSE response on `exchange` with keep-alives and the buffer cap of the options. */
  openStream(exchange: HttpExchange, headers: ResponseHeaders): SseWriter;
}

/** The HTTP request as handlers see it (`ctx.requestInfo`), built on first read. */
export function requestInfoOf(exchange: HttpExchange): {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly url: URL | undefined;
} {
  let headers: Record<string, string | string[] | undefined> | undefined;
  let url: URL | undefined;
  return {
    // Getters: most handlers never look, and the Web path builds the record by copying.
    get headers(): Record<string, string | string[] | undefined> {
      headers ??= exchange.headers();
      return headers;
    },
    get url(): URL | undefined {
      if (url === undefined) {
        try {
          url = new URL(exchange.url, `http://${exchange.host ?? 'localhost'}`);
        } catch {
          return undefined;
        }
      }
      return url;
    },
  };
}
