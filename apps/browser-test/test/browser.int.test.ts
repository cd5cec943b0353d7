// Our clients in a real browser: the bundled test page (src/page) runs McpClient over the `./fetch`
// Streamable HTTP transport in headless Debian Chromium, driven by playwright-core, against
// apps/everything-server. The page is served from another port than the MCP endpoint, so every
// request is a cross-origin fetch: this needs the server's CORS answers (preflight, exposed headers).
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EverythingServer, startEverythingServer } from './support/everything-server.js';
import { buildPage, PAGE_DIR } from './support/page-build.js';
import { type StaticServer, serveStatic } from './support/static-server.js';

/** The system's Chromium: this test never downloads a browser. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
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

/** Opens the page, waits until it settled, and fails with everything it knows unless `#status` is `done`. */
async function runPage(query: Record<string, string>): Promise<Page> {
  const { browser, site, server } = ready();
  const page = await browser.newPage();
  const problems = recordProblems(page);
  await page.goto(`${site.origin}/index.html?${new URLSearchParams(query)}`);
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
  if (status !== 'done') {
    throw new Error(
      [
        `The page says: ${status}`,
        `Page problems:\n${problems.join('\n') || '(none)'}`,
        `everything-server stderr:\n${server.stderr() || '(empty)'}`,
      ].join('\n\n'),
    );
  }
  return page;
}

async function cell(page: Page, id: string): Promise<string> {
  return (await page.textContent(`#${id}`)) ?? '';
}

describe('McpClient in Chromium', () => {
  it('Streamable HTTP over fetch, cross-origin: auto, legacy and modern each list tools and echo', async () => {
    const page = await runPage({ http: ready().server.url, text: TEXT });
    for (const [id, era] of [
      ['http-auto', 'modern 2026-07-28'],
      ['http-legacy', 'legacy 2025-11-25'],
      ['http-modern', 'modern 2026-07-28'],
    ] as const) {
      expect(await cell(page, `${id}-state`), id).toBe('ok');
      expect(await cell(page, `${id}-era`), id).toBe(era);
      expect(Number(await cell(page, `${id}-tools`)), id).toBeGreaterThan(0);
      expect(await cell(page, `${id}-echo`), id).toBe(TEXT);
      // Non-fatal client errors (e.g. a session DELETE the browser refused) would show here.
      expect(await cell(page, `${id}-error`), id).toBe('');
    }
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
