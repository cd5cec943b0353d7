// Moving from the official SDK 1.x is an import rename: test/sdk-port holds an SDK-style stdio server
// and client twice, once with the SDK's imports and once with ours, their bodies byte for byte the
// same. Each client runs against each server in real child processes, and all four agree.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run as runOurs } from './sdk-port/client.ours.js';
import { run as runSdk } from './sdk-port/client.sdk.js';

const MARKER = '// --- body: identical in both ports ---';

function port(name: string): string {
  return fileURLToPath(new URL(`./sdk-port/${name}`, import.meta.url));
}

/** What follows the import lines. */
function body(name: string): string {
  const text = readFileSync(port(name), 'utf8');
  const at = text.indexOf(MARKER);
  expect(at, `${name} has the body marker`).toBeGreaterThan(0);
  return text.slice(at);
}

/** The import lines: everything before the body, minus comments. */
function imports(name: string): string[] {
  const text = readFileSync(port(name), 'utf8');
  return text
    .slice(0, text.indexOf(MARKER))
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('//'));
}

// The server sources are TypeScript: run through tsx's loader, with the workspace's source condition.
const serverArgs = (name: string) => ['--conditions=@mcpwire/source', '--import', 'tsx', port(name)];

const expected = {
  server: 'calculator',
  tools: ['multiply'],
  text: '6 × 7 = 42',
  structured: { product: 42 },
};

describe('an SDK 1.x stdio server and client, ported by renaming imports', () => {
  it('differ from the SDK originals in their import lines only', () => {
    for (const kind of ['server', 'client']) {
      expect(body(`${kind}.ours.ts`)).toBe(body(`${kind}.sdk.ts`));
      const ours = imports(`${kind}.ours.ts`);
      expect(ours.every((line) => line.startsWith('import '))).toBe(true);
      expect(ours.join('\n')).not.toContain('@modelcontextprotocol');
    }
  });

  it('our client against our server', async () => {
    expect(await runOurs(process.execPath, serverArgs('server.ours.ts'))).toEqual(expected);
  });

  it('the same answers as the SDK client against the SDK server, and across', async () => {
    expect(await runSdk(process.execPath, serverArgs('server.sdk.ts'))).toEqual(expected);
    expect(await runOurs(process.execPath, serverArgs('server.sdk.ts'))).toEqual(expected);
    expect(await runSdk(process.execPath, serverArgs('server.ours.ts'))).toEqual(expected);
  });
});
