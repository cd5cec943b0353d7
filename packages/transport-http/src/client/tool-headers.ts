/**
 * `x-mcp-header` on the client side (2026-07-28 Streamable HTTP "Custom Headers from Tool
 * Parameters"): tools are learnt from the `tools/list` results that pass through the transport, those
 * with invalid annotations are removed from the result before it is handed up (the spec's MUST), and
 * `tools/call` requests get one `Mcp-Param-{Name}` header per annotated argument present.
 */
import { encodeHeaderValue, headerStringOf } from '../shared/header-values.js';
import { HeaderName } from '../shared/mcp-headers.js';
import { type ParamHeader, readParamValue, scanParamHeaders } from '../shared/param-headers.js';
import type { ToolRejection } from './options.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A bounded map of tool name to its mirrored parameters; only tools that have some are kept. */
export class ToolHeaderRegistry {
  readonly #tools = new Map<string, readonly ParamHeader[]>();
  readonly #maxTools: number;

  constructor(maxTools: number) {
    this.#maxTools = maxTools;
  }

  /** How many tools with mirrored parameters are remembered. */
  get size(): number {
    return this.#tools.size;
  }

  /** The mirrored parameters of a tool, if it has any and is remembered. */
  headersOf(name: string): readonly ParamHeader[] | undefined {
    return this.#tools.get(name);
  }

  /**
   * Learns the tools of one `tools/list` result and returns the result to hand up: the same object
   * when every tool is valid, else a copy without the invalid ones, which go to `reject`.
   */
  filterListResult(
    result: Record<string, unknown>,
    reject: (rejection: ToolRejection) => void,
  ): Record<string, unknown> {
    const tools = result['tools'];
    if (!Array.isArray(tools)) return result;
    let kept: unknown[] | undefined;
    for (let i = 0; i < tools.length; i++) {
      const tool: unknown = tools[i];
      const verdict = this.#learn(tool);
      if (verdict === undefined) {
        kept?.push(tool);
        continue;
      }
      // The first rejection copies the tools kept so far; later ones just skip.
      kept ??= tools.slice(0, i);
      reject(verdict);
    }
    return kept === undefined ? result : { ...result, tools: kept };
  }

  /** The `Mcp-Param-*` headers of a `tools/call`, lower-cased names; empty for unknown tools. */
  paramHeaders(params: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (!isObject(params) || typeof params['name'] !== 'string') return out;
    const headers = this.#tools.get(params['name']);
    if (headers === undefined) return out;
    const args = params['arguments'];
    for (const header of headers) {
      // Absent and null values omit the header; so do values of the wrong type (the server checks the body).
      const text = headerStringOf(readParamValue(args, header.path));
      if (text === undefined) continue;
      out[`${HeaderName.ParamPrefix}${header.name.toLowerCase()}`] = encodeHeaderValue(text);
    }
    return out;
  }

  /** Learns one tool definition; returns why it is rejected, or undefined when it is kept. */
  #learn(tool: unknown): ToolRejection | undefined {
    if (!isObject(tool) || typeof tool['name'] !== 'string') return undefined;
    const name = tool['name'];
    const scan = scanParamHeaders(tool['inputSchema']);
    if (!scan.ok) {
      this.#tools.delete(name);
      return { name, reason: scan.reason };
    }
    // Re-inserted on every listing, so the least recently listed tools are the first dropped.
    this.#tools.delete(name);
    if (scan.headers.length > 0) {
      this.#tools.set(name, scan.headers);
      if (this.#tools.size > this.#maxTools) {
        const oldest = this.#tools.keys().next();
        if (oldest.done !== true) this.#tools.delete(oldest.value);
      }
    }
    return undefined;
  }
}
