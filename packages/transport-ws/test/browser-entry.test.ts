// The `./browser` entry: nothing in its import graph reaches `node:` or `ws` (so browsers, workers,
// Deno and Bun can load it), checked by walking the sources it imports, protocol-core's included.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from '../src/browser.js';

const here = dirname(fileURLToPath(import.meta.url));
const WORKSPACE: Record<string, string> = {
  '@mcpwire/protocol-core': resolve(here, '../../protocol-core/src/index.ts'),
};
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module reachable from `entry` through our sources, and the bare packages it imports. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    // Comments hold examples that import things (`@example` blocks): they are not imports.
    const source = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const match of source.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2];
      if (specifier === undefined) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else if (WORKSPACE[specifier] !== undefined) visit(WORKSPACE[specifier]);
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the ./browser entry', () => {
  it('imports nothing from node: nor ws, directly or through protocol-core', () => {
    const { files, packages } = importGraph(resolve(here, '../src/browser.ts'));
    // The walk must have reached the client, the connection core and protocol-core, or it proves nothing.
    expect([...files].some((file) => file.endsWith('client/browser.ts'))).toBe(true);
    expect([...files].some((file) => file.endsWith('internal/connection.ts'))).toBe(true);
    expect([...files].some((file) => file.includes('protocol-core/src/engine'))).toBe(true);
    const builtins = new Set(builtinModules);
    const forbidden = [...packages].filter(
      (name) => name.startsWith('node:') || builtins.has(name) || name === 'ws' || name.startsWith('ws/'),
    );
    expect(forbidden).toEqual([]);
    // No Node globals either: Buffer and process are not in browsers.
    for (const file of files) {
      if (!file.includes('transport-ws/src')) continue;
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bBuffer\.|\bprocess\./);
    }
  });

  it('the walk would catch a ws import', () => {
    // The Node entry does import ws: the same walk finds it there.
    expect(importGraph(resolve(here, '../src/index.ts')).packages.has('ws')).toBe(true);
  });

  it('exports the client only', () => {
    expect(Object.keys(browser).sort()).toEqual([
      'MCP_SUBPROTOCOL',
      'WebSocketClientTransport',
      'WebSocketCloseCode',
      'createWebSocketClientTransport',
    ]);
  });
});
