/**
 * Walks the TypeScript sources an entry point imports, to prove a browser-safe entry reaches nothing
 * from `node:` (or a Node-only package). Relative imports and the entries of the workspace's
 * protocol-core (`.`, `./transport-kit`, …, read from its exports map) are followed through their
 * sources; anything else is recorded as a bare package.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROTOCOL_CORE = resolve(dirname(fileURLToPath(import.meta.url)), '../../protocol-core');

/** The source file behind each entry of protocol-core's exports map: its `@mcpwire/source` condition. */
function protocolCoreEntries(): ReadonlyMap<string, string> {
  const manifest = JSON.parse(readFileSync(resolve(PROTOCOL_CORE, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { '@mcpwire/source'?: string }>;
  };
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const source = typeof target === 'string' ? undefined : target['@mcpwire/source'];
    if (source !== undefined)
      entries.set(`@mcpwire/protocol-core${subpath.slice(1)}`, resolve(PROTOCOL_CORE, source));
  }
  return entries;
}

const PROTOCOL_CORE_ENTRIES = protocolCoreEntries();

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
