// Raw baseline server: a bare `ws` WebSocketServer; each text frame, a JSON-RPC `tools/call`-shaped
// request, is answered with the echo tool's result as plain JSON. Bare JSON.parse/stringify, no MCP
// library, no subprotocol or origin checks, no validation, permessage-deflate off (as in our server).
import { WebSocketServer } from 'ws';
import { announce } from './http-child.mjs';

const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
server.on('connection', (socket) => {
  socket.on('message', (data) => {
    const msg = JSON.parse(data.toString('utf8'));
    const text = msg.params?.arguments?.text;
    socket.send(
      JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: { content: [{ type: 'text', text }] } }),
    );
  });
});
server.on('listening', () => announce(`ws://127.0.0.1:${server.address().port}/ws`));
