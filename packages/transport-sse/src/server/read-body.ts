/** Reading a POST body on Node within a byte limit: the declared length first, then counted as it comes. */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';

/** The outcome of reading a body under a limit. */
export type BodyRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'bad-encoding' }
  /** The client went away while sending. */
  | { readonly kind: 'aborted' };

const TOO_LARGE: BodyRead = { kind: 'too-large' };
const ABORTED: BodyRead = { kind: 'aborted' };
const BAD_ENCODING: BodyRead = { kind: 'bad-encoding' };
const EMPTY: BodyRead = { kind: 'text', text: '' };

/** Reads the body as UTF-8 text, refusing more than `limit` bytes without holding more than that. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  // Refused before a byte is read: the 413 carries `Connection: close`, so the rest is never read either.
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve(TOO_LARGE);
  if (req.readableEnded) return Promise.resolve(EMPTY);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyRead): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
      resolve(result);
    };
    // Chunked bodies have no declared length: counted as they come, and cut at the limit.
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish(TOO_LARGE);
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      finish(isUtf8(body) ? { kind: 'text', text: body.toString('utf8') } : BAD_ENCODING);
    };
    const onAbort = (): void => finish(ABORTED);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}

/** True for `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  const type = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return type === 'application/json';
}
