/**
 * Walks the TypeScript sources an entry point imports, to prove a browser-safe entry reaches nothing
 * from `node:` (or a Node-only package). Relative imports and the workspace's protocol-core (its root
 * and every subpath of its exports map) are followed through their sources; anything else is recorded
 * as a bare package.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROTOCOL_CORE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../protocol-core');

/** `@mcpwire/protocol-core[/subpath]` -> its source file, read from the exports map's source condition. */
const PROTOCOL_CORE_ENTRIES: ReadonlyMap<string, string> = (() => {
  const manifest = JSON.parse(readFileSync(resolve(PROTOCOL_CORE_DIR, 'package.json'), 'utf8')) as {
    exports: Record<string, string | Record<string, unknown>>;
  };
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const source = typeof target === 'object' ? target['@mcpwire/source'] : undefined;
    if (typeof source !== 'string') continue;
    entries.set(`@mcpwire/protocol-core${subpath.slice(1)}`, resolve(PROTOCOL_CORE_DIR, source));
  }
  return entries;
})();

/** The source file of every entry point of protocol-core, by specifier (`@mcpwire/protocol-core/client`...). */
export function protocolCoreEntries(): ReadonlyMap<string, string> {
  return PROTOCOL_CORE_ENTRIES;
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** What an entry reaches: our source files, and the bare packages they import. */
export interface ImportGraph {
  readonly files: Set<string>;
  readonly packages: Set<string>;
}

/** Every source file reachable from `entry` (protocol-core's included) and the packages imported. */
export function importGraph(entry: string): ImportGraph {
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
      const core = PROTOCOL_CORE_ENTRIES.get(specifier);
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else if (core !== undefined) visit(core);
      else if (specifier.startsWith('@mcpwire/protocol-core/'))
        throw new Error(`${file}: no such entry ${specifier}`);
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

/** The packages of `graph` a browser cannot load: Node built-ins and the Node-only `packages` named. */
export function nodeOnlyImports(graph: ImportGraph, nodeOnlyPackages: readonly string[]): string[] {
  const builtins = new Set(builtinModules);
  return [...graph.packages].filter(
    (name) =>
      name.startsWith('node:') ||
      builtins.has(name) ||
      nodeOnlyPackages.some((banned) => name === banned || name.startsWith(`${banned}/`)),
  );
}
