/**
 * Scripted MCP servers for client tests: a ProtocolEngine with hand-written handlers on one end of a
 * linked fake transport pair, answering as a legacy, modern or dual-era server would (spec
 * `basic/versioning`, `basic/transports/stdio` "Backward Compatibility"). The test then connects an
 * McpClient to the other end and inspects both sides' traffic.
 */
import { McpClient } from '../../src/client/client.js';
import type { McpClientOptions } from '../../src/client/options.js';
import { ProtocolEngine } from '../../src/engine/engine.js';
import type { HandlerContext, RequestHandler } from '../../src/engine/types.js';
import { ProtocolError } from '../../src/errors.js';
import type { JSONRPCMessage, JSONRPCParams, JSONRPCRequest } from '../../src/jsonrpc.js';
import type { ServerCapabilities } from '../../src/types/capabilities.js';
import { FakeClock } from './fake-clock.js';
import { createFakePair, type FakeTransport } from './fake-transport.js';

/** How a legacy server answers the `server/discover` probe it does not know. */
export type LegacyProbeReply =
  | 'method-not-found'
  | 'invalid-params'
  | 'internal-error'
  | 'silent'
  | 'empty-result';

/** Options of {@link fakeServer}. */
export interface FakeServerOptions {
  /** Which eras the server speaks. */
  kind: 'legacy' | 'modern' | 'dual';
  /** Legacy versions the server accepts, newest first. @default all four */
  legacyVersions?: string[];
  /** Modern versions the server accepts. @default ['2026-07-28'] */
  modernVersions?: string[];
  /** Legacy-only servers: the answer to the probe. @default 'method-not-found' */
  probeReply?: LegacyProbeReply;
  capabilities?: ServerCapabilities;
  instructions?: string;
  /** Feature handlers by method (`tools/list`, `tools/call`, …), shared by both eras. */
  handlers?: Record<string, RequestHandler>;
  /** The clock to share (a second server for a reconnecting client). @default a new one */
  clock?: FakeClock;
  /** Modern servers: how many `server/discover` requests go unanswered first (a server still starting). @default 0 */
  unansweredProbes?: number;
}

/** The scripted server, the client's transport and the shared clock. */
export interface FakeServer {
  readonly engine: ProtocolEngine;
  /** The client's end: `sent` records everything the client sent. */
  readonly clientTransport: FakeTransport;
  readonly serverTransport: FakeTransport;
  readonly clock: FakeClock;
  /** Every message the client sent, in order. */
  sent(): JSONRPCMessage[];
  /** The requests the client sent, optionally of one method. */
  requests(method?: string): JSONRPCRequest[];
  /** Notification methods the client sent. */
  notifications(): string[];
}

export const SERVER_INFO = { name: 'fake-server', version: '9.9.9' };
const ALL_LEGACY = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];

function metaVersion(ctx: HandlerContext): unknown {
  return ctx.meta?.['io.modelcontextprotocol/protocolVersion'];
}

/** Lets every queued microtask and promise chain run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Builds a scripted server on a fresh linked pair and starts its engine. */
export async function fakeServer(options: FakeServerOptions): Promise<FakeServer> {
  const clock = options.clock ?? new FakeClock();
  const [clientTransport, serverTransport] = createFakePair();
  const engine = new ProtocolEngine({ timers: clock });
  const legacyVersions = options.legacyVersions ?? ALL_LEGACY;
  const modernVersions = options.modernVersions ?? ['2026-07-28'];
  const capabilities = options.capabilities ?? { tools: { listChanged: true } };
  const speaksModern = options.kind !== 'legacy';
  const speaksLegacy = options.kind !== 'modern';

  /** A modern request must name a version the server speaks: otherwise -32022 with the list. */
  const guard = (ctx: HandlerContext): void => {
    const requested = metaVersion(ctx);
    if (requested === undefined || !speaksModern || modernVersions.includes(String(requested))) return;
    throw new ProtocolError(-32022, 'Unsupported protocol version', {
      supported: [...modernVersions, ...(speaksLegacy ? legacyVersions : [])],
      requested,
    });
  };

  if (speaksModern) {
    let unanswered = options.unansweredProbes ?? 0;
    engine.setRequestHandler('server/discover', (_params, ctx) => {
      if (unanswered > 0) {
        unanswered -= 1;
        return new Promise<JSONRPCParams>(() => {});
      }
      guard(ctx);
      const result: JSONRPCParams = {
        resultType: 'complete',
        supportedVersions: [...modernVersions, ...(speaksLegacy ? legacyVersions : [])],
        capabilities,
        _meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO },
        ttlMs: 60_000,
        cacheScope: 'public',
      };
      if (options.instructions !== undefined) result['instructions'] = options.instructions;
      return result;
    });
  } else {
    const reply = options.probeReply ?? 'method-not-found';
    if (reply !== 'method-not-found') {
      engine.setRequestHandler('server/discover', () => {
        if (reply === 'invalid-params') throw new ProtocolError(-32602, 'Server not initialized');
        if (reply === 'internal-error') throw new ProtocolError(-32603, 'Internal error');
        if (reply === 'empty-result') return {};
        return new Promise<JSONRPCParams>(() => {});
      });
    }
  }
  if (speaksLegacy) {
    engine.setRequestHandler('initialize', (params) => {
      const offered = String(params?.['protocolVersion']);
      const chosen = legacyVersions.includes(offered) ? offered : legacyVersions[0];
      const result: JSONRPCParams = { protocolVersion: chosen, capabilities, serverInfo: SERVER_INFO };
      if (options.instructions !== undefined) result['instructions'] = options.instructions;
      return result;
    });
  } else {
    // A modern-only server names its versions when rejecting initialize (spec `basic/versioning`).
    engine.setRequestHandler('initialize', (params) => {
      throw new ProtocolError(-32602, `initialize is not supported; use ${modernVersions.join(', ')}`, {
        supported: modernVersions,
        requested: String(params?.['protocolVersion']),
      });
    });
  }
  for (const [method, handler] of Object.entries(options.handlers ?? {})) {
    engine.setRequestHandler(method, (params, ctx) => {
      guard(ctx);
      return handler(params, ctx);
    });
  }
  await engine.connect(serverTransport);
  const sent = (): JSONRPCMessage[] => clientTransport.messages;
  return {
    engine,
    clientTransport,
    serverTransport,
    clock,
    sent,
    requests: (method) =>
      sent().filter(
        (m): m is JSONRPCRequest =>
          'method' in m && 'id' in m && (method === undefined || m.method === method),
      ),
    notifications: () => sent().flatMap((m) => ('method' in m && !('id' in m) ? [m.method] : [])),
  };
}

/** A client on the server's clock, with test-friendly defaults; not yet connected. */
export function clientFor(server: FakeServer, options?: McpClientOptions): McpClient {
  return new McpClient(
    { name: 'test-client', version: '1.0.0' },
    { ...options, engine: { timers: server.clock, ...options?.engine } },
  );
}

/** Connects a new client to the server and returns it. */
export async function connectedClient(server: FakeServer, options?: McpClientOptions): Promise<McpClient> {
  const client = clientFor(server, options);
  await client.connect(server.clientTransport);
  return client;
}

/** Connects while advancing the fake clock, for probes that only end by timing out. */
export async function connectWithTimeout(
  server: FakeServer,
  client: McpClient,
  advanceMs: number,
): Promise<void> {
  const connecting = client.connect(server.clientTransport);
  await flush();
  server.clock.advance(advanceMs);
  await connecting;
}
