/**
 * Opaque cursors of the four paginated list methods. A cursor names its list and an offset into the
 * list's registration order; it is base64url so that clients treat it as the opaque token it is.
 * Offsets rather than "after this key" keep a cursor valid when items are removed (the spec gives no
 * cross-page consistency guarantee); a cursor past the end yields an empty last page.
 */
import { ErrorCode } from '../error-codes.js';
import { excerptOf, ProtocolError } from '../errors.js';

/** The lists that paginate, as named inside a cursor. */
export type PagedList = 'tools' | 'prompts' | 'resources' | 'templates';

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** Present when more items follow. */
  nextCursor?: string | undefined;
}

const CURSOR = /^(tools|prompts|resources|templates):(0|[1-9][0-9]{0,8})$/;

function encode(list: PagedList, offset: number): string {
  return btoa(`${list}:${offset}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decode(cursor: string): { list: string; offset: number } | undefined {
  if (cursor.length > 64 || !/^[A-Za-z0-9_-]*$/.test(cursor)) return undefined;
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const match = CURSOR.exec(text);
  return match === null ? undefined : { list: match[1]!, offset: Number(match[2]) };
}

/** Cuts one page out of `items`; a malformed cursor, or one of another list, is answered -32602. */
export function paginate<T>(
  items: readonly T[],
  cursor: string | undefined,
  pageSize: number,
  list: PagedList,
): Page<T> {
  let offset = 0;
  if (cursor !== undefined) {
    const decoded = decode(cursor);
    if (decoded === undefined || decoded.list !== list) {
      throw new ProtocolError(ErrorCode.InvalidParams, `Invalid cursor: ${excerptOf(cursor)}`);
    }
    offset = decoded.offset;
  }
  // The common case, one page holding everything, returns the cached array itself.
  if (offset === 0 && items.length <= pageSize) return { items: items as T[] };
  const end = offset + pageSize;
  const page: Page<T> = { items: items.slice(offset, end) };
  if (end < items.length) page.nextCursor = encode(list, end);
  return page;
}
