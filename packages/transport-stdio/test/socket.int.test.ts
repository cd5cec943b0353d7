import { once } from 'node:events';
import { type AddressInfo, type Server, type Socket, createConnection, createServer } from 'node:net';
import { type JSONRPCMessage, TransportErrorCode } from '@mcpwire/protocol-core';
import { TransportRecorder, settle } from '@mcpwire/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type StdioStreamTransport, createStdioStreamTransport } from '../src/index.js';

let server: Server | undefined;
afterEach(async () => {
  server?.close();
  server = undefined;
});

/** A TCP connection on 127.0.0.1:0 with a stream transport on each end (one Duplex both ways). */
async function connect(): Promise<{
  client: StdioStreamTransport;
  remote: StdioStreamTransport;
  socket: Socket;
}> {
  const accepted = new Promise<Socket>((resolve) => {
    server = createServer(resolve);
  });
  server!.listen(0, '127.0.0.1');
  await once(server!, 'listening');
  const socket = createConnection((server!.address() as AddressInfo).port, '127.0.0.1');
  await once(socket, 'connect');
  const serverSocket = await accepted;
  return {
    client: createStdioStreamTransport({ readable: socket, writable: socket }),
    remote: createStdioStreamTransport({ readable: serverSocket, writable: serverSocket }),
    socket,
  };
}

const ping = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'ping' });

describe('StdioStreamTransport over a TCP socket', () => {
  it('round-trips, and a close on one end closes the other once', async () => {
    const { client, remote } = await connect();
    const clientRecorder = new TransportRecorder(client);
    const remoteRecorder = new TransportRecorder(remote);
    await Promise.all([client.start(), remote.start()]);
    for (let id = 0; id < 100; id++) await client.send(ping(id));
    await remoteRecorder.waitForMessages(100);
    expect(remoteRecorder.messages).toEqual(Array.from({ length: 100 }, (_, id) => ping(id)));
    await client.close();
    await remoteRecorder.waitForClose();
    await settle();
    expect([clientRecorder.closeCount, remoteRecorder.closeCount]).toEqual([1, 1]);
    expect([...clientRecorder.errors, ...remoteRecorder.errors]).toEqual([]);
  });

  it('a reset connection is reported and closes the transport, without crashing', async () => {
    const { client, remote, socket } = await connect();
    const remoteRecorder = new TransportRecorder(remote);
    await Promise.all([client.start(), remote.start()]);
    socket.resetAndDestroy();
    await remoteRecorder.waitForClose();
    await settle();
    expect(remoteRecorder.closeCount).toBe(1);
    expect(remoteRecorder.errors).toHaveLength(1);
    expect(remoteRecorder.errors[0]).toMatchObject({ code: TransportErrorCode.Closed });
    expect(remoteRecorder.errors[0]?.message).toContain('ECONNRESET');
    await expect(remote.send(ping(1))).rejects.toMatchObject({ code: TransportErrorCode.Closed });
  });
});
