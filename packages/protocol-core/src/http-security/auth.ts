/**
 * The authentication hook's types: what it is given (method, URL, headers; never the body, which is
 * not read for a client that is refused) and how it refuses (throw {@link HttpAuthError}).
 */

/** What `authenticate` sees of a request. */
export interface HttpAuthRequest {
  /** The HTTP method, upper-case. */
  readonly method: string;
  /** The request target as received (Node: path and query; Web: the absolute URL). */
  readonly url: string;
  /** The request headers, lower-case names. */
  readonly headers: Record<string, string | string[] | undefined>;
  /** One header by (case-insensitive) name; repeated headers joined with ", ". */
  header(name: string): string | undefined;
}

/**
 * Resolves the principal of a request (its `authInfo`, handed to handlers as `ctx.authInfo`), or
 * refuses it by throwing {@link HttpAuthError}. Returning `undefined` lets the request in anonymously.
 * Any other throw is a bug in the hook: answered 500 and reported to `onerror`.
 */
export type Authenticate = (request: HttpAuthRequest) => unknown | Promise<unknown>;

/** Options of {@link HttpAuthError}. */
export interface HttpAuthErrorOptions {
  /** 401 (no or bad credentials) or 403 (valid credentials, not allowed). @default 401 */
  status?: 401 | 403 | undefined;
  /** The `WWW-Authenticate` header of a 401, e.g. `Bearer resource_metadata="https://…/.well-known/oauth-protected-resource"`. */
  wwwAuthenticate?: string | undefined;
}

/**
 * Thrown by `authenticate` to refuse a request: answered with its status, its `WWW-Authenticate`
 * header (401) and a JSON-RPC error body carrying its message.
 * @example
 * authenticate: ({ header }) => {
 *   const user = verify(header('authorization'));
 *   if (!user) throw new HttpAuthError('Missing or invalid bearer token', {
 *     wwwAuthenticate: 'Bearer realm="mcp", resource_metadata="https://example.com/.well-known/oauth-protected-resource"',
 *   });
 *   return { subject: user.id };
 * }
 */
export class HttpAuthError extends Error {
  override readonly name: string = 'HttpAuthError';
  /** The HTTP status sent. */
  readonly status: 401 | 403;
  /** The `WWW-Authenticate` header sent with a 401. */
  readonly wwwAuthenticate: string | undefined;

  constructor(message: string, options?: HttpAuthErrorOptions) {
    super(message);
    this.status = options?.status ?? 401;
    this.wwwAuthenticate = options?.wwwAuthenticate;
  }
}

/**
 * The default principal of an `authInfo`: its `subject`, `sub`, `userId` or `clientId`, else its
 * `token`; undefined (anonymous) for anything else. A legacy session is bound to this value.
 */
export function defaultPrincipalOf(authInfo: unknown): string | undefined {
  if (typeof authInfo !== 'object' || authInfo === null) return undefined;
  const info = authInfo as { [key: string]: unknown };
  for (const key of ['subject', 'sub', 'userId', 'clientId', 'token']) {
    const value = info[key];
    if (typeof value === 'string' && value !== '') return `${key}:${value}`;
  }
  return undefined;
}
