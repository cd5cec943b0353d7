// The server half of the `./fetch` entry loads in browsers, workers, Deno and Bun: nothing it imports,
// directly or through other modules, comes from `node:` or undici.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g;

/** Every module specifier reachable from `entry` through relative imports, with the file that imports it. */
function importGraph(entry: string): Map<string, string> {
  const seen = new Set<string>();
  const specifiers = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else specifiers.set(specifier!, file);
    }
  };
  visit(entry);
  return specifiers;
}

describe('the ./fetch entry (server modules)', () => {
  const fetchEntry = readFileSync(resolve(SRC, 'fetch.ts'), 'utf8');
  const serverModules = [...fetchEntry.matchAll(IMPORT)]
    .map(([, specifier]) => specifier!)
    .filter((specifier) => specifier.startsWith('./server/'));

  it('exports the Web handler and no Node handler', () => {
    expect(serverModules).toContain('./server/web-handler.js');
    expect(serverModules).not.toContain('./server/node-handler.js');
  });

  it.each(serverModules)('%s imports nothing from node: or undici', (module) => {
    const external = [...importGraph(resolve(SRC, module.replace(/\.js$/, '.ts'))).keys()];
    expect(
      external.filter((specifier) => specifier.startsWith('node:') || specifier.startsWith('undici')),
    ).toEqual([]);
    // Its only package import is the protocol core.
    for (const specifier of external) expect(['@mcpwire/protocol-core']).toContain(specifier);
  });
});
