// The command line: one transport (--stdio or --port), an optional era, and usage errors that say what is wrong.
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

  it('serves Streamable HTTP on a port, on 127.0.0.1 unless told otherwise', () => {
    expect(parseCliArgs(['--port', '0'])).toEqual({
      transport: { kind: 'http', port: 0, host: '127.0.0.1' },
      era: 'dual',
    });
    expect(parseCliArgs(['--port=8080', '--host', '::1', '--era', 'modern'])).toEqual({
      transport: { kind: 'http', port: 8080, host: '::1' },
      era: 'modern',
    });
  });

  it('answers --help with undefined (print the usage, exit 0)', () => {
    expect(parseCliArgs(['--help'])).toBeUndefined();
    expect(parseCliArgs(['-h', '--stdio'])).toBeUndefined();
  });

  it.each([
    [[], /choose a transport/],
    [['--stdio', '--era', 'future'], /--era must be one of dual, modern, legacy, got "future"/],
    [['--stdio', '--port'], /--port/],
    [['--stdio', '--port', '3000'], /not both/],
    [['--port', '70000'], /--port must be an integer from 0 to 65535/],
    [['--port', 'abc'], /--port must be an integer/],
    [['--host', 'localhost'], /--host needs --port/],
    [['--stdio', 'extra'], /extra/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
