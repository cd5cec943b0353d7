/**
 * Opaque cursors of the four paginated list methods. A cursor names its list and an offset into the
 * list's registration order; it is base64url so that clients treat it as the opaque token it is.
 * Offsets rather than "after this key" keep a cursor valid when items are removed (the spec gives no
 * cross-page consistency guarantee); a cursor past the end yields an empty last page.
 */
import { ErrorCode } from '../error-codes.js';
import { excerptOf, ProtocolError } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';

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

/** The member a list result carries its items in, per list. */
const RESULT_KEY: Readonly<Record<PagedList, string>> = {
  tools: 'tools',
  prompts: 'prompts',
  resources: 'resources',
  templates: 'resourceTemplates',
};

/**
 * One page of a list result, `{ <items>: [...], nextCursor? }`, cut from `items` at the request's cursor.
 * The list methods differ only in what they list, so they share this.
 */
export function pageResult<T>(
  items: readonly T[],
  params: JSONRPCParams | undefined,
  pageSize: number,
  list: PagedList,
): JSONRPCParams {
  const page = paginate(items, params?.['cursor'] as string | undefined, pageSize, list);
  const result: JSONRPCParams = { [RESULT_KEY[list]]: page.items };
  if (page.nextCursor !== undefined) result['nextCursor'] = page.nextCursor;
  return result;
}

/**
 * The descriptors of a registry's entries, built once per registry change: the cache is keyed by the
 * registry's values array, which is replaced on every change. Frozen, since they go into every
 * response as they are.
 */
export function cachedDescriptors<E, D>(
  cache: WeakMap<readonly E[], readonly D[]>,
  entries: readonly E[],
  describe: (entry: E) => D,
): readonly D[] {
  let descriptors = cache.get(entries);
  if (descriptors === undefined) {
    descriptors = Object.freeze(entries.map(describe));
    cache.set(entries, descriptors);
  }
  return descriptors;
}
