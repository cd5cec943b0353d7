// Raw baseline server: NDJSON echo over stdin/stdout with bare JSON.parse/stringify, no library.
// A line split over many chunks is joined once, when its newline arrives (no quadratic re-splitting).
let pieces = [];
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  if (!chunk.includes('\n')) {
    pieces.push(chunk);
    return;
  }
  pieces.push(chunk);
  const lines = pieces.join('').split('\n');
  pieces = [lines.pop() ?? ''];
  let out = '';
  for (const line of lines) {
    if (line.length === 0) continue;
    const msg = JSON.parse(line);
    out += `${JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: msg.params })}\n`;
  }
  if (out.length > 0) process.stdout.write(out);
});
process.stdin.on('end', () => process.exit(0));
