/**
 * The official SDK's client transports take a `RequestInit`; ours take plain headers. This reads the
 * headers out of one and refuses every other key, so that a ported option is applied or refused, never
 * dropped. Used by the SDK-named client classes of the HTTP transports.
 */

/** The part of the SDK's `requestInit` option that our HTTP client transports apply: `headers`. */
export interface SdkRequestInit {
  /** Sent on every request. */
  headers?: HeadersInitLike | undefined;
  /** Any other key (`credentials`, `mode`…) is refused: the transports would not apply it. */
  [key: string]: unknown;
}

/** `RequestInit.headers` in its three shapes: a `Headers`, a record, or name/value pairs. */
export type HeadersInitLike =
  | { forEach(callback: (value: string, name: string) => void): void }
  | Readonly<Record<string, string>>
  | ReadonlyArray<readonly [string, string]>;

/**
 * The headers of an SDK `requestInit`, as a record; undefined when it has none. Throws a TypeError
 * naming `owner` and the key for any other key that is set.
 */
export function headersOfRequestInit(
  owner: string,
  init: SdkRequestInit | undefined,
): Record<string, string> | undefined {
  if (init === undefined) return undefined;
  for (const key of Object.keys(init)) {
    if (key !== 'headers' && init[key] !== undefined) {
      throw new TypeError(
        `${owner}: requestInit.${key} is not supported; only requestInit.headers is applied`,
      );
    }
  }
  const { headers } = init;
  if (headers === undefined) return undefined;
  const record: Record<string, string> = {};
  if (Array.isArray(headers)) {
    for (const [name, value] of headers as ReadonlyArray<readonly [string, string]>) record[name] = value;
  } else if (typeof (headers as { forEach?: unknown }).forEach === 'function') {
    (headers as { forEach(callback: (value: string, name: string) => void): void }).forEach((value, name) => {
      record[name] = value;
    });
  } else {
    Object.assign(record, headers);
  }
  return record;
}
