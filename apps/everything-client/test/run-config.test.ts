// What the conformance runner passes (environment and arguments) becomes one run: scenario, era,
// version and context; anything unusable is a ConfigError that names the problem.
import { describe, expect, it } from 'vitest';
import { ConfigError, readRunConfig } from '../src/run-config.js';

const url = 'http://localhost:3000/mcp';

describe('readRunConfig', () => {
  it('pins the modern era for a 2026-07-28 run', () => {
    const config = readRunConfig(
      { MCP_CONFORMANCE_SCENARIO: 'tools_call', MCP_CONFORMANCE_PROTOCOL_VERSION: '2026-07-28' },
      [url],
    );
    expect(config).toEqual({
      scenario: 'tools_call',
      serverUrl: url,
      era: 'modern',
      protocolVersion: '2026-07-28',
      context: {},
    });
  });

  it('detects the era (auto) for a legacy run, preferring its version', () => {
    const config = readRunConfig(
      { MCP_CONFORMANCE_SCENARIO: 'initialize', MCP_CONFORMANCE_PROTOCOL_VERSION: '2025-06-18' },
      ['--flag', url],
    );
    expect(config.era).toBe('auto');
    expect(config.protocolVersion).toBe('2025-06-18');
    expect(config.serverUrl).toBe(url);
  });

  it('ignores a version it does not know, and reads the context without its name', () => {
    const config = readRunConfig(
      {
        MCP_CONFORMANCE_SCENARIO: 'http-custom-headers',
        MCP_CONFORMANCE_PROTOCOL_VERSION: '2099-01-01',
        MCP_CONFORMANCE_CONTEXT: JSON.stringify({ name: 'http-custom-headers', toolCalls: [{ name: 'a' }] }),
      },
      [url],
    );
    expect(config.era).toBe('auto');
    expect(config.protocolVersion).toBeUndefined();
    expect(config.context).toEqual({ toolCalls: [{ name: 'a' }] });
  });

  it.each([
    [{}, [url], /MCP_CONFORMANCE_SCENARIO/],
    [{ MCP_CONFORMANCE_SCENARIO: 'x' }, [], /usage/],
    [{ MCP_CONFORMANCE_SCENARIO: 'x' }, ['not a url'], /not a URL/],
    [{ MCP_CONFORMANCE_SCENARIO: 'x', MCP_CONFORMANCE_CONTEXT: '{' }, [url], /not JSON/],
    [{ MCP_CONFORMANCE_SCENARIO: 'x', MCP_CONFORMANCE_CONTEXT: '[]' }, [url], /JSON object/],
  ])('refuses %j %j', (env, argv, message) => {
    expect(() => readRunConfig(env, argv)).toThrow(ConfigError);
    expect(() => readRunConfig(env, argv)).toThrow(message);
  });
});
