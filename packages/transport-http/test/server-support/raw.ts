/** A raw node:http client: any Host (or none), any body, chunked or not, for the refusal tests. */
import { type IncomingHttpHeaders, request } from 'node:http';
import type { Json } from './http.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly json: Json;
}

export interface RawOptions {
  method?: string;
  headers?: Record<string, string | number>;
  /** Sent as is; an array is sent one chunk per element (chunked transfer encoding). */
  body?: string | Buffer | readonly (string | Buffer)[];
  /** false: no Host header at all. */
  setHost?: boolean;
  /** Send the headers and wait for the answer without sending the body. */
  withholdBody?: boolean;
}

export function raw(url: string, options: RawOptions = {}): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: options.method ?? 'POST',
        headers: options.headers,
        setHost: options.setHost ?? true,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    const body = options.body;
    if (options.withholdBody === true) {
      req.flushHeaders();
      return;
    }
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk);
    else if (body !== undefined) req.write(body);
    req.end();
  });
}
