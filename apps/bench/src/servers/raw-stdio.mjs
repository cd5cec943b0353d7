// Raw baseline server: NDJSON echo over stdin/stdout with bare JSON.parse/stringify, no library.
let carry = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (carry + chunk).split('\n');
  carry = lines.pop() ?? '';
  let out = '';
  for (const line of lines) {
    if (line.length === 0) continue;
    const msg = JSON.parse(line);
    out += `${JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: msg.params })}\n`;
  }
  if (out.length > 0) process.stdout.write(out);
});
process.stdin.on('end', () => process.exit(0));
