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

/**
 * The HTTP request as handlers see it (`ctx.requestInfo`), built on first read. A class rather than a
 * literal with getters: V8 defines a literal's accessors one by one on every request, which cost more
 * than everything else the legacy POST path allocated.
 */
class LazyRequestInfo {
  readonly #exchange: HttpExchange;
  #headers: Record<string, string | string[] | undefined> | undefined = undefined;
  #url: URL | undefined = undefined;

  constructor(exchange: HttpExchange) {
    this.#exchange = exchange;
  }

  // Getters: most handlers never look, and the Web path builds the record by copying.
  get headers(): Record<string, string | string[] | undefined> {
    this.#headers ??= this.#exchange.headers();
    return this.#headers;
  }

  get remoteAddress(): string | undefined {
    return this.#exchange.remoteAddress;
  }

  get url(): URL | undefined {
    if (this.#url === undefined) {
      const exchange = this.#exchange;
      try {
        this.#url = new URL(exchange.url, `http://${exchange.host ?? 'localhost'}`);
      } catch {
        return undefined;
      }
    }
    return this.#url;
  }

  /** What `JSON.stringify` shows (the getters live on the prototype, where it does not look). */
  toJSON(): {
    headers: Record<string, string | string[] | undefined>;
    url: string | undefined;
    remoteAddress: string | undefined;
  } {
    return { headers: this.headers, url: this.url?.href, remoteAddress: this.remoteAddress };
  }
}

/** The HTTP request as handlers see it (`ctx.requestInfo`), built on first read. */
export function requestInfoOf(exchange: HttpExchange): {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly url: URL | undefined;
  readonly remoteAddress: string | undefined;
} {
  return new LazyRequestInfo(exchange);
}
