import type { $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/mini';

/** The part of a zod issue the engine reports. */
interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** A zod issue in a JSON-safe form, sent as `data.issues` of a -32602 error. */
export interface SchemaIssue {
  /** Where in the value, e.g. `['arguments', 'count']`; empty for the value itself. */
  path: (string | number)[];
  /** What was wrong. */
  message: string;
}

/** The outcome of {@link parseWithSchema}. */
export type SchemaOutcome =
  | { ok: true; value: unknown }
  | { ok: false; summary: string; issues: SchemaIssue[] };

/** At most this many issues are named in an error message, so that a huge bad value gives a bounded error. */
const MAX_ISSUES_IN_MESSAGE = 5;

function toIssues(issues: readonly IssueLike[]): SchemaIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
}

function summarize(issues: readonly SchemaIssue[]): string {
  const named = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`);
  const more =
    issues.length > MAX_ISSUES_IN_MESSAGE ? `; and ${issues.length - MAX_ISSUES_IN_MESSAGE} more` : '';
  return named.join('; ') + more;
}

/**
 * Parses a value with a zod schema, classic or mini (the core `safeParse` takes both), turning both failed
 * parses and throwing refinements into issues.
 */
export function parseWithSchema(schema: $ZodType, value: unknown): SchemaOutcome {
  try {
    const result = safeParse(schema, value);
    if (result.success) return { ok: true, value: result.data };
    const issues = toIssues(result.error.issues);
    return { ok: false, summary: summarize(issues), issues };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, summary: `(root): ${message}`, issues: [{ path: [], message }] };
  }
}
