/**
 * Era detection (spec `basic/versioning`, stdio "Backward Compatibility"): the `server/discover`
 * probe against scripted legacy servers (-32601, -32602, -32603, `{}`, silence on a fake clock),
 * modern and dual-era servers, -32022 handling, the legacy handshake, pinned and cached eras.
 */
import { describe, expect, it } from 'vitest';
import { ProtocolError, TransportError, TransportErrorCode } from '../src/errors.js';
import type { JSONRPCRequest } from '../src/jsonrpc.js';
import type { Transport } from '../src/transport.js';
import {
  clientFor,
  connectedClient,
  connectWithTimeout,
  fakeServer,
  flush,
  type LegacyProbeReply,
  SERVER_INFO,
} from './support/client-fake-server.js';
import { assertClientTraffic } from './support/client-wire.js';

const metaVersion = (request: JSONRPCRequest | undefined): unknown =>
  (request?.params?.['_meta'] as Record<string, unknown> | undefined)?.[
    'io.modelcontextprotocol/protocolVersion'
  ];

describe('McpClient era detection: legacy servers', () => {
  const replies: LegacyProbeReply[] = [
    'method-not-found',
    'invalid-params',
    'internal-error',
    'empty-result',
  ];
  it.each(replies)('falls back to initialize when the probe is answered with %s', async (probeReply) => {
    const server = await fakeServer({ kind: 'legacy', probeReply, instructions: 'be nice' });
    const versions: string[] = [];
    const transport: Transport = server.clientTransport;
    transport.setProtocolVersion = (v: string) => void versions.push(v);
    const client = await connectedClient(server);
    expect(versions).toEqual(['2025-11-25']);
    expect(server.sent().map((m) => ('method' in m ? m.method : 'response'))).toEqual([
      'server/discover',
      'initialize',
      'notifications/initialized',
    ]);
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-11-25');
    expect(client.serverInfo).toEqual(SERVER_INFO);
    expect(client.serverCapabilities).toEqual({ tools: { listChanged: true } });
    expect(client.instructions).toBe('be nice');
    // The probe carried our preferred modern version, as the stdio binding asks.
    expect(metaVersion(server.requests('server/discover')[0])).toBe('2026-07-28');
    assertClientTraffic('2025-11-25', server.sent());
    await client.close();
  });

  it('falls back when the probe gets no answer within probeTimeoutMs (fake clock)', async () => {
    const server = await fakeServer({ kind: 'legacy', probeReply: 'silent' });
    const client = clientFor(server, { probeTimeoutMs: 1000 });
    const connecting = client.connect(server.clientTransport);
    await flush();
    server.clock.advance(999);
    await flush();
    expect(server.requests('initialize')).toHaveLength(0);
    server.clock.advance(1);
    await connecting;
    expect(client.era).toBe('legacy');
    // The timed-out probe is cancelled, per the spec's timeout rule.
    expect(server.notifications()).toEqual(['notifications/cancelled', 'notifications/initialized']);
    assertClientTraffic('2025-11-25', server.sent());
  });

  it.each([
    '2025-11-25',
    '2025-06-18',
    '2025-03-26',
    '2024-11-05',
  ])('accepts the legacy version %s the server chooses, and every message it sends is valid for it', async (version) => {
    const server = await fakeServer({ kind: 'legacy', legacyVersions: [version] });
    const client = await connectedClient(server);
    expect(client.protocolVersion).toBe(version);
    const initialize = server.requests('initialize')[0];
    expect(initialize?.params).toMatchObject({ protocolVersion: '2025-11-25', clientInfo: client.info });
    await client.listTools().catch(() => {});
    await client.ping();
    assertClientTraffic(version, server.sent());
  });

  it('closes with MCPWIRE_ERR_UNSUPPORTED_VERSION when initialize answers a version it does not speak', async () => {
    const server = await fakeServer({ kind: 'legacy', legacyVersions: ['1999-01-01'] });
    const client = clientFor(server);
    const error = await client.connect(server.clientTransport).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({
      code: TransportErrorCode.UnsupportedVersion,
      details: { method: 'initialize' },
    });
    expect(server.notifications()).not.toContain('notifications/initialized');
    expect(server.clientTransport.closed).toBe(true);
    expect(client.connected).toBe(false);
  });

  it('retries initialize once with a version from the error data of a server that rejects ours', async () => {
    const server = await fakeServer({ kind: 'legacy' });
    server.engine.setRequestHandler('initialize', (params) => {
      if (params?.['protocolVersion'] !== '2025-03-26') {
        throw new ProtocolError(-32602, 'Unsupported protocol version', {
          supported: ['2025-03-26'],
          requested: params?.['protocolVersion'],
        });
      }
      return { protocolVersion: '2025-03-26', capabilities: {}, serverInfo: SERVER_INFO };
    });
    const client = await connectedClient(server);
    expect(server.requests('initialize').map((r) => r.params?.['protocolVersion'])).toEqual([
      '2025-11-25',
      '2025-03-26',
    ]);
    expect(client.protocolVersion).toBe('2025-03-26');
  });
});

describe('McpClient era detection: modern and dual-era servers', () => {
  it('stays modern on a DiscoverResult: no initialize, server facts from discover', async () => {
    const server = await fakeServer({ kind: 'modern', instructions: 'modern hints' });
    const versions: string[] = [];
    const transport: Transport = server.clientTransport;
    transport.setProtocolVersion = (v: string) => void versions.push(v);
    const client = await connectedClient(server);
    expect(client.era).toBe('modern');
    expect(client.protocolVersion).toBe('2026-07-28');
    expect(client.serverInfo).toEqual(SERVER_INFO);
    expect(client.instructions).toBe('modern hints');
    expect(server.requests('initialize')).toHaveLength(0);
    expect(server.notifications()).toEqual([]);
    expect(versions).toEqual(['2026-07-28']);
    assertClientTraffic('2026-07-28', server.sent());
  });

  it('prefers the modern era on a dual-era server', async () => {
    const server = await fakeServer({ kind: 'dual' });
    const client = await connectedClient(server);
    expect(client.era).toBe('modern');
    expect(server.requests('initialize')).toHaveLength(0);
  });

  it('retries the probe with a version from UnsupportedProtocolVersionError data instead of falling back', async () => {
    const server = await fakeServer({ kind: 'modern' });
    let calls = 0;
    const discover = server.engine;
    discover.setRequestHandler('server/discover', () => {
      calls++;
      if (calls === 1) {
        throw new ProtocolError(-32022, 'Unsupported protocol version', {
          supported: ['2099-01-01', '2026-07-28'],
          requested: '2026-07-28',
        });
      }
      return {
        resultType: 'complete',
        supportedVersions: ['2026-07-28'],
        capabilities: {},
        ttlMs: 0,
        cacheScope: 'public',
      };
    });
    const client = await connectedClient(server);
    expect(client.era).toBe('modern');
    expect(server.requests('server/discover').map(metaVersion)).toEqual(['2026-07-28', '2026-07-28']);
    expect(server.requests('server/discover').map((r) => r.id)).toEqual([1, 2]);
    expect(server.requests('initialize')).toHaveLength(0);
  });

  it('fails with MCPWIRE_ERR_UNSUPPORTED_VERSION, sending no initialize, when a modern server shares no version', async () => {
    const server = await fakeServer({ kind: 'modern', modernVersions: ['2099-01-01'] });
    const client = clientFor(server);
    const error = await client.connect(server.clientTransport).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: TransportErrorCode.UnsupportedVersion,
      details: { method: 'server/discover' },
    });
    expect((error as TransportError).cause).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toContain('2099-01-01');
    expect(server.requests('initialize')).toHaveLength(0);
    expect(server.clientTransport.closed).toBe(true);
  });

  it('uses initialize with a legacy version named in -32022 data when no modern version is shared', async () => {
    const server = await fakeServer({
      kind: 'dual',
      modernVersions: [],
      legacyVersions: ['2025-06-18', '2024-11-05'],
    });
    const client = await connectedClient(server);
    expect(server.requests().map((r) => r.method)).toEqual(['server/discover', 'initialize']);
    expect(server.requests('initialize')[0]?.params?.['protocolVersion']).toBe('2025-06-18');
    expect(client.era).toBe('legacy');
  });

  it('treats other recognized modern errors as modern: no fallback, the error surfaces', async () => {
    const server = await fakeServer({ kind: 'modern' });
    server.engine.setRequestHandler('server/discover', () => {
      throw new ProtocolError(-32021, 'Missing required client capability', {
        requiredCapabilities: { roots: {} },
      });
    });
    const error = await clientFor(server)
      .connect(server.clientTransport)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: -32021 });
    expect(server.requests('initialize')).toHaveLength(0);
  });

  it('uses initialize when a DiscoverResult lists only legacy versions it shares', async () => {
    const server = await fakeServer({ kind: 'dual' });
    server.engine.setRequestHandler('server/discover', () => ({
      resultType: 'complete',
      supportedVersions: ['2025-06-18'],
      capabilities: {},
    }));
    server.engine.setRequestHandler('initialize', () => ({
      protocolVersion: '2025-06-18',
      capabilities: {},
      serverInfo: SERVER_INFO,
    }));
    const client = await connectedClient(server);
    expect(client.era).toBe('legacy');
    expect(server.requests('initialize')[0]?.params?.['protocolVersion']).toBe('2025-06-18');
  });
});

describe('McpClient era detection: a server that misses the probe', () => {
  it('probes again when a modern-only server, still starting, missed the probe and refuses initialize naming its versions', async () => {
    const server = await fakeServer({ kind: 'modern', unansweredProbes: 1, instructions: 'late but modern' });
    const client = clientFor(server, { probeTimeoutMs: 1000 });
    const connecting = client.connect(server.clientTransport);
    await flush();
    server.clock.advance(1000);
    await connecting;
    expect(server.requests().map((r) => r.method)).toEqual([
      'server/discover',
      'initialize',
      'server/discover',
    ]);
    expect(client.era).toBe('modern');
    expect(client.protocolVersion).toBe('2026-07-28');
    expect(client.instructions).toBe('late but modern');
    expect(metaVersion(server.requests('server/discover')[1])).toBe('2026-07-28');
    await client.close();
  });

  it('probes again only once: a second missed probe fails the connection with RequestTimeout', async () => {
    const server = await fakeServer({ kind: 'modern', unansweredProbes: 2 });
    const client = clientFor(server, { probeTimeoutMs: 1000 });
    const connecting = client.connect(server.clientTransport).catch((error: unknown) => error);
    await flush();
    server.clock.advance(1000);
    await flush();
    server.clock.advance(1000);
    expect(await connecting).toMatchObject({ code: TransportErrorCode.RequestTimeout });
    expect(server.requests().map((r) => r.method)).toEqual([
      'server/discover',
      'initialize',
      'server/discover',
    ]);
  });

  it('does not probe again when the missed probe is followed by a refusal that names no modern version', async () => {
    const server = await fakeServer({ kind: 'legacy', probeReply: 'silent' });
    server.engine.setRequestHandler('initialize', () => {
      throw new ProtocolError(-32602, 'not ready', { supported: ['2025-06-18'], requested: '2025-11-25' });
    });
    const client = clientFor(server, { probeTimeoutMs: 1000, protocolVersion: '2025-11-25' });
    const connecting = client.connect(server.clientTransport).catch((error: unknown) => error);
    await flush();
    server.clock.advance(1000);
    expect(await connecting).toBeInstanceOf(ProtocolError);
    // initialize was retried once with the listed legacy version; discover was not asked again.
    expect(server.requests().map((r) => r.method)).toEqual(['server/discover', 'initialize', 'initialize']);
  });

  it('does not probe again when the probe was answered with an error, whatever initialize says', async () => {
    const server = await fakeServer({ kind: 'legacy', probeReply: 'method-not-found' });
    server.engine.setRequestHandler('initialize', () => {
      throw new ProtocolError(-32602, 'modern only', { supported: ['2026-07-28'], requested: '2025-11-25' });
    });
    const error = await clientFor(server)
      .connect(server.clientTransport)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: TransportErrorCode.UnsupportedVersion });
    expect(server.requests().map((r) => r.method)).toEqual(['server/discover', 'initialize']);
  });
});

describe('McpClient era: pinned and cached', () => {
  it('pinned legacy sends initialize first, no probe', async () => {
    const server = await fakeServer({ kind: 'dual' });
    const client = await connectedClient(server, { era: 'legacy', protocolVersion: '2025-06-18' });
    expect(server.requests().map((r) => r.method)).toEqual(['initialize']);
    expect(server.requests('initialize')[0]?.params?.['protocolVersion']).toBe('2025-06-18');
    expect(client.protocolVersion).toBe('2025-06-18');
  });

  it('pinned modern sends nothing at connect and learns the server only from discover()', async () => {
    const server = await fakeServer({ kind: 'modern' });
    const client = await connectedClient(server, { era: 'modern' });
    expect(server.sent()).toEqual([]);
    expect(client.era).toBe('modern');
    expect(client.serverInfo).toBeUndefined();
    await client.discover();
    expect(client.serverInfo).toEqual(SERVER_INFO);
    expect(client.serverCapabilities).toEqual({ tools: { listChanged: true } });
  });

  it('refuses contradictory options at construction', async () => {
    const server = await fakeServer({ kind: 'modern' });
    expect(() => clientFor(server, { era: 'modern', protocolVersion: '2025-11-25' })).toThrow(RangeError);
    expect(() => clientFor(server, { probeTimeoutMs: 0 })).toThrow(RangeError);
  });

  it('reuses a detected legacy era on reconnect: initialize first, no probe timeout to wait for', async () => {
    const first = await fakeServer({ kind: 'legacy', probeReply: 'silent' });
    const client = clientFor(first, { probeTimeoutMs: 500 });
    await connectWithTimeout(first, client, 500);
    await client.close();
    const second = await fakeServer({ kind: 'legacy', probeReply: 'silent', clock: first.clock });
    await client.connect(second.clientTransport);
    expect(second.requests().map((r) => r.method)).toEqual(['initialize']);
    expect(client.era).toBe('legacy');
  });

  it('re-probes when the cached legacy assumption fails', async () => {
    const first = await fakeServer({ kind: 'legacy' });
    const client = await connectedClient(first);
    await client.close();
    const second = await fakeServer({ kind: 'modern', clock: first.clock });
    await client.connect(second.clientTransport);
    expect(second.requests().map((r) => r.method)).toEqual(['initialize', 'server/discover']);
    expect(client.era).toBe('modern');
  });

  it('rejects connect while connected, and calls before connect name the problem', async () => {
    const server = await fakeServer({ kind: 'modern' });
    const client = clientFor(server);
    await expect(client.listTools()).rejects.toMatchObject({ code: TransportErrorCode.NotStarted });
    await client.connect(server.clientTransport);
    await expect(client.connect(server.clientTransport)).rejects.toMatchObject({
      code: TransportErrorCode.AlreadyStarted,
    });
    await client.close();
    await expect(client.listTools()).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });
});
