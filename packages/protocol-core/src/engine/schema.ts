import type { $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/mini';
import { excerptOf } from '../errors.js';

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

/**
 * At most this many issues are kept and sent in `data.issues`, as the JSON Schema validator's
 * `maxIssues` does: a 2 MB array of wrong items made a million zod issues and an 85 MB answer.
 */
export const MAX_REPORTED_ISSUES = 20;

function toIssues(issues: readonly IssueLike[]): SchemaIssue[] {
  const kept = issues.length > MAX_REPORTED_ISSUES ? issues.slice(0, MAX_REPORTED_ISSUES) : issues;
  return kept.map((issue) => boundedIssue(issue.path, issue.message));
}

/**
 * An issue fit to send back: object keys in its path and its message come from the client's value
 * (an unknown key of a megabyte, say), so each is cut to an excerpt.
 */
export function boundedIssue(path: readonly PropertyKey[], message: string): SchemaIssue {
  return {
    path: path.map((key) =>
      typeof key === 'number' ? key : typeof key === 'string' ? excerptOf(key) : String(key),
    ),
    message: excerptOf(message),
  };
}

/** `a.b: must be string; c: …`, naming at most five issues; `total` counts the ones not kept too. */
export function summarize(issues: readonly SchemaIssue[], total: number = issues.length): string {
  const named = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`);
  const more = total > MAX_ISSUES_IN_MESSAGE ? `; and ${total - MAX_ISSUES_IN_MESSAGE} more` : '';
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
    return { ok: false, summary: summarize(issues, result.error.issues.length), issues };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, summary: `(root): ${message}`, issues: [{ path: [], message }] };
  }
}
