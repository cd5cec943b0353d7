// The dependency rules, checked on the sources: no transport imports another transport, every
// published package peer-depends on protocol-core, and the browser-safe entries reach nothing from
// `node:`, protocol-core's transport kit included.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph, nodeOnlyImports } from '../src/import-graph.js';

const packages = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const core = resolve(packages, 'protocol-core');
const transports = readdirSync(packages).filter(
  (name) => name.startsWith('transport-') || name === 'in-memory',
);

interface Manifest {
  name: string;
  peerDependencies?: Record<string, string>;
  exports: Record<string, string | { '@mcpwire/source'?: string }>;
}
const manifestOf = (dir: string): Manifest =>
  JSON.parse(readFileSync(resolve(packages, dir, 'package.json'), 'utf8')) as Manifest;

describe('dependency rules', () => {
  it.each(transports)('%s imports no other transport, and peer-depends on protocol-core', (name) => {
    const manifest = manifestOf(name);
    expect(manifest.peerDependencies?.['@mcpwire/protocol-core']).toMatch(/^\^0\./);
    for (const [, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string' || target['@mcpwire/source'] === undefined) continue;
      const graph = importGraph(resolve(packages, name, target['@mcpwire/source']));
      const siblings = [...graph.packages].filter((p) => p.startsWith('@mcpwire/') && p !== manifest.name);
      expect(siblings).toEqual([]);
      for (const file of graph.files) {
        expect(file.startsWith(resolve(packages, name)) || file.startsWith(core), file).toBe(true);
      }
    }
  });

  it('the ./transport-kit entry imports nothing from node:, ./transport-kit/node does', () => {
    const kit = importGraph(resolve(core, 'src/transport-kit/index.ts'));
    expect([...kit.files].some((file) => file.endsWith('inbound-buffer.ts'))).toBe(true);
    expect(nodeOnlyImports(kit, [])).toEqual([]);
    const node = importGraph(resolve(core, 'src/transport-kit/node.ts'));
    expect(nodeOnlyImports(node, [])).toContain('node:http');
  });

  it('follows every protocol-core entry a transport imports, the kit included', () => {
    const graph = importGraph(resolve(packages, 'transport-ws/src/browser.ts'));
    expect([...graph.packages].filter((name) => name.startsWith('@mcpwire/'))).toEqual([]);
  });
});
