/** What handlers see of the HTTP request that carried a message (`extra.requestInfo`), built on first read. */
import type { IncomingMessage } from 'node:http';
import type { RequestInfo } from '@mcpwire/protocol-core';

/**
 * The request's headers and URL; the URL is parsed only if a handler asks for it (a measurable cost
 * per POST). A class: an object literal with a getter has its accessor defined on every request.
 */
class LazyRequestInfo implements RequestInfo {
  readonly headers: IncomingMessage['headers'];
  readonly #req: IncomingMessage;
  #url: URL | undefined = undefined;

  constructor(req: IncomingMessage) {
    this.#req = req;
    this.headers = req.headers;
  }

  /** The peer's address as the socket sees it: what per-client limits key on when unauthenticated. */
  get remoteAddress(): string | undefined {
    return this.#req.socket.remoteAddress;
  }

  get url(): URL | undefined {
    if (this.#url === undefined) {
      const req = this.#req;
      try {
        this.#url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      } catch {
        return undefined;
      }
    }
    return this.#url;
  }

  /** What `JSON.stringify` shows (the getter lives on the prototype, where it does not look). */
  toJSON(): {
    headers: IncomingMessage['headers'];
    url: string | undefined;
    remoteAddress: string | undefined;
  } {
    return { headers: this.headers, url: this.url?.href, remoteAddress: this.remoteAddress };
  }
}

/** The request's headers and URL, as handlers see them. */
export function requestInfoOf(req: IncomingMessage): RequestInfo {
  return new LazyRequestInfo(req);
}

/** The `sessionId` query parameter of a request target (path and query), or undefined. */
export function sessionIdOf(target: string, queryAt: number): string | undefined {
  if (queryAt < 0) return undefined;
  let start = queryAt + 1;
  while (start < target.length) {
    let end = target.indexOf('&', start);
    if (end < 0) end = target.length;
    if (target.startsWith('sessionId=', start)) {
      const raw = target.slice(start + 10, end);
      try {
        return decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch {
        return raw;
      }
    }
    start = end + 1;
  }
  return undefined;
}
