// Counts the exports of each entry point of a package, runtime values and types apart, read from the
// sources with the TypeScript checker (a class or an enum-like const counts as a value).
// Usage: node scripts/count-exports.mjs packages/protocol-core
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const dir = resolve(process.argv[2] ?? 'packages/protocol-core');
const manifest = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'));
const entries = Object.entries(manifest.exports)
  .filter(([, target]) => typeof target === 'object' && target['@mcpwire/source'])
  .map(([subpath, target]) => [subpath, resolve(dir, target['@mcpwire/source'])]);
const program = ts.createProgram(
  entries.map(([, file]) => file),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    types: [],
  },
);
const checker = program.getTypeChecker();
console.log(
  'entry'.padEnd(18),
  'values'.padStart(7),
  'types'.padStart(6),
  'total'.padStart(6),
  'deprecated'.padStart(11),
);
for (const [subpath, file] of entries) {
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`cannot read ${file}`);
  let values = 0;
  let types = 0;
  let deprecated = 0;
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (target.flags & ts.SymbolFlags.Value) values++;
    else types++;
    if (target.getJsDocTags().some((tag) => tag.name === 'deprecated')) deprecated++;
  }
  console.log(
    subpath.padEnd(18),
    String(values).padStart(7),
    String(types).padStart(6),
    String(values + types).padStart(6),
    String(deprecated).padStart(11),
  );
}
