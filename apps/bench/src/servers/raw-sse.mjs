// Raw HTTP+SSE baseline server: node:http, one event stream per GET (its first event names the POST
// endpoint, as the 2024-11-05 transport does), and each POSTed JSON-RPC `tools/call` answered 202, its
// echo result written on the session's stream as an SSE `message` event. Bare JSON.parse/stringify, no
// MCP library, no validation, no security checks.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { announce } from './http-child.mjs';

const streams = new Map();

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (req.method === 'GET' && url === '/sse') {
    const sessionId = randomUUID();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(`event: endpoint\ndata: /messages?sessionId=${sessionId}\n\n`);
    streams.set(sessionId, res);
    res.on('close', () => streams.delete(sessionId));
    return;
  }
  if (req.method === 'POST' && url.startsWith('/messages?sessionId=')) {
    const stream = streams.get(url.slice('/messages?sessionId='.length));
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      if (stream === undefined) {
        res.writeHead(404).end();
        return;
      }
      const msg = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(202, { 'content-length': '8' });
      res.end('Accepted');
      const text = msg.params?.arguments?.text;
      const reply = JSON.stringify({
        jsonrpc: '2.0',
        id: msg.id,
        result: { content: [{ type: 'text', text }] },
      });
      stream.write(`event: message\ndata: ${reply}\n\n`);
    });
    return;
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => announce(`http://127.0.0.1:${server.address().port}/sse`));
