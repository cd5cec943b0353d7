/** Raw HTTP clients that misbehave on purpose, for the timeout tests of node:http servers. */
import { connect } from 'node:net';

/**
 * Opens a socket to `port` on 127.0.0.1, writes `text` (an unfinished request) and resolves with
 * everything the server wrote once it closed the socket.
 */
export function sendAndWaitForClose(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    socket.on('error', () => undefined);
    socket.once('close', () => resolve(received));
  });
}

/** The start of a request whose headers never end. */
export const UNFINISHED_HEADERS = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n';
