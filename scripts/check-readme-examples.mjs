#!/usr/bin/env node
// Type-checks every ```ts / ```typescript block of the repo's READMEs, so an example cannot import a
// package or a name that does not exist. Each block is written as a module beside its README (in a
// git-ignored `.readme-examples/` folder, so its third-party imports resolve from that package's
// node_modules); `@mcpwire/*` resolves to the workspace sources through the `@mcpwire/source` entries of
// the packages' exports maps. One tsc run checks all blocks.
//
// A block that is deliberately not compilable is opted out by the line right before its fence:
//   <!-- not-checked: why this block does not compile -->
// The reason is required.
//
// Usage: node scripts/check-readme-examples.mjs [README.md ...]   (default: the root README and every
// README.md of packages/* and apps/*). Exits 1 naming README:line and the TypeScript error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMP = '.readme-examples';
const FENCE_OPEN = /^```(ts|typescript)(\s.*)?$/;
const MARKER = /^<!--\s*not-checked(?::\s*(.*?))?\s*-->\s*$/;

function defaultReadmes() {
  const found = [join(root, 'README.md')];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, group)).sort()) {
      const readme = join(root, group, name, 'README.md');
      if (existsSync(readme)) found.push(readme);
    }
  }
  return found.filter((file) => existsSync(file));
}

/** The ts blocks of one README: `{ line, code }` with `line` the fence's 1-based line, plus marker problems. */
function extractBlocks(file) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const blocks = [];
  const problems = [];
  let skipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('```')) continue;
    const isTs = FENCE_OPEN.test(line.trim());
    const end = lines.findIndex((l, j) => j > i && l.trimEnd() === '```');
    if (end === -1) {
      problems.push({ line: i + 1, message: 'code fence is never closed' });
      break;
    }
    const marker = MARKER.exec((lines[i - 1] ?? '').trim());
    if (marker && !marker[1]) {
      problems.push({
        line: i,
        message: 'not-checked marker without a reason (write <!-- not-checked: why -->)',
      });
    }
    if (isTs && marker) skipped++;
    else if (isTs) blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  // A marker anywhere else (not right before a ts fence) would silently check nothing: refuse it.
  lines.forEach((line, i) => {
    if (MARKER.test(line.trim()) && !FENCE_OPEN.test((lines[i + 1] ?? '').trim())) {
      problems.push({ line: i + 1, message: 'not-checked marker that is not right before a ```ts fence' });
    }
  });
  return { blocks, problems, skipped };
}

/** `paths` entries mapping every `@mcpwire/*` entry point to the source file its exports map names. */
function sourcePaths() {
  const paths = {};
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, group))) {
      const manifest = join(root, group, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
        const source = typeof target === 'object' && target !== null ? target['@mcpwire/source'] : undefined;
        if (typeof source !== 'string') continue;
        const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`;
        paths[specifier] = [relative(join(root, TEMP), join(root, group, name, source))];
      }
    }
  }
  return paths;
}

const readmes =
  process.argv.slice(2).length > 0 ? process.argv.slice(2).map((f) => resolve(f)) : defaultReadmes();
const failures = [];
const files = new Map(); // example file -> { readme, line }
let skipped = 0;
const tempDirs = new Set([join(root, TEMP)]);

function cleanUp() {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

cleanUp();
for (const readme of readmes) {
  const extracted = extractBlocks(readme);
  skipped += extracted.skipped;
  for (const problem of extracted.problems)
    failures.push(`${relative(root, readme)}:${problem.line}: ${problem.message}`);
  const dir = join(dirname(readme), TEMP);
  for (const block of extracted.blocks) {
    tempDirs.add(dir);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${relative(root, readme).replace(/[^A-Za-z0-9]+/g, '-')}-L${block.line}.ts`);
    // `export {}` makes each block a module of its own, whatever its package's "type" says.
    writeFileSync(file, `${block.code}\nexport {};\n`);
    files.set(file, { readme, line: block.line });
  }
}

if (files.size > 0) {
  mkdirSync(join(root, TEMP), { recursive: true });
  const tsconfig = {
    extends: '../tsconfig.base.json',
    compilerOptions: {
      types: ['node'],
      lib: ['ES2023', 'DOM'],
      isolatedDeclarations: false,
      declaration: false,
      declarationMap: false,
      paths: sourcePaths(),
    },
    files: [...files.keys()].map((file) => relative(join(root, TEMP), file)),
  };
  writeFileSync(join(root, TEMP, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(
    process.execPath,
    [tsc, '-p', join(root, TEMP, 'tsconfig.json'), '--pretty', 'false'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  // tsc prints `path(line,col): error TSnnnn: message`, continuation lines indented.
  let current;
  for (const raw of output.split('\n')) {
    const match = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/.exec(raw);
    if (match) {
      const file = resolve(root, match[1] ?? '');
      const origin = files.get(file);
      current = origin
        ? `${relative(root, origin.readme)}:${origin.line + Number(match[2])} (block at line ${origin.line}): ${match[4]}`
        : `${relative(root, file)}:${match[2]}: ${match[4]}`;
      failures.push(current);
    } else if (raw.startsWith(' ') && current) {
      failures[failures.length - 1] += `\n  ${raw.trim()}`;
    } else if (raw.trim() !== '') {
      failures.push(raw);
    }
  }
  if (run.status !== 0 && failures.length === 0) failures.push(`tsc exited with ${run.status ?? run.signal}`);
}

if (!process.env.KEEP_README_EXAMPLES) cleanUp();
for (const failure of failures) console.error(failure);
const summary = `${files.size} ts blocks in ${readmes.length} READMEs type-checked, ${skipped} marked not-checked`;
if (failures.length > 0) {
  console.error(`readme examples: FAILED, ${failures.length} error(s); ${summary}`);
  process.exit(1);
}
console.log(`readme examples: ok, ${summary}`);
