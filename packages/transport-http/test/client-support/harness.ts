/** Opens transports against fake servers and closes everything after each test. */
import { TransportRecorder } from '@mcpwire/test-utils';
import { createEraCache, createStreamableHttpClientTransport } from '../../src/index.js';
import type {
  NodeStreamableHttpClientTransportOptions,
  StreamableHttpClientTransport,
} from '../../src/index.js';
import { type FakeServer, type Handler, startFakeServer } from './fake-server.js';

export interface Opened {
  readonly server: FakeServer;
  readonly transport: StreamableHttpClientTransport;
  readonly recorder: TransportRecorder;
}

/** Tracks what a test opened, for afterEach. */
export class Harness {
  readonly #servers: FakeServer[] = [];
  readonly #transports: StreamableHttpClientTransport[] = [];

  async server(handler: Handler): Promise<FakeServer> {
    const server = await startFakeServer(handler);
    this.#servers.push(server);
    return server;
  }

  /** A started transport to `server`, with reconnection delays short enough for tests. */
  async transport(
    server: FakeServer,
    options: Partial<NodeStreamableHttpClientTransportOptions> = {},
  ): Promise<{ transport: StreamableHttpClientTransport; recorder: TransportRecorder }> {
    const transport = createStreamableHttpClientTransport({
      url: server.url,
      eraCache: createEraCache(),
      reconnect: { initialDelayMs: 5 },
      ...options,
    });
    this.#transports.push(transport);
    // A generous wait: it ends as soon as the event comes, and a loaded CI machine may take seconds.
    const recorder = new TransportRecorder(transport, { timeoutMs: 10_000 });
    await transport.start();
    return { transport, recorder };
  }

  async open(
    handler: Handler,
    options: Partial<NodeStreamableHttpClientTransportOptions> = {},
  ): Promise<Opened> {
    const server = await this.server(handler);
    return { server, ...(await this.transport(server, options)) };
  }

  track(transport: StreamableHttpClientTransport): void {
    this.#transports.push(transport);
  }

  async dispose(): Promise<void> {
    await Promise.allSettled(this.#transports.splice(0).map((t) => t.close()));
    await Promise.allSettled(this.#servers.splice(0).map((s) => s.close()));
  }
}
