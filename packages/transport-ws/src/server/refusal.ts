/**
 * Answers an upgrade request that is refused, on the raw socket: an HTTP status and a JSON-RPC error
 * body, as the Streamable HTTP server answers its refusals, then the socket is closed.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode } from '@mcpwire/protocol-core';

/** Header values come from hooks (WWW-Authenticate): a line break would split the response. */
function headerValue(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/** Writes `status` with `message` and ends the socket; nothing is read from it any more. */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const code = status >= 500 ? ErrorCode.InternalError : ErrorCode.InvalidRequest;
  const body = JSON.stringify({ jsonrpc: '2.0', error: { code, message } });
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Connection: close',
    'Content-Type: application/json',
    'Cache-Control: no-cache',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${headerValue(value)}`),
  ];
  socket.once('finish', () => socket.destroy());
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
