/**
 * CORS for browser clients on another origin: a page's `fetch` of a JSON POST is preflighted
 * (OPTIONS), and its script may read only the response headers listed as exposed, the legacy
 * `Mcp-Session-Id` among them. CORS only relaxes what a browser lets a page *read*; which origins
 * may call at all is still `allowedOrigins`' job, checked before this.
 */
import type { ResponseHeaders } from './exchange.js';

/** Response headers a browser client must be able to read. */
const EXPOSED = 'mcp-session-id, mcp-protocol-version, www-authenticate';

/** How long a browser may cache a preflight answer, in seconds (Chromium caps it at 7200). */
const PREFLIGHT_MAX_AGE = '7200';

/** The CORS headers of one origin, made once per origin (browsers send the same one every time). */
export class CorsPolicy {
  readonly #enabled: boolean;
  #lastOrigin: string | undefined = undefined;
  #lastHeaders: ResponseHeaders | undefined = undefined;

  /** `enabled` false: no CORS headers and OPTIONS is answered 405, as without this class. */
  constructor(enabled: boolean) {
    this.#enabled = enabled;
  }

  /** The headers an answer to `origin` carries, or undefined (no Origin, or CORS off). */
  headersFor(origin: string | undefined): ResponseHeaders | undefined {
    if (!this.#enabled || origin === undefined) return undefined;
    if (origin === this.#lastOrigin) return this.#lastHeaders;
    const headers: ResponseHeaders = Object.freeze({
      'access-control-allow-origin': origin,
      'access-control-expose-headers': EXPOSED,
      vary: 'Origin',
    }) as ResponseHeaders;
    this.#lastOrigin = origin;
    this.#lastHeaders = headers;
    return headers;
  }

  /**
   * The 204 answer to a preflight, or undefined when the request is not one (no Origin, no
   * `Access-Control-Request-Method`) or CORS is off. The requested headers are allowed as asked:
   * `Mcp-Param-*` names are open-ended, and `*` would not cover `Authorization`.
   */
  preflight(
    origin: string | undefined,
    requestMethod: string | undefined,
    requestHeaders: string | undefined,
    allow: string,
  ): ResponseHeaders | undefined {
    const base = this.headersFor(origin);
    if (base === undefined || requestMethod === undefined) return undefined;
    const headers: ResponseHeaders = {
      ...base,
      'access-control-allow-methods': allow,
      'access-control-max-age': PREFLIGHT_MAX_AGE,
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    };
    if (requestHeaders !== undefined && requestHeaders.trim() !== '') {
      headers['access-control-allow-headers'] = requestHeaders;
    }
    return headers;
  }
}
