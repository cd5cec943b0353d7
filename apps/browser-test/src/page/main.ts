/**
 * The test page: `index.html?http=<MCP endpoint>&sse=<SSE endpoint>&ws=<WebSocket endpoint>&text=<echo
 * text>`. Runs every case whose parameter is present, one after the other, writes what each saw into
 * its row, then sets `#status` to `done`, or to `error: ...` naming the cases that failed. `#results`
 * holds the same as JSON, for debugging.
 */
import { CASES, type PageCase } from './cases.js';
import { type CaseResult, runCase } from './run-case.js';

const DEFAULT_TEXT = 'hello from the browser';

function element(tag: string, id: string, text = ''): HTMLElement {
  const node = document.createElement(tag);
  node.id = id;
  node.textContent = text;
  return node;
}

/** One table row per case, its cells named `#<id>-<field>` for the test to read. */
function addRow(table: HTMLTableElement, pageCase: PageCase): void {
  const row = table.insertRow();
  row.id = pageCase.id;
  row.append(element('th', `${pageCase.id}-name`, `${pageCase.id} (era: ${pageCase.era})`));
  for (const field of ['state', 'era', 'tools', 'echo', 'error']) {
    row.append(element('td', `${pageCase.id}-${field}`));
  }
}

function show(id: string, text: string): void {
  const node = document.getElementById(id);
  if (node !== null) node.textContent = text;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function main(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const text = query.get('text') ?? DEFAULT_TEXT;
  const table = document.getElementById('cases') as HTMLTableElement;
  const results: Record<string, CaseResult | { error: string } | 'skipped'> = {};
  const failed: string[] = [];
  for (const pageCase of CASES) addRow(table, pageCase);
  for (const pageCase of CASES) {
    const url = query.get(pageCase.param);
    if (url === null) {
      results[pageCase.id] = 'skipped';
      show(`${pageCase.id}-state`, 'skipped');
      continue;
    }
    show(`${pageCase.id}-state`, 'running');
    try {
      const result = await runCase(pageCase, url, text);
      results[pageCase.id] = result;
      show(`${pageCase.id}-era`, `${result.era} ${result.protocolVersion}`);
      show(`${pageCase.id}-tools`, String(result.tools));
      show(`${pageCase.id}-echo`, result.echo);
      show(`${pageCase.id}-error`, result.warnings.join('\n'));
      show(`${pageCase.id}-state`, 'ok');
    } catch (error) {
      const message = messageOf(error);
      results[pageCase.id] = { error: message };
      failed.push(`${pageCase.id}: ${message}`);
      // console.error: the test collects it and prints it when it fails.
      console.error(`[${pageCase.id}]`, error);
      show(`${pageCase.id}-error`, message);
      show(`${pageCase.id}-state`, 'failed');
    }
  }
  show('results', JSON.stringify(results, null, 2));
  const ran = Object.values(results).filter((result) => result !== 'skipped').length;
  if (ran === 0) {
    show(
      'status',
      `error: no server URL in the query string (${[...new Set(CASES.map((c) => `?${c.param}=`))].join(', ')})`,
    );
  } else {
    show('status', failed.length === 0 ? 'done' : `error: ${failed.join('; ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  show('status', `error: ${messageOf(error)}`);
});
