/**
 * Checks every request passes before any work: Host and Origin against allow-lists (DNS-rebinding
 * protection, failing closed), and the `Accept` / `Content-Type` a Streamable HTTP client must send.
 */

interface HostRule {
  readonly name: string;
  /** undefined: any port. */
  readonly port: string | undefined;
}

interface OriginRule {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string | undefined;
}

/** Splits `name[:port]` (`[v6]:port` for IPv6); names are compared lower-case. */
function splitHost(value: string): HostRule | undefined {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('[')) {
    const close = trimmed.indexOf(']');
    if (close < 0) return undefined;
    const rest = trimmed.slice(close + 1);
    if (rest !== '' && !/^:\d+$/.test(rest)) return undefined;
    return { name: trimmed.slice(0, close + 1), port: rest === '' ? undefined : rest.slice(1) };
  }
  const colon = trimmed.indexOf(':');
  if (colon < 0) return { name: trimmed, port: undefined };
  const port = trimmed.slice(colon + 1);
  if (!/^\d+$/.test(port)) return undefined;
  return { name: trimmed.slice(0, colon), port };
}

function parseOrigin(value: string): OriginRule | undefined {
  try {
    const url = new URL(value);
    return {
      protocol: url.protocol,
      hostname: url.hostname.toLowerCase(),
      port: url.port === '' ? undefined : url.port,
    };
  } catch {
    return undefined;
  }
}

/** The Host and Origin allow-lists, parsed once. */
export class OriginGuard {
  readonly #hosts: readonly HostRule[] | undefined;
  readonly #origins: readonly OriginRule[] | undefined;
  #last: { host: string | undefined; origin: string | undefined; refusal: string | undefined } | undefined =
    undefined;

  /** `undefined` list: that check is off. */
  constructor(allowedHosts: readonly string[] | undefined, allowedOrigins: readonly string[] | undefined) {
    this.#hosts = allowedHosts?.map((entry) => {
      const rule = splitHost(entry);
      if (rule === undefined) throw new RangeError(`allowedHosts: "${entry}" is not a host name`);
      return rule;
    });
    this.#origins = allowedOrigins?.map((entry) => {
      const rule = parseOrigin(entry);
      if (rule === undefined) throw new RangeError(`allowedOrigins: "${entry}" is not an origin`);
      return rule;
    });
  }

  /** Why the request must be refused (403), or undefined when its Host and Origin are allowed. */
  refusal(host: string | undefined, origin: string | undefined): string | undefined {
    // Clients send the same Host and Origin on every request: the last verdict is reused.
    const last = this.#last;
    if (last !== undefined && last.host === host && last.origin === origin) return last.refusal;
    const refusal = this.#check(host, origin);
    this.#last = { host, origin, refusal };
    return refusal;
  }

  #check(host: string | undefined, origin: string | undefined): string | undefined {
    const hosts = this.#hosts;
    if (hosts !== undefined) {
      const given = host === undefined ? undefined : splitHost(host);
      if (given === undefined) return 'Forbidden: missing or malformed Host header';
      const allowed = hosts.some(
        (rule) => rule.name === given.name && (rule.port === undefined || rule.port === given.port),
      );
      if (!allowed) return `Forbidden: Host "${given.name}" is not allowed`;
    }
    const origins = this.#origins;
    if (origins !== undefined && origin !== undefined) {
      const given = parseOrigin(origin);
      const allowed =
        given !== undefined &&
        origins.some(
          (rule) =>
            rule.protocol === given.protocol &&
            rule.hostname === given.hostname &&
            (rule.port === undefined || rule.port === given.port),
        );
      if (!allowed) return 'Forbidden: Origin is not allowed';
    }
    return undefined;
  }
}

/** The media types an `Accept` header lists (parameters dropped, lower-case). */
function acceptedTypes(accept: string | undefined): string[] {
  if (accept === undefined) return [];
  return accept.split(',').map((part) => {
    const semicolon = part.indexOf(';');
    return (semicolon < 0 ? part : part.slice(0, semicolon)).trim().toLowerCase();
  });
}

/** True when `Accept` lists `type` (`*\/*` and `family/*` count). */
function accepts(types: readonly string[], type: string): boolean {
  const family = `${type.slice(0, type.indexOf('/'))}/*`;
  return types.some((listed) => listed === type || listed === family || listed === '*/*');
}

// The last Accept value seen by a POST and its verdict: clients send the same one every time.
let lastAccept: string | undefined;
let lastAcceptOk = false;

/** POST: the client must accept both a JSON body and an SSE stream. */
export function acceptsPostResponses(accept: string | undefined): boolean {
  if (accept !== undefined && accept === lastAccept) return lastAcceptOk;
  const types = acceptedTypes(accept);
  const ok = accepts(types, 'application/json') && accepts(types, 'text/event-stream');
  lastAccept = accept;
  lastAcceptOk = ok;
  return ok;
}

/** GET: the client must accept an SSE stream. */
export function acceptsEventStream(accept: string | undefined): boolean {
  return accepts(acceptedTypes(accept), 'text/event-stream');
}

/** True for `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  const type = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return type === 'application/json';
}
