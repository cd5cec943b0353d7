// An MCP client written for the official SDK 1.x over Streamable HTTP: connects, lists the tools,
// calls one with a progress callback, reads the server's identity, ends the session. client.ours.ts
// is this file with only the import lines changed; sdk-port.int.test.ts checks that.
import { McpClient as Client } from '@mcpwire/protocol-core';
import { StreamableHTTPClientTransport } from '@mcpwire/transport-http';
// --- body: identical in both ports ---

export interface Report {
  server: string | undefined;
  tools: string[];
  text: unknown;
  progress: number[];
  hadSession: boolean;
}

export async function run(url: string): Promise<Report> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { 'x-client': 'ported' } },
  });
  const client = new Client({ name: 'greeter-client', version: '1.0.0' });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    const progress: number[] = [];
    const result = await client.callTool({ name: 'greet', arguments: { name: 'Ada' } }, undefined, {
      onprogress: (event) => progress.push(event.progress),
      timeout: 30_000,
    });
    const first = (result.content as { type: string; text?: string }[])[0];
    return {
      server: client.getServerVersion()?.name,
      tools: tools.map((tool) => tool.name),
      text: first?.text,
      progress,
      hadSession: transport.sessionId !== undefined,
    };
  } finally {
    await client.close();
  }
}
