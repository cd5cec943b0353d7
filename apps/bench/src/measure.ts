import { readFileSync } from 'node:fs';

/** One measured run: what the table prints. */
export interface Measurement {
  calls: number;
  seconds: number;
  callsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of this process plus any child processes named, per call. */
  cpuUsPerCall: number;
}

/** Options for {@link measure}. */
export interface MeasureOptions {
  /** Calls kept in flight at once. */
  inFlight: number;
  /** How long to measure after warm-up. */
  durationMs: number;
  /** Warm-up before measuring, so JIT and connection set-up are excluded. */
  warmupMs: number;
  /** Child processes whose CPU time counts too (read from /proc). */
  childPids?: readonly number[];
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (µs) a process has used so far, from /proc/<pid>/stat (Linux); 0 where unreadable. */
function processCpuUs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may contain spaces: utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1_000_000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function cpuNowUs(childPids: readonly number[]): number {
  const self = process.cpuUsage();
  let total = self.user + self.system;
  for (const pid of childPids) total += processCpuUs(pid);
  return total;
}

async function runFor(
  call: () => Promise<unknown>,
  inFlight: number,
  ms: number,
  latencies?: number[],
): Promise<number> {
  const end = performance.now() + ms;
  let calls = 0;
  async function lane(): Promise<void> {
    while (performance.now() < end) {
      const start = performance.now();
      await call();
      if (latencies !== undefined) latencies.push(performance.now() - start);
      calls++;
    }
  }
  await Promise.all(Array.from({ length: inFlight }, lane));
  return calls;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** Runs `call` with `inFlight` lanes for a fixed time and reports throughput, latency and CPU per call. */
export async function measure(call: () => Promise<unknown>, options: MeasureOptions): Promise<Measurement> {
  const pids = options.childPids ?? [];
  await runFor(call, options.inFlight, options.warmupMs);
  const latencies: number[] = [];
  const cpuStart = cpuNowUs(pids);
  const started = performance.now();
  const calls = await runFor(call, options.inFlight, options.durationMs, latencies);
  const seconds = (performance.now() - started) / 1000;
  const cpuUs = cpuNowUs(pids) - cpuStart;
  const sorted = Float64Array.from(latencies).sort();
  return {
    calls,
    seconds,
    callsPerSecond: calls / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    cpuUsPerCall: cpuUs / calls,
  };
}
