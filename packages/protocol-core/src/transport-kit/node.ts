/// <reference types="node" />
/**
 * `@mcpwire/protocol-core/transport-kit/node`: the Node-only part of the kit for transport authors
 * (node:http servers and request bodies). Browser-safe code imports `@mcpwire/protocol-core/transport-kit`.
 */
import { isUtf8 } from 'node:buffer';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BodyRead } from './http.js';

/** What {@link readNodeBody} can read: a body never comes parsed from a raw request. */
export type NodeBodyRead = Exclude<BodyRead, { readonly kind: 'parsed' }>;

/** Where {@link listenOn} binds. */
export interface ListenOnOptions {
  /** The port; 0 picks a free one. @default 0 */
  port?: number | undefined;
  /** The interface to bind. @default '127.0.0.1' */
  host?: string | undefined;
}

/**
 * What a node:http server allows a client before it is cut off. Node's own defaults let a client hold
 * a socket with slow headers for about 90 s and with a slow body for 300 s, with no cap on sockets.
 * Users who bring their own server pass the same values to `http.createServer` (`headersTimeout`,
 * `requestTimeout`, `keepAliveTimeout`, `connectionsCheckingInterval`) and set `maxConnections`.
 */
export interface HttpServerLimits {
  /** Time to receive a request's headers, in ms. @default 10_000 */
  headersTimeoutMs?: number | undefined;
  /** Time to receive a whole request, body included (a response may stream for longer), in ms. @default 30_000 */
  requestTimeoutMs?: number | undefined;
  /** How long an idle keep-alive connection stays open, in ms. @default 5_000 */
  keepAliveTimeoutMs?: number | undefined;
  /** Open sockets; more are closed as they arrive. @default 10_000 */
  maxConnections?: number | undefined;
}

/** The defaults of {@link HttpServerLimits}. */
export const DEFAULT_HTTP_SERVER_LIMITS: { readonly [K in keyof HttpServerLimits]-?: number } = Object.freeze(
  {
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    keepAliveTimeoutMs: 5_000,
    maxConnections: 10_000,
  },
);

function limitOf(name: keyof HttpServerLimits, value: number | undefined): number {
  const resolved = value ?? DEFAULT_HTTP_SERVER_LIMITS[name];
  if (!Number.isSafeInteger(resolved) || resolved < 1) {
    throw new RangeError(`HttpServerLimits.${name} must be an integer >= 1, got ${resolved}`);
  }
  return resolved;
}

/**
 * A node:http server with {@link HttpServerLimits} applied (each bounded by default). Node checks the
 * two request timeouts on an interval: it is set to a tenth of the shorter one (at most 1 s), so a
 * slow client is cut close to its deadline rather than up to 30 s later.
 * @example
 * const httpServer = createHttpServer((req, res) => handler.handleNode(req, res), { maxConnections: 1000 });
 */
export function createHttpServer(listener: RequestListener, limits?: HttpServerLimits): Server {
  const headersTimeout = limitOf('headersTimeoutMs', limits?.headersTimeoutMs);
  const requestTimeout = limitOf('requestTimeoutMs', limits?.requestTimeoutMs);
  if (headersTimeout > requestTimeout) {
    throw new RangeError('HttpServerLimits.headersTimeoutMs must not exceed requestTimeoutMs');
  }
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: limitOf('keepAliveTimeoutMs', limits?.keepAliveTimeoutMs),
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 10))),
    },
    listener,
  );
  server.maxConnections = limitOf('maxConnections', limits?.maxConnections);
  return server;
}

/** A node:http server listening on a port. */
export interface BoundServer {
  /** The bound port (the real one when 0 was asked). */
  readonly port: number;
  /** The URL of `path` on this server, e.g. `urlOf('ws', '/ws')` → `ws://127.0.0.1:41234/ws` (IPv6 hosts bracketed). */
  urlOf(scheme: string, path: string): string;
  /**
   * Runs `closeFirst` (e.g. the handler's `close`, which ends sessions and streams), then stops
   * listening and drops every connection (keep-alive ones included, which would hold it open).
   */
  close(): Promise<void>;
}

/**
 * Starts `httpServer` listening; rejects with the server's error (e.g. `EADDRINUSE`). `closeFirst`
 * runs at the start of {@link BoundServer.close}.
 * @example
 * const bound = await listenOn(createServer(handle), { port: 0 }, () => handler.close());
 * const url = bound.urlOf('http', '/mcp');
 */
export async function listenOn(
  httpServer: Server,
  options?: ListenOnOptions,
  closeFirst?: () => Promise<unknown>,
): Promise<BoundServer> {
  const host = options?.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options?.port ?? 0, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    port,
    urlOf: (scheme, path) => `${scheme}://${urlHost}:${port}${path}`,
    close: async () => {
      await closeFirst?.();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}

/** Answers a plain-text response with `cache-control: no-cache`, e.g. a 404 for a path that is not served. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers?: Readonly<Record<string, string>>,
): void {
  res.writeHead(status, { 'content-type': 'text/plain', 'cache-control': 'no-cache', ...headers });
  res.end(text);
}

const TOO_LARGE: NodeBodyRead = { kind: 'too-large' };
const ABORTED: NodeBodyRead = { kind: 'aborted' };
const BAD_ENCODING: NodeBodyRead = { kind: 'bad-encoding' };
const EMPTY: NodeBodyRead = { kind: 'text', text: '' };

/**
 * Reads a request body as UTF-8 text within `limit` bytes, holding no more than that: a declared
 * `Content-Length` over the limit is refused before a byte is read, a chunked body is cut at the limit.
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<NodeBodyRead> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve(TOO_LARGE);
  if (req.readableEnded) return Promise.resolve(EMPTY);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    // The listeners stay: nothing comes after 'end' but 'close', which `settled` ignores, and
    // removing four listeners per request cost more than leaving them to go with the request. The
    // chunks they hold do not stay: a long-lived request (a listen stream) would keep its raw body.
    const finish = (result: NodeBodyRead): void => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) finish(TOO_LARGE);
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      if (settled) return;
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      finish(isUtf8(body) ? { kind: 'text', text: body.toString('utf8') } : BAD_ENCODING);
    };
    const onAbort = (): void => finish(ABORTED);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}
