/**
 * Turns zod issues into one short line that names the failing path, e.g.
 * `content[0].text: expected string, received number`. Used by `parseParams`/`parseResult`; the
 * line may be sent to the peer in a -32602 error, so it never includes input values and is bounded.
 */
import type * as z from 'zod';

/** The longest message {@link formatIssues} returns. */
export const MAX_ISSUE_MESSAGE_CHARS = 300;

/** How many issues a message lists before summarising the rest. */
const MAX_LISTED_ISSUES = 3;

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

interface FlatIssue {
  path: readonly PathSegment[];
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `content[0].text`, `_meta["io.modelcontextprotocol/clientInfo"].name`; the root is `(root)`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment))
      out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out === '' ? '(root)' : out;
}

function depth(issues: readonly Issue[]): number {
  let max = 0;
  for (const issue of issues) max = Math.max(max, issue.path.length);
  return max;
}

/**
 * A union failed: report the branch that got furthest. A branch whose literal member did not match
 * at its top (another `type`, `method` or `resultType`) is a wrong guess, not the caller's mistake.
 */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  let best: readonly Issue[] = branches[0] ?? [];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const branch of branches) {
    const wrongGuess = branch.some((issue) => issue.code === 'invalid_value' && issue.path.length <= 1);
    const score = (wrongGuess ? 0 : 1000) + depth(branch) * 10 - Math.min(branch.length, 9);
    if (score > bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

/**
 * When every branch of a union failed on the same literal member (`type` is none of the variants),
 * one issue listing every accepted value says more than any single branch.
 */
function mergedGuesses(branches: readonly (readonly Issue[])[]): FlatIssue | undefined {
  const values: unknown[] = [];
  let path: readonly PathSegment[] | undefined;
  for (const branch of branches) {
    const guess = branch.find((issue) => issue.code === 'invalid_value' && issue.path.length === 1);
    if (guess === undefined || guess.code !== 'invalid_value') return undefined;
    if (path !== undefined && guess.path[0] !== path[0]) return undefined;
    path = guess.path;
    for (const value of guess.values) if (!values.includes(value)) values.push(value);
  }
  if (path === undefined) return undefined;
  return { path, message: `expected one of ${values.map((value) => JSON.stringify(value)).join('|')}` };
}

function flatten(issues: readonly Issue[], base: readonly PathSegment[], out: FlatIssue[]): void {
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const merged = mergedGuesses(issue.errors);
      if (merged !== undefined) out.push({ path: [...path, ...merged.path], message: merged.message });
      else flatten(bestBranch(issue.errors), path, out);
    } else {
      out.push({ path, message: describe(issue) });
    }
  }
}

function describe(issue: Issue): string {
  const message = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && message.endsWith('received undefined')) {
    return `required (expected ${String(issue.expected)})`;
  }
  return message;
}

/** One bounded line naming each failing path (the first few) and what was wrong there. */
export function formatIssues(issues: readonly Issue[]): string {
  const flat: FlatIssue[] = [];
  flatten(issues, [], flat);
  const listed = flat
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const rest = flat.length - listed.length;
  const line = rest > 0 ? `${listed.join('; ')} (and ${rest} more)` : listed.join('; ');
  return line.length > MAX_ISSUE_MESSAGE_CHARS ? `${line.slice(0, MAX_ISSUE_MESSAGE_CHARS - 1)}…` : line;
}
