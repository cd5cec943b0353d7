// An MCP client written for the official SDK 1.x: spawns a stdio server, lists its tools, calls one
// with a progress callback, reads the server's identity. client.ours.ts is this file with only the
// import lines changed; sdk-port.int.test.ts checks that.
import { McpClient as Client } from '@mcpwire/protocol-core';
import { StdioClientTransport } from '@mcpwire/transport-stdio';
// --- body: identical in both ports ---

export interface Report {
  server: string | undefined;
  tools: string[];
  text: unknown;
  structured: unknown;
}

export async function run(command: string, args: string[]): Promise<Report> {
  const transport = new StdioClientTransport({ command, args, stderr: 'pipe' });
  const client = new Client({ name: 'calculator-client', version: '1.0.0' });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    const result = await client.callTool({ name: 'multiply', arguments: { x: 6, y: 7 } }, undefined, {
      onprogress: () => {},
      timeout: 30_000,
    });
    const first = (result.content as { type: string; text?: string }[])[0];
    return {
      server: client.getServerVersion()?.name,
      tools: tools.map((tool) => tool.name),
      text: first?.text,
      structured: result.structuredContent,
    };
  } finally {
    await client.close();
  }
}
