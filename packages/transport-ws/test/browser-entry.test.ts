// The `./browser` entry: nothing in its import graph reaches `node:` or `ws` (so browsers, workers,
// Deno and Bun can load it), checked by walking the sources it imports, protocol-core's included.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importGraph, nodeOnlyImports } from '@mcpwire/test-utils';
import { describe, expect, it } from 'vitest';
import * as browser from '../src/browser.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('the ./browser entry', () => {
  it('imports nothing from node: nor ws, directly or through protocol-core', () => {
    const graph = importGraph(resolve(here, '../src/browser.ts'));
    const { files } = graph;
    // The walk must have reached the client, the connection core and protocol-core, or it proves nothing.
    expect([...files].some((file) => file.endsWith('client/browser.ts'))).toBe(true);
    expect([...files].some((file) => file.endsWith('internal/connection.ts'))).toBe(true);
    expect([...files].some((file) => file.includes('protocol-core/src/engine'))).toBe(true);
    expect(nodeOnlyImports(graph, ['ws'])).toEqual([]);
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
