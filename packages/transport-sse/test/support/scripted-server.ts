/**
 * A scripted HTTP+SSE server for the client tests: a bare node:http server whose GET stream and POST
 * answers each test writes by hand (wrong endpoints, oversized or malformed events, error statuses).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onCleanup } from './fixtures.js';

/** One POST the server received. */
export interface ReceivedPost {
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** What a test scripts. */
export interface Script {
  /** Answers the GET; default: an event stream whose first event is the endpoint `/messages?sessionId=s1`. */
  onGet?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Answers a POST; default: 202. */
  onPost?: (post: ReceivedPost, res: ServerResponse) => void;
}

/** A running scripted server. */
export interface ScriptedServer {
  readonly url: string;
  readonly origin: string;
  /** GET requests' headers, in order. */
  readonly gets: IncomingMessage['headers'][];
  readonly posts: ReceivedPost[];
  /** The open GET responses. */
  readonly streams: ServerResponse[];
  /** Writes one event on the latest stream. */
  event(event: string | undefined, data: string): void;
  /** Resolves once `count` POSTs arrived. */
  waitForPosts(count: number): Promise<ReceivedPost[]>;
}

/** Writes the event-stream head and the endpoint event. */
export function openStream(res: ServerResponse, endpoint = '/messages?sessionId=s1'): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(`event: endpoint\ndata: ${endpoint}\n\n`);
}

export async function scriptedServer(script: Script = {}): Promise<ScriptedServer> {
  const gets: IncomingMessage['headers'][] = [];
  const posts: ReceivedPost[] = [];
  const streams: ServerResponse[] = [];
  const waiters: (() => void)[] = [];
  const http = createServer((req, res) => {
    if (req.method === 'GET') {
      gets.push(req.headers);
      streams.push(res);
      (script.onGet ?? ((_req, response) => openStream(response)))(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const post = { url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      posts.push(post);
      for (const wake of waiters.splice(0)) wake();
      if (script.onPost !== undefined) script.onPost(post, res);
      else res.writeHead(202).end('Accepted');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  onCleanup(async () => {
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  return {
    url: `${origin}/sse`,
    origin,
    gets,
    posts,
    streams,
    event: (event, data) => {
      const res = streams.at(-1);
      if (res === undefined) throw new Error('no stream');
      res.write(`${event === undefined ? '' : `event: ${event}\n`}data: ${data}\n\n`);
    },
    waitForPosts: async (count) => {
      while (posts.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return posts;
    },
  };
}
