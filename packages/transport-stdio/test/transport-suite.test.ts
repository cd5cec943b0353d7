import { PassThrough } from 'node:stream';
import { describeTransportSuite } from '@mcpwire/test-utils';
import { createStdioStreamTransport } from '../src/index.js';

const MAX_MESSAGE_BYTES = 64 * 1024;

// Two stream transports joined by a pair of PassThroughs: what a writes, b reads, and back.
describeTransportSuite('stdio (stream pair)', async () => {
  const aToB = new PassThrough();
  const bToA = new PassThrough();
  const a = createStdioStreamTransport({
    readable: bToA,
    writable: aToB,
    maxMessageBytes: MAX_MESSAGE_BYTES,
  });
  const b = createStdioStreamTransport({
    readable: aToB,
    writable: bToA,
    maxMessageBytes: MAX_MESSAGE_BYTES,
  });
  return {
    a,
    b,
    // Raw text goes onto b's outgoing wire, exactly where b's own lines travel.
    injectRawToA: (raw) =>
      new Promise<void>((resolve, reject) => bToA.write(raw, (error) => (error ? reject(error) : resolve()))),
    answersMalformedFrames: true,
    maxMessageBytes: MAX_MESSAGE_BYTES,
    dispose: async () => {
      aToB.destroy();
      bToA.destroy();
    },
  };
});
