/**
 * The four list methods behind the client's `list*` and `listAll*`: one page through the cache, all
 * pages through {@link collectPages}, and the tool output schemas learnt from every `tools/list` page.
 */
import { ErrorCode } from '../error-codes.js';
import { ProtocolError } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { Tool } from '../types/tool-definition.js';
import type { EraDriver } from './driver.js';
import type { ClientListCache } from './list-cache.js';
import type { ClientCallOptions, ClientListAllOptions, ClientListOptions } from './options.js';
import { collectPages } from './pagination.js';
import type { ToolOutputValidator } from './tool-output.js';
import type { ClientListParams } from './types.js';

/** A paginated list method. */
export type ListMethod = 'tools/list' | 'prompts/list' | 'resources/list' | 'resources/templates/list';

/** The member of each list result that holds the items. */
const ITEMS: Readonly<Record<ListMethod, string>> = {
  'tools/list': 'tools',
  'prompts/list': 'prompts',
  'resources/list': 'resources',
  'resources/templates/list': 'resourceTemplates',
};

/** Every list method, for invalidating them all. */
export const LIST_METHODS: readonly ListMethod[] = Object.keys(ITEMS) as ListMethod[];

/** Sends list requests for one client. */
export class ListRequests {
  readonly #driver: (method: string) => EraDriver;
  readonly #cache: ClientListCache | undefined;
  readonly #toolOutput: ToolOutputValidator;
  readonly #maxPages: number;
  readonly #report: (error: unknown) => void;
  #learning: Promise<void> | undefined = undefined;

  constructor(
    driver: (method: string) => EraDriver,
    cache: ClientListCache | undefined,
    toolOutput: ToolOutputValidator,
    maxPages: number,
    report: (error: unknown) => void,
  ) {
    this.#driver = driver;
    this.#cache = cache;
    this.#toolOutput = toolOutput;
    this.#maxPages = maxPages;
    this.#report = report;
  }

  /** One page: fresh from the cache when it may be, else from the server (and then cached). */
  async page(
    method: ListMethod,
    params: ClientListParams | undefined,
    options: ClientListOptions | undefined,
  ): Promise<unknown> {
    const driver = this.#driver(method);
    const cursor = params?.cursor;
    const hit = options?.bypassCache === true ? undefined : this.#cache?.get(method, cursor);
    // Copies both ways: callers may mutate what they get, the cache must not change with it.
    let result = hit === undefined ? undefined : (structuredClone(hit) as Record<string, unknown>);
    if (result === undefined) {
      try {
        result = (await driver.request(method, params as JSONRPCParams | undefined, options)) as Record<
          string,
          unknown
        >;
      } catch (error) {
        // Spec: a cursor the server no longer accepts invalidates every cached page of that list.
        if (
          cursor !== undefined &&
          error instanceof ProtocolError &&
          error.code === ErrorCode.InvalidParams
        ) {
          this.#cache?.invalidate(method);
        }
        throw error;
      }
      this.#cache?.set(method, cursor, structuredClone(result));
    }
    if (method === 'tools/list') this.#toolOutput.learn(result['tools'] as Tool[]);
    return result;
  }

  /** Every item, following `nextCursor` up to `maxPages` (`MCPWIRE_ERR_LIMIT_EXCEEDED` beyond). */
  all(method: ListMethod, options: ClientListAllOptions | undefined): Promise<unknown[]> {
    return collectPages(method, options?.maxPages ?? this.#maxPages, async (cursor) => {
      const page = (await this.page(
        method,
        cursor === undefined ? undefined : { cursor },
        options,
      )) as Record<string, unknown>;
      return {
        items: page[ITEMS[method]] as unknown[],
        nextCursor: page['nextCursor'] as string | undefined,
      };
    });
  }

  /**
   * Fetches the whole tool list once so that output schemas are known (concurrent callers share the
   * fetch). A failure is reported, not thrown: the call goes ahead unvalidated and the next one retries.
   */
  learnTools(options: ClientCallOptions | undefined): Promise<void> {
    this.#learning ??= this.all('tools/list', options).then(
      () => {
        this.#learning = undefined;
      },
      (error: unknown) => {
        this.#learning = undefined;
        this.#report(error);
      },
    );
    return this.#learning;
  }

  /** Drops cached pages: of one method, or of every list. */
  invalidate(method: ListMethod | undefined): void {
    for (const each of method === undefined ? LIST_METHODS : [method]) this.#cache?.invalidate(each);
  }
}
