// readNodeBody lets go of the raw body once it is read: its listeners stay on the request (cheaper
// than removing them), and a long-lived request such as a listen stream must not keep megabytes alive.
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { readNodeBody } from '../src/transport-kit/node.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

it('keeps no reference to the body chunks once the body was read', async () => {
  const req = Object.assign(new PassThrough(), { headers: {} }) as unknown as IncomingMessage & PassThrough;
  let chunk: Buffer | undefined = Buffer.from(`{"text":"${'x'.repeat(1_000_000)}"}`);
  const released = new WeakRef(chunk);
  const reading = readNodeBody(req, 4 * 1024 * 1024);
  req.end(chunk);
  chunk = undefined;
  const read = await reading;
  expect(read.kind).toBe('text');
  // WeakRef targets live to the end of the current job: collect from a later one.
  await new Promise((resolve) => setTimeout(resolve, 10));
  gc();
  expect(released.deref()).toBeUndefined();
  // The request itself (and the listeners on it) is still alive here.
  expect(req.listenerCount('data')).toBeGreaterThan(0);
});
