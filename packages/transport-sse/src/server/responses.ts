/**
 * The handler's own answers: JSON-RPC error bodies for refusals made at the HTTP level (before any
 * message reaches a session), the 202 that accepts a POST, and the 204 of a CORS preflight. Every one
 * carries `Cache-Control: no-cache`.
 */
import type { ServerResponse } from 'node:http';
import type { JSONRPCErrorObject } from '@mcpwire/protocol-core';

const ACCEPTED_BODY = 'Accepted';
const ACCEPTED_HEADERS: string[] = [
  'content-type',
  'text/plain; charset=utf-8',
  'cache-control',
  'no-cache',
  'content-length',
  String(ACCEPTED_BODY.length),
];

/**
 * Sets `headers` on a response not yet written, to be sent with whatever answer follows (Node merges
 * them into `writeHead`): how the CORS headers reach every answer, the stream's included, without
 * each writer knowing about them.
 */
export function addHeaders(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  if (res.headersSent) return;
  for (const name of Object.keys(headers)) res.setHeader(name, headers[name] as string);
}

/** 204 with `headers` and no body: the answer to a CORS preflight. */
export function sendNoContent(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(204, { 'cache-control': 'no-cache', ...headers });
  res.end();
}

/** 202 with the body "Accepted", as the official SDK answers. */
export function sendAccepted(res: ServerResponse): void {
  // The client left: nobody to answer, and writing to a destroyed response only raises errors.
  if (res.headersSent || res.destroyed) return;
  res.writeHead(202, ACCEPTED_HEADERS);
  res.end(ACCEPTED_BODY);
}

/** Answers with `status` and a JSON body (a JSON-RPC error response, or an array of them). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers?: Readonly<Record<string, string>> | undefined,
): void {
  if (res.headersSent || res.destroyed) return;
  const list = [
    'content-type',
    'application/json',
    'cache-control',
    'no-cache',
    'content-length',
    String(Buffer.byteLength(body)),
  ];
  if (headers !== undefined)
    for (const name of Object.keys(headers)) list.push(name, headers[name] as string);
  res.writeHead(status, list);
  res.end(body);
}

/**
 * Answers with `status` and a JSON-RPC error with no `id` (the transport spec's shape for an HTTP-level
 * refusal that answers no particular request).
 */
export function sendError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers?: Readonly<Record<string, string>> | undefined,
  data?: unknown,
): void {
  const error: JSONRPCErrorObject = data === undefined ? { code, message } : { code, message, data };
  sendJson(res, status, JSON.stringify({ jsonrpc: '2.0', error }), headers);
}
