// Our clients in a real browser: the bundled test page (src/page) runs McpClient over the `./fetch`
// Streamable HTTP and HTTP+SSE transports and over the native WebSocket
// (`@mcpwire/transport-ws/browser`) in headless Debian Chromium, driven by playwright-core, against
// apps/everything-server. The page is served from
// another port than the MCP endpoint, so every HTTP request is a cross-origin fetch (it needs the
// server's CORS answers) and every WebSocket upgrade carries a foreign-port Origin the server must accept.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EverythingServer, startEverythingServer } from './support/everything-server.js';
import { buildPage, PAGE_DIR } from './support/page-build.js';
import { type StaticServer, serveStatic } from './support/static-server.js';

/** The system's Chromium: this test never downloads a browser. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * A name outside the servers' loopback allow-lists that Chromium resolves to 127.0.0.1, so the page
 * can be served from a foreign origin without DNS. The `.test` TLD is reserved: it never resolves for real.
 */
const FOREIGN_HOST = 'mcpwire-foreign.test';

const CHROMIUM_ARGS = [
  `--host-resolver-rules=MAP ${FOREIGN_HOST} 127.0.0.1`,
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Sent to `echo` by every case; not ASCII, so the text survives the query string, JSON and UTF-8. */
const TEXT = 'héllo from Chromium ✓';

/** How long the page may take to run every case. */
const PAGE_TIMEOUT_MS = 20_000;

interface Fixture {
  server: EverythingServer;
  site: StaticServer;
  browser: Browser;
}

const opened: { close(): Promise<void> }[] = [];
let fixture: Fixture | undefined;
let setupError: unknown;

beforeAll(async () => {
  // Kept, not thrown: a failed beforeAll reports the tests as skipped, and a missing browser must
  // fail the run (CI installs the Debian package), so each test rethrows it instead.
  try {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(
        `No Chromium at ${CHROMIUM_PATH}: install the Debian package "chromium" (apt-get install chromium) or set CHROMIUM_PATH`,
      );
    }
    buildPage();
    const server = await startEverythingServer();
    opened.push(server);
    const site = await serveStatic(PAGE_DIR);
    opened.push(site);
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    opened.push(browser);
    fixture = { server, site, browser };
  } catch (error) {
    setupError = error;
  }
}, 60_000);

afterAll(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

/** The browser and servers, or the setup's error. */
function ready(): Fixture {
  if (fixture === undefined) throw setupError;
  return fixture;
}

/** What the page reported besides its DOM: console errors and warnings, uncaught errors, failed requests. */
function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  return problems;
}

/** A page that settled (or timed out), with its status and what else it reported. */
interface OpenedPage {
  readonly page: Page;
  /** `#status`, or why it never settled. */
  readonly status: string;
  /** Console errors and warnings, uncaught errors, failed requests. */
  readonly problems: readonly string[];
}

/** Opens the page at `origin` (the static server's by default) and waits until `#status` settled. */
async function openPage(query: Record<string, string>, origin = ready().site.origin): Promise<OpenedPage> {
  const page = await ready().browser.newPage();
  const problems = recordProblems(page);
  await page.goto(`${origin}/index.html?${new URLSearchParams(query)}`);
  let status: string;
  try {
    await page.waitForFunction(
      () => /^(done|error)/.test(document.getElementById('status')?.textContent ?? ''),
      undefined,
      { timeout: PAGE_TIMEOUT_MS },
    );
    status = (await page.textContent('#status')) ?? '';
  } catch (error) {
    // A page that never settles fails with the same diagnostics as one that reports an error.
    status = `not settled (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); #status: ${await page.textContent('#status').catch(() => '?')}`;
  }
  return { page, status, problems };
}

/** Everything known about a page that did not end as expected. */
function diagnostics({ status, problems }: OpenedPage): string {
  return [
    `The page says: ${status}`,
    `Page problems:\n${problems.join('\n') || '(none)'}`,
    `everything-server stderr:\n${ready().server.stderr() || '(empty)'}`,
  ].join('\n\n');
}

/** Opens the page and fails with everything it knows unless `#status` is `done`. */
async function runPage(query: Record<string, string>): Promise<Page> {
  const opened = await openPage(query);
  if (opened.status !== 'done') throw new Error(diagnostics(opened));
  return opened.page;
}

async function cell(page: Page, id: string): Promise<string> {
  return (await page.textContent(`#${id}`)) ?? '';
}

/** Checks one case's row: it ran, in `era`, listed tools, echoed {@link TEXT}, and warned of nothing. */
async function expectCase(page: Page, id: string, era: string): Promise<void> {
  expect(await cell(page, `${id}-state`), id).toBe('ok');
  expect(await cell(page, `${id}-era`), id).toBe(era);
  expect(Number(await cell(page, `${id}-tools`)), id).toBeGreaterThan(0);
  expect(await cell(page, `${id}-echo`), id).toBe(TEXT);
  // Non-fatal client errors (e.g. a session DELETE the browser refused) would show here.
  expect(await cell(page, `${id}-error`), id).toBe('');
}

describe('McpClient in Chromium', () => {
  it('Streamable HTTP over fetch, cross-origin: auto, legacy and modern each list tools and echo', async () => {
    const page = await runPage({ http: ready().server.url, text: TEXT });
    await expectCase(page, 'http-auto', 'modern 2026-07-28');
    await expectCase(page, 'http-legacy', 'legacy 2025-11-25');
    await expectCase(page, 'http-modern', 'modern 2026-07-28');
    await page.close();
  });

  it('HTTP+SSE over fetch, cross-origin: the stream and the preflighted POSTs list tools and echo', async () => {
    const page = await runPage({ sse: ready().server.sseUrl, text: TEXT });
    await expectCase(page, 'sse-legacy', 'legacy 2025-11-25');
    expect(await cell(page, 'http-auto-state')).toBe('skipped');
    await page.close();
  });

  it('HTTP+SSE from a foreign origin: refused 403 without CORS headers, so the page cannot even read why', async () => {
    const foreignOrigin = ready().site.origin.replace('127.0.0.1', FOREIGN_HOST);
    const opened = await openPage({ sse: ready().server.sseUrl, text: TEXT }, foreignOrigin);
    const { page, status, problems } = opened;
    const context = diagnostics(opened);
    expect(status, context).toMatch(/^error: sse-legacy: /);
    expect(await cell(page, 'sse-legacy-state')).toBe('failed');
    // fetch rejects (a network error to the script) rather than resolving with the 403.
    expect(await cell(page, 'sse-legacy-error')).toMatch(/Failed to fetch/);
    // Chromium says why on the console: the answer had no Access-Control-Allow-Origin.
    expect(
      problems.filter((problem) => /No 'Access-Control-Allow-Origin' header/.test(problem)),
      context,
    ).not.toHaveLength(0);
    await page.close();
  });

  it('native WebSocket from a page on another port: auto (probed) and legacy each list tools and echo', async () => {
    const page = await runPage({ ws: ready().server.wsUrl, text: TEXT });
    await expectCase(page, 'ws-auto', 'modern 2026-07-28');
    await expectCase(page, 'ws-legacy', 'legacy 2025-11-25');
    // Only the parameters given run: the HTTP cases stayed out of this page.
    expect(await cell(page, 'http-auto-state')).toBe('skipped');
    await page.close();
  });

  it('native WebSocket from a foreign origin is refused before the upgrade (403), as the page sees it', async () => {
    // The same page and server as the passing case above; only the page's origin differs. WebSocket has
    // no CORS, so the server's Origin check is all that stops another site's page from connecting.
    const foreignOrigin = ready().site.origin.replace('127.0.0.1', FOREIGN_HOST);
    const opened = await openPage({ ws: ready().server.wsUrl, text: TEXT }, foreignOrigin);
    const { page, status, problems } = opened;
    const context = diagnostics(opened);
    expect(status, context).toMatch(/^error: ws-auto: .*; ws-legacy: /);
    for (const id of ['ws-auto', 'ws-legacy']) {
      expect(await cell(page, `${id}-state`), id).toBe('failed');
      // Browsers hide a refused upgrade's HTTP status from scripts: the client sees only a close.
      expect(await cell(page, `${id}-error`), id).toMatch(/closed before opening \(1006\)/);
      expect(await cell(page, `${id}-echo`), id).toBe('');
    }
    // Chromium logs the status it hid: 403 is the Origin refusal (a subprotocol refusal would be 400).
    expect(
      problems.filter((problem) => /Unexpected response code: 403/.test(problem)),
      context,
    ).toHaveLength(2);
    await page.close();
  });

  it('without a server URL the page says so instead of reporting done', async () => {
    const { browser, site } = ready();
    const page = await browser.newPage();
    await page.goto(`${site.origin}/index.html`);
    await page.waitForFunction(() => /^error/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await page.textContent('#status')).toContain('no server URL');
    await page.close();
  });
});
