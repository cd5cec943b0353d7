import type { Measurement } from './measure.js';

/** One row of the results table. */
export interface Row {
  scenario: string;
  impl: string;
  result: Measurement;
}

function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '-';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/**
 * Prints one table per scenario: each implementation's numbers, then its throughput and CPU as
 * ratios against the scenario's first row (its raw baseline) and against the official SDK.
 */
export function printTable(rows: readonly Row[], sdkImpl: string): void {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const header = [
    'impl',
    'calls/s',
    'p50 ms',
    'p99 ms',
    'CPU µs/call',
    'vs raw',
    'vs SDK (thru)',
    'CPU vs SDK',
  ];
  const widths = [18, 12, 9, 9, 12, 8, 14, 11];
  for (const scenario of scenarios) {
    const inScenario = rows.filter((r) => r.scenario === scenario);
    // The first row of each scenario is its raw baseline.
    const raw = inScenario[0]?.result;
    const sdk = inScenario.find((r) => r.impl === sdkImpl)?.result;
    console.log(`\n${scenario}`);
    console.log(header.map((h, i) => pad(h, widths[i] ?? 10, i > 0)).join(' '));
    for (const { impl, result } of inScenario) {
      const cells = [
        impl,
        fmt(result.callsPerSecond),
        fmt(result.p50Ms, 3),
        fmt(result.p99Ms, 3),
        fmt(result.cpuUsPerCall),
        raw ? `${((result.callsPerSecond / raw.callsPerSecond) * 100).toFixed(0)}%` : '-',
        sdk ? `${(result.callsPerSecond / sdk.callsPerSecond).toFixed(2)}x` : '-',
        sdk ? `${(result.cpuUsPerCall / sdk.cpuUsPerCall).toFixed(2)}x` : '-',
      ];
      console.log(cells.map((c, i) => pad(c, widths[i] ?? 10, i > 0)).join(' '));
    }
  }
}
