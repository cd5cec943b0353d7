// The browser-safe kit for transport authors, through its package subpath (the exports map's
// `@mcpwire/source` condition) as transports import it.
import {
  authRefusalHeaders,
  backgroundTimers,
  integerOption,
  reporterOf,
  authRequestOf,
  collectText,
  type ConnectableServer,
  connectorOf,
  exceedsUtf8Bytes,
  frameError,
  headerValue,
  isJsonContentType,
  newSessionId,
  parseFrame,
  pathOf,
  readerChunks,
  receiveFrame,
  type ServerOrFactory,
  type ServerStats,
  serializeMessage,
  type Timers,
  utf8ByteLength,
} from '@mcpwire/protocol-core/transport-kit';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EngineTimers } from '../src/engine/options.js';
import {
  HttpAuthError,
  type JSONRPCMessage,
  type Transport,
  TransportError,
  TransportErrorCode,
} from '../src/index.js';
import * as kit from '../src/transport-kit/index.js';

const encoder = new TextEncoder();

describe('utf8ByteLength', () => {
  const samples: [string, string][] = [
    ['ascii', 'hello'],
    ['two-byte', 'héllo ñ'],
    ['three-byte', '€ 日本語'],
    ['pair', '😀 ok 𝄞'],
    ['lone high surrogate at the end', 'ab\uD83D'],
    ['lone high surrogate before a letter', '\uD83Dx'],
    ['lone low surrogate', 'x\uDE00y'],
    ['lone low surrogate first', '\uDC00x'],
    ['only a high surrogate', '\uD800'],
    ['reversed pair', '\uDE00\uD83D'],
    ['two high surrogates then a low', '\uD83D\uD83D\uDE00'],
    ['empty', ''],
  ];

  it.each(samples)('counts what TextEncoder and Buffer write: %s', (_, text) => {
    expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
    expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text));
  });

  it('counts a lone surrogate as U+FFFD (3 bytes), not as half of a 4-byte pair', () => {
    // The copies in transport-http and transport-sse counted 4 and skipped the next unit.
    expect(utf8ByteLength('\uD83Da')).toBe(4);
    expect(utf8ByteLength('\uD83D')).toBe(3);
  });

  it('exceedsUtf8Bytes agrees with the exact count on both sides of the limit', () => {
    for (const text of ['aaaa', 'éé', '€€', '😀', '\uD83Da', 'a'.repeat(10)]) {
      const bytes = encoder.encode(text).length;
      expect(exceedsUtf8Bytes(text, bytes), text).toBe(false);
      expect(exceedsUtf8Bytes(text, bytes - 1), text).toBe(true);
    }
  });
});

describe('frames', () => {
  function collect(text: string): {
    delivered: JSONRPCMessage[];
    reported: TransportError[];
    answered: unknown[];
  } {
    const delivered: JSONRPCMessage[] = [];
    const reported: TransportError[] = [];
    const answered: unknown[] = [];
    receiveFrame(text, {
      deliver: (message) => delivered.push(message),
      report: (error) => reported.push(error),
      answer: (response) => answered.push(response),
    });
    return { delivered, reported, answered };
  }

  it('delivers a valid message and reports nothing', () => {
    const got = collect('{"jsonrpc":"2.0","id":1,"method":"ping"}');
    expect(got.delivered).toEqual([{ jsonrpc: '2.0', id: 1, method: 'ping' }]);
    expect(got.reported).toEqual([]);
    expect(got.answered).toEqual([]);
  });

  it('reports bad JSON as MCPWIRE_ERR_PARSE with an excerpt, and answers -32700 with id null', () => {
    const got = collect('{not json');
    expect(got.delivered).toEqual([]);
    expect(got.reported[0]).toMatchObject({
      code: TransportErrorCode.Parse,
      details: { excerpt: '{not json' },
    });
    expect(got.answered).toEqual([
      { jsonrpc: '2.0', id: null, error: expect.objectContaining({ code: -32700 }) },
    ]);
  });

  it('names the request id of an invalid request, and answers it', () => {
    const got = collect('{"jsonrpc":"1.0","id":7,"method":"ping"}');
    expect(got.reported[0]).toMatchObject({
      code: TransportErrorCode.InvalidMessage,
      details: { requestId: 7 },
    });
    expect(got.answered).toEqual([
      { jsonrpc: '2.0', id: 7, error: expect.objectContaining({ code: -32600 }) },
    ]);
  });

  it('reports a response-shaped mistake without answering it (no error loop)', () => {
    const got = collect('{"jsonrpc":"2.0","id":3,"result":1,"error":{}}');
    expect(got.reported).toHaveLength(1);
    expect(got.answered).toEqual([]);
  });

  it('frameError prefixes where the frame came from', () => {
    const [error] = parseFrame('[').errors;
    expect(frameError(error!, '[', 'Session s1').message).toMatch(/^Session s1: /);
    expect(frameError(error!, '[').details).not.toHaveProperty('requestId');
  });

  it('serializeMessage returns the text, or a SendValidation error to reject with', () => {
    expect(serializeMessage({ jsonrpc: '2.0', method: 'x' })).toBe('{"jsonrpc":"2.0","method":"x"}');
    const cyclic: Record<string, unknown> = { jsonrpc: '2.0', method: 'x' };
    cyclic['params'] = cyclic;
    const error = serializeMessage(cyclic as unknown as JSONRPCMessage);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ code: TransportErrorCode.SendValidation });
    expect(serializeMessage(undefined as unknown as JSONRPCMessage)).toMatchObject({
      code: TransportErrorCode.SendValidation,
      message: 'Message serialized to nothing (not an object)',
    });
  });
});

describe('HTTP helpers', () => {
  it('headerValue joins repeated headers; authRequestOf reads headers case-insensitively', () => {
    const headers = { accept: ['a', 'b'], authorization: 'Bearer x' };
    expect(headerValue(headers, 'accept')).toBe('a, b');
    const request = authRequestOf(undefined, undefined, headers);
    expect(request).toMatchObject({ method: 'GET', url: '/' });
    expect(request.header('Authorization')).toBe('Bearer x');
  });

  it('authRefusalHeaders: the challenge of a 401, nothing for a 403', () => {
    const challenge = 'Bearer realm="mcp"';
    expect(authRefusalHeaders(new HttpAuthError('no', { wwwAuthenticate: challenge }))).toEqual({
      'www-authenticate': challenge,
    });
    expect(
      authRefusalHeaders(new HttpAuthError('no', { status: 403, wwwAuthenticate: challenge })),
    ).toBeUndefined();
    expect(authRefusalHeaders(new HttpAuthError('no'))).toBeUndefined();
  });

  it('collectText decodes UTF-8 across chunks, and stops past the limit', async () => {
    async function* chunks(...parts: number[][]): AsyncGenerator<Uint8Array> {
      for (const part of parts) yield new Uint8Array(part);
    }
    // 'é' split between two chunks.
    expect(await collectText(chunks([0x61, 0xc3], [0xa9]), 3)).toBe('aé');
    expect(await collectText(chunks([0x61, 0xc3], [0xa9]), 2)).toBeUndefined();
    expect(await collectText(chunks(), 0)).toBe('');
  });

  it('isJsonContentType and pathOf', () => {
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
    expect(pathOf('/mcp?x=1')).toBe('/mcp');
    expect(pathOf(undefined)).toBe('/');
  });

  it('readerChunks yields every chunk, and cancels the stream when left early', async () => {
    let cancelled = false;
    const stream = (): ReadableStream<Uint8Array> =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array([1]));
          controller.enqueue(new Uint8Array([2]));
        },
        cancel() {
          cancelled = true;
        },
      });
    const first = stream();
    for await (const chunk of readerChunks(first)) {
      expect([...chunk]).toEqual([1]);
      break;
    }
    expect(cancelled).toBe(true);
    expect(first.locked).toBe(false);
  });

  it('newSessionId: 22 base64url characters by default, a v4 UUID on request, never repeated', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newSessionId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newSessionId({ format: 'uuid' })).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('servers', () => {
  const transport = {} as Transport;

  it('connectorOf calls connect on a server, or the factory with the connection info', async () => {
    const seen: unknown[] = [];
    const server: ConnectableServer = { connect: async (t) => void seen.push(['connect', t]) };
    await connectorOf(server, 'Opts')(transport, 'info');
    connectorOf((t, info) => seen.push(['factory', t, info]), 'Opts')(transport, 'info');
    expect(seen).toEqual([
      ['connect', transport],
      ['factory', transport, 'info'],
    ]);
  });

  it('connectorOf names the option that is missing or wrong', () => {
    expect(() => connectorOf(undefined, 'Opts')).toThrow('Opts.server is required');
    expect(() => connectorOf({} as ConnectableServer, 'Opts')).toThrow(
      'Opts.server must have a connect(transport) method, or be a function',
    );
  });

  it('types: one Timers shape, one server option, one stats shape', () => {
    expectTypeOf<EngineTimers>().toMatchTypeOf<Timers>();
    expectTypeOf<ConnectableServer>().toMatchTypeOf<ServerOrFactory>();
    expectTypeOf<(t: Transport) => Promise<void>>().toMatchTypeOf<ServerOrFactory>();
    expectTypeOf<ServerStats>().toEqualTypeOf<{
      readonly sessions: number;
      readonly sessionsCreated: number;
      readonly refusedSessions: number;
    }>();
  });
});

describe('options and timers', () => {
  it('integerOption: the value or the default, else a RangeError naming the option', () => {
    expect(integerOption('Opts', 'max', undefined, 5, 1)).toBe(5);
    expect(integerOption('Opts', 'max', 0, 5, 0)).toBe(0);
    expect(() => integerOption('Opts', 'max', 0, 5, 1)).toThrow('Opts.max must be an integer >= 1, got 0');
    expect(() => integerOption('Opts', 'max', 1.5, 5, 1)).toThrow(RangeError);
  });

  it('reporterOf hands Errors to onerror, wraps other values, and survives a throwing onerror', () => {
    const seen: Error[] = [];
    const report = reporterOf((error) => seen.push(error));
    const error = new Error('boom');
    report(error);
    report('text');
    expect(seen[0]).toBe(error);
    expect(seen[1]?.message).toBe('text');
    expect(() =>
      reporterOf(() => {
        throw new Error('observer');
      })(error),
    ).not.toThrow();
    expect(() => reporterOf(undefined)(error)).not.toThrow();
  });

  it('backgroundTimers fire, can be cleared, and do not keep Node alive', async () => {
    const handle = backgroundTimers.setTimeout(() => {}, 1_000) as { hasRef(): boolean };
    expect(handle.hasRef()).toBe(false);
    backgroundTimers.clearTimeout(handle);
    await new Promise<void>((resolve) => backgroundTimers.setTimeout(resolve, 1));
  });
});

describe('the ./transport-kit entry', () => {
  it('resolves through the package name to the same module', () => {
    expect(utf8ByteLength).toBe(kit.utf8ByteLength);
    expect(receiveFrame).toBe(kit.receiveFrame);
  });

  it('exports these names, and no Node-only helper', () => {
    expect(Object.keys(kit).sort()).toEqual([
      'BATCH_PROTOCOL_VERSIONS',
      'BatchResponder',
      'CorsPolicy',
      'DEFAULT_MAX_DEPTH',
      'InboundBuffer',
      'LOOPBACK_HOSTS',
      'LOOPBACK_ORIGINS',
      'MAX_EXCERPT_CHARS',
      'OriginGuard',
      'SESSION_TAG_CHARS',
      'allowsBatch',
      'authRefusalHeaders',
      'authRequestOf',
      'backgroundTimers',
      'collectText',
      'connectorOf',
      'defaultPrincipalOf',
      'envelopeErrorResponse',
      'exceedsUtf8Bytes',
      'excerptOf',
      'frameError',
      'headerValue',
      'integerOption',
      'isJsonContentType',
      'newSessionId',
      'parseFrame',
      'pathOf',
      'readerChunks',
      'receiveFrame',
      'reporterOf',
      'serializeMessage',
      'sessionTag',
      'utf8ByteLength',
      'validateEnvelope',
    ]);
  });
});

describe('sessionTag', () => {
  it('keeps the first characters of a session id and marks the cut, so logs never hold a live id', () => {
    const id = kit.newSessionId();
    expect(kit.sessionTag(id)).toBe(`${id.slice(0, kit.SESSION_TAG_CHARS)}…`);
    expect(kit.sessionTag(id)).not.toContain(id.slice(kit.SESSION_TAG_CHARS));
    expect(kit.sessionTag('abc')).toBe('abc');
  });
});
