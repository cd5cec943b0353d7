/**
 * Serves a Fetch-shaped handler (`Request` in, `Response` out: the official SDK 2.x server entries)
 * on a real node:http server on port 0, so the clients under test talk to it over a socket.
 * `@modelcontextprotocol/node` would do this, but it is not a dependency of this package.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

/** A Fetch-shaped HTTP handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** One request served, as the client saw it answered. */
export interface Exchange {
  readonly method: string;
  readonly status: number;
  readonly contentType: string | null;
}

/** A listening bridge. */
export interface FetchServer {
  /** `http://127.0.0.1:<port>/mcp` */
  readonly url: string;
  /** The exchanges served, in order: method, status and content type of the answer. */
  readonly exchanges: Exchange[];
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, url: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  // Flush the head now: an SSE answer may send its first event much later.
  res.flushHeaders();
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on('close', () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } catch {
    // The client went away or the stream was cancelled: nothing is left to write to.
  }
  res.end();
}

/** Listens on 127.0.0.1, port 0, serving `handler` at every path. */
export async function serveFetch(handler: FetchHandler): Promise<FetchServer> {
  const exchanges: Exchange[] = [];
  const http = createServer((req, res) => {
    const aborter = new AbortController();
    // An SSE stream the client dropped must end server-side too, or close() would wait on it.
    res.on('close', () => aborter.abort());
    const url = `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`;
    void handler(toRequest(req, url, aborter.signal))
      .then((response) => {
        exchanges.push({
          method: req.method ?? '',
          status: response.status,
          contentType: response.headers.get('content-type'),
        });
        return writeResponse(response, res);
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    exchanges,
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
