/**
 * CORS for HTTP-based servers (Streamable HTTP, HTTP+SSE) answering browser pages on another origin:
 * a page's `fetch` of a JSON POST (or of anything with an `Authorization` header) is preflighted
 * (OPTIONS), and its script may read only the response headers listed as exposed. CORS only relaxes
 * what a browser lets a page *read*; which origins may call at all is still `OriginGuard`'s job,
 * checked before this. Runtime-neutral: it makes header records, each server writes them its own way.
 */
/** Response headers (lower-case names) that a server adds to an answer as they are. */
export type CorsHeaders = Readonly<Record<string, string>>;

/** Options of {@link CorsPolicy}. */
export interface CorsPolicyOptions {
  /** False: no CORS headers at all, and {@link CorsPolicy.preflight} answers nothing. @default true */
  enabled?: boolean | undefined;
  /**
   * Response headers a page's script must be able to read beyond the CORS-safelisted ones
   * (`Content-Type`, `Cache-Control`…), e.g. `mcp-session-id`, `www-authenticate`. @default []
   */
  exposeHeaders?: readonly string[] | undefined;
  /**
   * How long a browser may cache a preflight answer, in seconds (Chromium caps it at 7200, Firefox
   * at 86400). @default 7200
   */
  preflightMaxAgeSeconds?: number | undefined;
}

/**
 * The CORS headers of one origin, made once per origin (a browser sends the same one every time).
 * @example
 * const cors = new CorsPolicy({ exposeHeaders: ['www-authenticate'] });
 * // after the Origin check passed:
 * const headers = cors.headersFor(req.headers.origin); // add to the answer when defined
 * const preflight = cors.preflight(origin, req.headers['access-control-request-method'],
 *   req.headers['access-control-request-headers'], 'GET'); // answer 204 with these when defined
 */
export class CorsPolicy {
  readonly #enabled: boolean;
  readonly #expose: string | undefined;
  readonly #maxAge: string;
  #lastOrigin: string | undefined = undefined;
  #lastHeaders: CorsHeaders | undefined = undefined;

  constructor(options?: CorsPolicyOptions) {
    this.#enabled = options?.enabled ?? true;
    const expose = options?.exposeHeaders ?? [];
    this.#expose = expose.length === 0 ? undefined : expose.join(', ');
    const maxAge = options?.preflightMaxAgeSeconds ?? 7200;
    if (!Number.isSafeInteger(maxAge) || maxAge < 0) {
      throw new RangeError(`CorsPolicyOptions.preflightMaxAgeSeconds must be an integer >= 0, got ${maxAge}`);
    }
    this.#maxAge = String(maxAge);
  }

  /** True unless made with `enabled: false`. */
  get enabled(): boolean {
    return this.#enabled;
  }

  /**
   * The headers an answer to `origin` carries (`Access-Control-Allow-Origin`, `Vary: Origin`, the
   * exposed headers), or undefined (no Origin, or CORS off). The same frozen object is returned for
   * the same origin called twice in a row, so a server may cache what it derives from it.
   */
  headersFor(origin: string | undefined): CorsHeaders | undefined {
    if (!this.#enabled || origin === undefined) return undefined;
    if (origin === this.#lastOrigin) return this.#lastHeaders;
    const headers: Record<string, string> = { 'access-control-allow-origin': origin };
    if (this.#expose !== undefined) headers['access-control-expose-headers'] = this.#expose;
    // The answer depends on Origin: a shared cache must not hand it to a page of another origin.
    headers['vary'] = 'Origin';
    const frozen: CorsHeaders = Object.freeze(headers);
    this.#lastOrigin = origin;
    this.#lastHeaders = frozen;
    return frozen;
  }

  /**
   * The headers of the 204 answer to a preflight, or undefined when the request is not one (no
   * Origin, no `Access-Control-Request-Method`) or CORS is off. `allowMethods` is the path's methods
   * (`'POST'`, `'GET, POST, DELETE'`). The requested headers are allowed as asked: MCP's `Mcp-Param-*`
   * names are open-ended, and `*` would not cover `Authorization`.
   */
  preflight(
    origin: string | undefined,
    requestMethod: string | undefined,
    requestHeaders: string | undefined,
    allowMethods: string,
  ): CorsHeaders | undefined {
    const base = this.headersFor(origin);
    if (base === undefined || requestMethod === undefined) return undefined;
    const headers: Record<string, string> = {
      ...base,
      'access-control-allow-methods': allowMethods,
      'access-control-max-age': this.#maxAge,
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    };
    if (requestHeaders !== undefined && requestHeaders.trim() !== '') {
      headers['access-control-allow-headers'] = requestHeaders;
    }
    return headers;
  }
}
