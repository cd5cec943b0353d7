/** Runs one case: connect, list the tools, call `echo`, close. Browser-only code: DOM and fetch. */
import { McpClient } from '@mcpwire/protocol-core';
import type { PageCase } from './cases.js';

/** What one case saw, as the page shows it. */
export interface CaseResult {
  /** The era the client ended up in. */
  readonly era: string;
  /** The negotiated protocol version. */
  readonly protocolVersion: string;
  /** How many tools the first `tools/list` page had. */
  readonly tools: number;
  /** The text of the `echo` tool's first content block. */
  readonly echo: string;
  /** Non-fatal errors the client reported meanwhile (e.g. a failed session DELETE on close). */
  readonly warnings: readonly string[];
}

/** Runs `pageCase` against `url`, sending `text` to `echo`; rejects with the first fatal error. */
export async function runCase(pageCase: PageCase, url: string, text: string): Promise<CaseResult> {
  const warnings: string[] = [];
  const client = new McpClient({ name: 'mcpwire-browser-test', version: '0.0.0' }, { era: pageCase.era });
  client.onerror = (error) => {
    warnings.push(error.message);
    console.warn(`[${pageCase.id}]`, error);
  };
  await client.connect(pageCase.transport(url));
  try {
    const { tools } = await client.listTools();
    const result = await client.callTool({ name: 'echo', arguments: { text } });
    const first = result.content[0];
    if (result.isError === true || first?.type !== 'text') {
      throw new Error(`echo answered ${JSON.stringify(result)}`);
    }
    return {
      era: client.era ?? 'unknown',
      protocolVersion: client.protocolVersion ?? 'unknown',
      tools: tools.length,
      echo: first.text,
      warnings,
    };
  } finally {
    await client.close();
  }
}
