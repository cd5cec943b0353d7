/**
 * Params and results of the client's typed methods, one shape for both eras: callers never write the
 * modern `_meta` fields (the client adds them) and results keep whatever extra members the era sends
 * (`ttlMs`, `cacheScope`, `resultType` in the modern one).
 */
import type { Meta } from '../types/base.js';
import type { CompleteRequestParams } from '../types/completion.js';
import type { GetPromptRequestParams } from '../types/prompts.js';
import type { CallToolRequestParams, CallToolResult, ModernCallToolResult } from '../types/tools.js';

/** Params of `tools/call`. Task-augmented calls (2025-11-25 `task`) are not offered by this client. */
export type CallToolParams = Omit<CallToolRequestParams, 'task'>;

/** The result of `tools/call`: `structuredContent` is an object in legacy revisions, any JSON value in 2026-07-28. */
export type ClientCallToolResult = CallToolResult | ModernCallToolResult;

/** Params of `resources/read`. */
export interface ReadResourceParams {
  uri: string;
  /** Free-form request `_meta` (trace context, say); the modern protocol fields are added by the client. */
  _meta?: Meta | undefined;
}

/** Params of `prompts/get`. */
export type GetPromptParams = GetPromptRequestParams;

/** Params of `completion/complete`. */
export type CompleteParams = CompleteRequestParams;

/** Params of a list request. */
export interface ClientListParams {
  /** The opaque cursor of the page to fetch; omit for the first. An empty string is a cursor too. */
  cursor?: string | undefined;
  _meta?: Meta | undefined;
}
