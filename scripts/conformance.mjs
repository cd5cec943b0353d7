// Runs the official MCP conformance suite (pinned in conformance/package.json) against our two reference
// apps: every server scenario against apps/everything-server over Streamable HTTP, and every non-auth
// client scenario against apps/everything-client, for the 2025-11-25 and 2026-07-28 requirement sets,
// including the scenarios those sets run but do not score (pending, added after release). Extensions
// (tasks, skills) and the auth/* client scenarios are out of scope and skipped by name.
//
// Each scenario runs on its own (`--scenario` pinned to the set's wire with `--spec-version`), so one
// hang cannot hide the others and the summary names each failure. Exit 1 on any unexpected failure.
// Usage: node scripts/conformance.mjs [--only server|client] [--requirements 2026-07-28] [--scenario NAME]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'conformance');
const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const only = flag('--only');
const revisions = flag('--requirements') ? [flag('--requirements')] : ['2025-11-25', '2026-07-28'];
const onlyScenario = flag('--scenario');
const expectedFailures = join(dir, 'expected-failures.yml');
const outDir = join(dir, '.results');

/** Installs the pinned suite and Node 22 from the npm registry once (npm ci: exactly the lockfile). */
function ensureSuite() {
  const cli = join(dir, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
  const node = join(dir, 'node_modules/.bin/node');
  if (!existsSync(cli) || !existsSync(node)) {
    console.log('conformance: installing the pinned suite and Node 22 (npm ci in conformance/)');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: 'inherit',
    });
  }
  return { node, cli };
}

const suite = ensureSuite();

function runSuite(argv, { timeoutMs = 180_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(suite.node, [suite.cli, ...argv], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** The scenario names a requirement set lists for one side, scored or not, minus the out-of-scope ones. */
async function scenariosOf(revision, side) {
  const { output } = await runSuite(['list', '--requirements', revision]);
  const names = [];
  let section;
  for (const line of output.split('\n')) {
    if (line.startsWith('Server scenarios')) section = 'server';
    else if (line.startsWith('Client scenarios')) section = 'client';
    else if (/^\s+\w[\w-]* \(\d+\):$/.test(line)) section = 'not-scored';
    const scored = /^\s+- (\S+)$/.exec(line);
    const unscored = /^\s+- (\S+) \[(server|client)\]$/.exec(line);
    if (scored && section === side) names.push(scored[1]);
    if (unscored && unscored[2] === side) names.push(unscored[1]);
  }
  const inScope = names.filter((name) => !/^(auth\/|tasks-|sep-2640-)/.test(name));
  if (process.env.CONFORMANCE_DEBUG) console.log(revision, side, inScope.join(' '));
  return inScope;
}

/** Starts apps/everything-server on a free port and resolves with its MCP endpoint. */
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'apps/everything-server/dist/cli.js'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = /listening (http:\/\/\S+)/.exec(seen);
      if (match) resolve({ url: `${match[1]}/mcp`, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`everything-server exited early (${code}): ${seen}`)));
  });
}

const results = [];
async function runScenario(side, revision, name, target) {
  const base =
    side === 'server'
      ? ['server', '--url', target]
      : ['client', '--command', `${process.execPath} ${join(root, 'apps/everything-client/dist/cli.js')}`];
  const argv = [...base, '--scenario', name, '--spec-version', revision, '--force'];
  argv.push('--expected-failures', expectedFailures, '-o', join(outDir, side, revision));
  const started = Date.now();
  const { code, output } = await runSuite(argv);
  // The exit code alone is not enough: a client that never connects "passes" with 0/0 checks. A
  // scenario passes when it ran checks, all of them passed, and none warned.
  const tally = /Passed: (\d+)\/(\d+), (\d+) failed, (\d+) warnings/.exec(output);
  const [passed, total, failedChecks, warnings] = tally ? tally.slice(1).map(Number) : [0, 0, 0, 0];
  const ok = code === 0 && total > 0 && passed === total && failedChecks === 0 && warnings === 0;
  results.push({ side, revision, name, ok, checks: total, ms: Date.now() - started });
  console.log(
    `${ok ? 'PASS' : 'FAIL'} ${side} ${revision} ${name}: ${passed}/${total} checks (${Date.now() - started} ms)`,
  );
  if (!ok)
    console.log(
      output
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n'),
    );
}

mkdirSync(outDir, { recursive: true });
if (only !== 'client') {
  const server = await startServer();
  try {
    for (const revision of revisions) {
      for (const name of await scenariosOf(revision, 'server')) {
        if (onlyScenario === undefined || onlyScenario === name)
          await runScenario('server', revision, name, server.url);
      }
    }
  } finally {
    server.stop();
  }
}
if (only !== 'server') {
  for (const revision of revisions) {
    for (const name of await scenariosOf(revision, 'client')) {
      if (onlyScenario === undefined || onlyScenario === name) await runScenario('client', revision, name);
    }
  }
}

const failed = results.filter((result) => !result.ok);
const checks = results.reduce((sum, result) => sum + result.checks, 0);
const summary = { passed: results.length - failed.length, failed: failed.length, checks, results };
writeFileSync(join(dir, '.results.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(
  `conformance: ${summary.passed} scenarios passed, ${summary.failed} failed (${checks} checks)` +
    (failed.length > 0 ? ` (${failed.map((r) => `${r.side} ${r.revision} ${r.name}`).join(', ')})` : ''),
);
process.exit(failed.length > 0 || results.length === 0 ? 1 : 0);
