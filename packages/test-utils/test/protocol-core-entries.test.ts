// protocol-core's entry points keep their promises: each browser-safe one reaches nothing from `node:`,
// and `/client` carries no server code (nor `/server` client code), so a browser app that only
// connects to a server bundles none of it.
import { describe, expect, it } from 'vitest';
import { type ImportGraph, importGraph, nodeOnlyImports, protocolCoreEntries } from '../src/import-graph.js';

const entries = protocolCoreEntries();

function graphOf(specifier: string): ImportGraph {
  const source = entries.get(specifier);
  if (source === undefined) throw new Error(`protocol-core has no entry ${specifier}`);
  return importGraph(source);
}

const reaches = (graph: ImportGraph, folder: string): string[] =>
  [...graph.files].filter((file) => file.includes(`/protocol-core/src/${folder}`));

describe('protocol-core entry points', () => {
  it('are read from the exports map, root and subpaths', () => {
    for (const name of ['', '/schemas', '/client', '/server']) {
      expect(entries.has(`@mcpwire/protocol-core${name}`)).toBe(true);
    }
  });

  // A `/node` subpath is Node-only by name; every other entry loads in a browser.
  it.each(
    [...entries.keys()].filter((name) => !name.endsWith('/node')),
  )('%s imports nothing from node:', (name) => {
    const graph = graphOf(name);
    expect(graph.files.size).toBeGreaterThan(1);
    expect(nodeOnlyImports(graph, [])).toEqual([]);
  });

  it('/client reaches the client and no server code', () => {
    const graph = graphOf('@mcpwire/protocol-core/client');
    expect(reaches(graph, 'client/client.ts')).toHaveLength(1);
    expect(reaches(graph, 'server/')).toEqual([]);
    expect(reaches(graph, 'uri-template.ts')).toEqual([]);
  });

  it('/server reaches the server and no client code', () => {
    const graph = graphOf('@mcpwire/protocol-core/server');
    expect(reaches(graph, 'server/mcp-server.ts')).toHaveLength(1);
    expect(reaches(graph, 'server/request-state.ts')).toHaveLength(1);
    expect(reaches(graph, 'client/')).toEqual([]);
  });

  it('/schemas reaches neither side', () => {
    const graph = graphOf('@mcpwire/protocol-core/schemas');
    expect(reaches(graph, 'types/method-table.ts')).toHaveLength(1);
    expect([...reaches(graph, 'client/'), ...reaches(graph, 'server/')]).toEqual([]);
  });

  it('the walk follows a subpath import (it would see a server import from /client)', () => {
    const root = graphOf('@mcpwire/protocol-core');
    expect(reaches(root, 'server/')).not.toEqual([]);
    expect(reaches(root, 'client/')).not.toEqual([]);
  });
});
