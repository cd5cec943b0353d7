// Raw baseline server: node:http, a JSON-RPC `tools/call`-shaped POST answered with the echo tool's result
// as plain JSON. Bare JSON.parse/stringify, no MCP library, no sessions, no validation.
import { createServer } from 'node:http';
import { listenAndAnnounce } from './http-child.mjs';

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const msg = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const text = msg.params?.arguments?.text;
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: msg.id,
      result: { content: [{ type: 'text', text }] },
    });
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
listenAndAnnounce(server);
