/** Following `nextCursor` through a paginated list (spec `server/utilities/pagination`), with a bound. */
import { TransportError, TransportErrorCode } from '../errors.js';

/** One page as a list method returns it. */
export interface Page<T> {
  items: readonly T[];
  nextCursor?: string | undefined;
}

/**
 * Fetches pages until one has no `nextCursor`, concatenating their items. An empty-string cursor is a
 * cursor (the spec forbids reading it as the end). A server that keeps returning cursors is stopped at
 * `maxPages` with `MCPWIRE_ERR_LIMIT_EXCEEDED`: a cursor loop would otherwise never end.
 */
export async function collectPages<T>(
  method: string,
  maxPages: number,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; ; ) {
    const page = await fetchPage(cursor);
    pages++;
    items.push(...page.items);
    if (page.nextCursor === undefined) return items;
    if (pages >= maxPages) {
      throw new TransportError(
        TransportErrorCode.LimitExceeded,
        `"${method}" still had more pages after ${maxPages} (maxPages)`,
        { method, limit: { name: 'maxPages', value: maxPages } },
      );
    }
    cursor = page.nextCursor;
  }
}
