// The README's "For transport authors" example is this package's test/examples/transport-kit-readme.ts,
// word for word: typecheck compiles it, and this test runs it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JSONRPCMessage } from '../src/index.js';
import { PortTransport, type TextPort } from './examples/transport-kit-readme.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Two ports joined back to back. */
function portPair(): [TextPort, TextPort] {
  const listeners: ((text: string) => void)[] = [];
  const port = (self: number): TextPort => ({
    post: (text) => listeners[1 - self]?.(text),
    listen: (onText) => {
      listeners[self] = onText;
    },
  });
  return [port(0), port(1)];
}

describe('README: For transport authors', () => {
  it('shows the example file as it is', () => {
    const readme = readFileSync(resolve(here, '../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## For transport authors'));
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBe(readFileSync(resolve(here, 'examples/transport-kit-readme.ts'), 'utf8'));
  });

  it('the example transport delivers, reports and answers as the kit says', async () => {
    const [a, b] = portPair();
    const left = new PortTransport(a, 256);
    const right = new PortTransport(b, 256);
    const got: JSONRPCMessage[] = [];
    const errors: string[] = [];
    right.onmessage = (message) => got.push(message);
    right.onerror = (error) => errors.push((error as { code?: string }).code ?? error.message);
    left.onmessage = (message) => got.push(message);
    await Promise.all([left.start(), right.start()]);
    await left.send({ jsonrpc: '2.0', id: 1, method: 'ping' });
    a.post('{oops');
    a.post(`"${'x'.repeat(300)}"`);
    // The -32700 answer goes back through send(), a promise later.
    await expect.poll(() => got.length).toBe(2);
    expect(got).toEqual([
      { jsonrpc: '2.0', id: 1, method: 'ping' },
      { jsonrpc: '2.0', id: null, error: expect.objectContaining({ code: -32700 }) },
    ]);
    expect(errors).toEqual(['MCPWIRE_ERR_PARSE', 'MCPWIRE_ERR_MESSAGE_TOO_LARGE']);
    let closed = 0;
    left.onclose = () => closed++;
    await left.close();
    await left.close();
    expect(closed).toBe(1);
  });
});
