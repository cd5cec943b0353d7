/** HTTP pieces the Streamable HTTP, SSE and WebSocket servers share, runtime-neutral (Node, browsers, workers). */
import type { HttpAuthError, HttpAuthRequest } from '../http-security/auth.js';

/** Request headers as Node gives them: lower-case names, repeated ones as arrays. */
export type IncomingHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** One request header by lower-case name, as a string; repeated headers joined with ", ". */
export function headerValue(headers: IncomingHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The headers of a refusal by `authenticate`: its `WWW-Authenticate` challenge on a 401, else none. */
export function authRefusalHeaders(error: HttpAuthError): Record<string, string> | undefined {
  return error.status === 401 && error.wwwAuthenticate !== undefined
    ? { 'www-authenticate': error.wwwAuthenticate }
    : undefined;
}

/** What an `authenticate` hook is given of a request: its method, target and headers. */
export function authRequestOf(
  method: string | undefined,
  url: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): HttpAuthRequest {
  return {
    method: method ?? 'GET',
    url: url ?? '/',
    headers,
    header: (name) => headerValue(headers, name.toLowerCase()),
  };
}

/** The outcome of reading a request body under a byte limit. */
export type BodyRead =
  | { readonly kind: 'text'; readonly text: string }
  /** The body was parsed already (Express `express.json()`): no size or encoding check is possible here. */
  | { readonly kind: 'parsed'; readonly value: unknown }
  | { readonly kind: 'too-large' }
  /** The body is not valid UTF-8. */
  | { readonly kind: 'bad-encoding' }
  /** The client went away while sending. */
  | { readonly kind: 'aborted' };

/** True for `application/json`, with or without parameters (`; charset=utf-8`), in any case. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  const type = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return type === 'application/json';
}

/** The path of a request target (`/mcp?x=1` → `/mcp`); `/` when there is none. */
export function pathOf(target: string | undefined): string {
  const value = target ?? '/';
  const query = value.indexOf('?');
  return query < 0 ? value : value.slice(0, query);
}

/**
 * Iterates a stream chunk by chunk through a reader, so it works where streams are not async-iterable
 * (Safari). Leaving the loop early (a limit, a stop, an abort) cancels the rest of the stream.
 */
export async function* readerChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/**
 * Reads chunks as UTF-8 text; undefined once they hold more than `limit` bytes, and the rest is not
 * read (leaving the loop cancels a {@link readerChunks} stream). At most the limit plus one chunk is held.
 */
export async function collectText(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<string | undefined> {
  const held: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > limit) return undefined;
    held.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of held) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
