// The command line: one transport flag, an optional era, and usage errors that say what is wrong.
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../src/args.js';

describe('parseCliArgs', () => {
  it('serves stdio in both eras by default', () => {
    expect(parseCliArgs(['--stdio'])).toEqual({ transport: { kind: 'stdio' }, era: 'dual' });
  });

  it('takes an era', () => {
    expect(parseCliArgs(['--stdio', '--era', 'modern'])).toEqual({
      transport: { kind: 'stdio' },
      era: 'modern',
    });
    expect(parseCliArgs(['--era=legacy', '--stdio'])?.era).toBe('legacy');
  });

  it('answers --help with undefined (print the usage, exit 0)', () => {
    expect(parseCliArgs(['--help'])).toBeUndefined();
    expect(parseCliArgs(['-h', '--stdio'])).toBeUndefined();
  });

  it.each([
    [[], /choose a transport/],
    [['--stdio', '--era', 'future'], /--era must be one of dual, modern, legacy, got "future"/],
    [['--stdio', '--port'], /--port/],
    [['--stdio', 'extra'], /extra/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
