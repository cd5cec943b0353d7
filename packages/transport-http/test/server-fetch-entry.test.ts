// The server half of the `./fetch` entry loads in browsers, workers, Deno and Bun: nothing it imports,
// directly or through protocol-core (its root and its transport kit), comes from `node:` or undici.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importGraph, nodeOnlyImports } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g;

describe('the ./fetch entry (server modules)', () => {
  const fetchEntry = readFileSync(resolve(SRC, 'fetch.ts'), 'utf8');
  const serverModules = [...fetchEntry.matchAll(IMPORT)]
    .map(([, specifier]) => specifier!)
    .filter((specifier) => specifier.startsWith('./server/'));
  // What protocol-core itself imports (zod): the only packages a server module may reach.
  const corePackages = importGraph(resolve(SRC, '../../protocol-core/src/index.ts')).packages;

  it('exports the Web handler and no Node handler', () => {
    expect(serverModules).toContain('./server/web-handler.js');
    expect(serverModules).not.toContain('./server/node-handler.js');
  });

  it.each(serverModules)('%s imports nothing from node: or undici', (module) => {
    const graph = importGraph(resolve(SRC, module.replace(/\.js$/, '.ts')));
    expect(nodeOnlyImports(graph, ['undici'])).toEqual([]);
    // The walk went through protocol-core's transport kit, so it would catch a node: import there too.
    expect([...graph.files].some((file) => file.includes('protocol-core/src/transport-kit/'))).toBe(true);
    // Its only package import is the protocol core.
    for (const name of graph.packages) expect([...corePackages]).toContain(name);
  });

  it('the same walk catches the Node handler', () => {
    const graph = importGraph(resolve(SRC, 'server/node-handler.ts'));
    expect(nodeOnlyImports(graph, ['undici'])).toContain('node:http');
  });
});
