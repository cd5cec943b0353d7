// Shared by the HTTP bench servers: tell the parent where the server listens, and exit with the parent.
// Spawned by the bench (stdio pipes): the URL goes out as one JSON line on stdout, and the end of stdin
// means the parent is gone. Forked by session-memory (IPC): the parent can also ask for the heap after gc.

/**
 * Reports `url` to the parent. `stats()` adds numbers to heap reports (e.g. how many sessions the server
 * holds, so the parent can check that every session it opened is still there).
 */
export function announce(url, { stats = () => ({}) } = {}) {
  if (process.send) {
    process.on('message', (msg) => {
      if (msg?.type !== 'heap') return;
      // Several passes: weak references and finalizers are freed in later cycles.
      for (let i = 0; i < 4; i++) globalThis.gc?.();
      process.send({
        type: 'heap',
        heapUsed: process.memoryUsage().heapUsed,
        gc: globalThis.gc !== undefined,
        ...stats(),
      });
    });
    process.on('disconnect', () => process.exit(0));
    process.send({ type: 'listening', url });
  } else {
    process.stdin.resume();
    process.stdin.on('end', () => process.exit(0));
    process.stdout.write(`${JSON.stringify({ url })}\n`);
  }
}

/** Starts `server` (a node:http Server) on 127.0.0.1, port 0, and announces its `/mcp` URL. */
export function listenAndAnnounce(server, options) {
  server.listen(0, '127.0.0.1', () => {
    announce(`http://127.0.0.1:${server.address().port}/mcp`, options);
  });
}
