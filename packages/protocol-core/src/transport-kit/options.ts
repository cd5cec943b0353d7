/** Checking and defaulting a transport's options, with errors that name the option. */

/**
 * `value`, or `fallback` when undefined; throws a RangeError naming `owner.name` unless the result is a
 * safe integer of at least `min`.
 * @example
 * integerOption('SseServerOptions', 'maxSessions', options.maxSessions, 10_000, 1);
 */
export function integerOption(
  owner: string,
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
): number {
  const resolved = value ?? fallback;
  if (!Number.isSafeInteger(resolved) || resolved < min) {
    throw new RangeError(`${owner}.${name} must be an integer >= ${min}, got ${resolved}`);
  }
  return resolved;
}

/**
 * A function that hands any thrown value to an `onerror` option as an Error, and swallows what
 * `onerror` itself throws: an observer that throws must not break the server that reports to it.
 */
export function reporterOf(onerror: ((error: Error) => void) | undefined): (error: unknown) => void {
  return (error) => {
    try {
      onerror?.(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // Nobody is left to tell.
    }
  };
}
