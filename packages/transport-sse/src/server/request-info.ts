/** What handlers see of the HTTP request that carried a message (`extra.requestInfo`), built on first read. */
import type { IncomingMessage } from 'node:http';
import type { RequestInfo } from '@mcpwire/protocol-core';

/** The request's headers and URL; the URL is parsed only if a handler asks for it. */
export function requestInfoOf(req: IncomingMessage): RequestInfo {
  let url: URL | undefined;
  return {
    headers: req.headers,
    // A getter: most handlers never look, and parsing a URL per POST is a measurable cost.
    get url(): URL | undefined {
      if (url === undefined) {
        try {
          url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
        } catch {
          return undefined;
        }
      }
      return url;
    },
  };
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
