import type { ChildProcess } from 'node:child_process';

/** Process groups exist on POSIX only; on Windows a signal reaches the child alone. */
export const POSIX: boolean = process.platform !== 'win32';

/** How often a leftover group is checked while it is given time to exit. */
const GROUP_POLL_MS = 20;

/**
 * Sends `signal` to the child's whole process group when it leads one (so helpers it spawned go too),
 * else to the child alone. False when there was nobody left to signal.
 */
export function signalChild(child: ChildProcess, signal: NodeJS.Signals, group: boolean): boolean {
  const pid = child.pid;
  if (pid === undefined) return false;
  if (group && POSIX) {
    try {
      process.kill(-pid, signal);
      return true;
    } catch (error) {
      // ESRCH: the group is gone. Anything else (EPERM): fall back to the child, which we may signal.
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    }
  }
  return child.exitCode === null && child.signalCode === null && child.kill(signal);
}

/**
 * True while a process group still has members. A group id is not reused while the group exists, so
 * signalling it after this check cannot reach a stranger.
 */
export function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * After the group leader exited: asks what is left of its group to stop (SIGTERM), waits up to
 * `timeoutMs`, then kills the rest (SIGKILL). A server's helpers must not outlive it as orphans.
 */
export async function reapGroup(pgid: number, timeoutMs: number): Promise<void> {
  if (!POSIX || !groupExists(pgid)) return;
  trySignalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, GROUP_POLL_MS));
    if (!groupExists(pgid)) return;
  }
  // Zombies count as members until their new parent reaps them, so a SIGKILL here may find nobody alive.
  trySignalGroup(pgid, 'SIGKILL');
}

function trySignalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Gone in between: nothing to do.
  }
}

/**
 * Groups still running when this process exits get a SIGTERM from a single 'exit' hook, installed while
 * at least one group is tracked: a client that crashes or forgets close() leaves no servers behind.
 */
const liveGroups = new Set<number>();

function onProcessExit(): void {
  for (const pgid of liveGroups) trySignalGroup(pgid, 'SIGTERM');
}

/** Tracks a spawned group for the exit hook. */
export function trackGroup(pgid: number): void {
  if (!POSIX) return;
  if (liveGroups.size === 0) process.on('exit', onProcessExit);
  liveGroups.add(pgid);
}

/** Stops tracking a group once it is gone (or handed over). */
export function untrackGroup(pgid: number): void {
  if (!liveGroups.delete(pgid)) return;
  if (liveGroups.size === 0) process.off('exit', onProcessExit);
}
