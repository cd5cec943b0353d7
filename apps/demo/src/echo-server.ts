// The demo's stdio server: the protocol engine answering `demo/echo` and `demo/slow` on stdin/stdout.
// Logs go to stderr, since stdout carries the protocol.
import { ProtocolEngine } from '@mcpwire/protocol-core';
import { createStdioServerTransport } from '@mcpwire/transport-stdio';

const engine = new ProtocolEngine();
engine.setRequestHandler('demo/echo', (params) => ({ ...params }));
engine.setRequestHandler('demo/slow', async (params, ctx) => {
  const steps = typeof params?.['steps'] === 'number' ? params['steps'] : 3;
  for (let step = 1; step <= steps; step++) {
    if (ctx.signal.aborted) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ctx.sendProgress(step, steps, `step ${step} of ${steps}`);
  }
  return { done: !ctx.signal.aborted, steps };
});
engine.onclose = () => process.stderr.write('[echo-server] stdin closed, exiting\n');
await engine.connect(createStdioServerTransport());
process.stderr.write(`[echo-server] pid ${process.pid} serving on stdio\n`);
