/**
 * The published build keeps class names: esbuild frees up a name by renaming a class (`_ProtocolError`)
 * unless told to keep names, and users read `error.constructor.name` in logs and error reporters.
 * Built here with the shared tsup configuration (ESM only, no types) into a temporary directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, expect, it } from 'vitest';
import shared from '../../../tsup.shared.js';

const outDir = mkdtempSync(join(tmpdir(), 'mcpwire-names-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it('every exported class of the built entry is named as exported', async () => {
  await build({
    ...shared,
    entry: [join(import.meta.dirname, '../src/index.ts')],
    format: ['esm'],
    dts: false,
    sourcemap: false,
    outDir,
    tsconfig: join(import.meta.dirname, '../tsconfig.build.json'),
    silent: true,
  });
  const built = (await import(pathToFileURL(join(outDir, 'index.js')).href)) as Record<string, unknown>;
  const classes = Object.entries(built).filter(
    ([name, value]) => typeof value === 'function' && /^[A-Z]/.test(name),
  );
  expect(classes.length).toBeGreaterThan(10);
  for (const [name, value] of classes) expect((value as { name: string }).name, name).toBe(name);
  const ProtocolError = built['ProtocolError'] as new (code: number, message: string) => Error;
  expect(new ProtocolError(-32600, 'x').constructor.name).toBe('ProtocolError');
  const TransportError = built['TransportError'] as new (code: string, message: string) => Error;
  expect(new TransportError('MCPWIRE_ERR_CLOSED', 'x').constructor.name).toBe('TransportError');
}, 60_000);
