// The shared Transport contract over a real HTTP+SSE connection on 127.0.0.1: `a` is our client
// transport, `b` the server transport our handler made for its GET (reached through a stand-in until
// then, see support/deferred-transport.ts). Raw frames towards `a` are written on the server's event
// stream as `message` events, exactly where b's own messages travel.
import { describeTransportSuite } from '@mcpwire/test-utils';
import { vi } from 'vitest';
import { createSseClientTransport as createFetchTransport } from '../src/fetch.js';
import { createSseClientTransport, type SseServerTransport } from '../src/index.js';
import { DeferredTransport } from './support/deferred-transport.js';
import { mount } from './support/fixtures.js';

const MAX_MESSAGE_BYTES = 64 * 1024;

// 1,000 messages each way over real HTTP take ~2 s here and several times that on a loaded CI machine
// (13 s measured with the CPU oversubscribed): the suite's cases get more than the default 20 s.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

function harness(create: typeof createSseClientTransport) {
  return async () => {
    let connected!: (transport: SseServerTransport) => void;
    const ready = new Promise<SseServerTransport>((resolve) => {
      connected = resolve;
    });
    // The factory form: the transport is handed over unstarted, as the suite wants it.
    const mounted = await mount({ server: (transport) => connected(transport) }, false);
    const a = create({ url: mounted.url, maxMessageBytes: MAX_MESSAGE_BYTES });
    return {
      a,
      b: new DeferredTransport(ready),
      injectRawToA: async (raw: string) => {
        const stream = mounted.streams[0];
        if (stream === undefined) throw new Error('no event stream open yet');
        await new Promise<void>((resolve, reject) =>
          stream.write(`event: message\ndata: ${raw}\n\n`, (error) => (error ? reject(error) : resolve())),
        );
      },
      rawFrameTerminator: '',
      answersMalformedFrames: false,
      maxMessageBytes: MAX_MESSAGE_BYTES,
      // Waits end as soon as the message comes; a loaded CI machine may need more than the default 5 s.
      waitTimeoutMs: 15_000,
      dispose: () => mounted.close(),
    };
  };
}

describeTransportSuite('http+sse (our client over undici ↔ our server)', harness(createSseClientTransport));
describeTransportSuite('http+sse (our client over fetch ↔ our server)', harness(createFetchTransport));
