/**
 * Host and Origin allow-lists for HTTP-based servers (Streamable HTTP, HTTP+SSE, WebSocket upgrades):
 * DNS-rebinding protection that fails closed. Runtime-neutral, so every transport shares one rule set.
 */

/** Host names a loopback-bound server answers to by default. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Origins a loopback-bound server accepts by default (http and https of each loopback host). */
export const LOOPBACK_ORIGINS: readonly string[] = LOOPBACK_HOSTS.flatMap((host) => [
  `http://${host}`,
  `https://${host}`,
]);

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

/**
 * The Host and Origin allow-lists, parsed once.
 * @example
 * const guard = new OriginGuard(LOOPBACK_HOSTS, LOOPBACK_ORIGINS);
 * const why = guard.refusal(req.headers.host, req.headers.origin); // a 403 when defined
 */
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
