/**
 * Checks a tool's `structuredContent` against the `outputSchema` it declared (spec `server/tools`:
 * "Clients SHOULD validate structured results against this schema"). Schemas are learnt from every
 * `tools/list` page the client sees and compiled once per tool, on first use.
 */
import { excerptOf, TransportError, TransportErrorCode } from '../errors.js';
import { compileJsonSchema } from '../json-schema/compile.js';
import type { JsonSchemaValidator } from '../json-schema/types.js';
import type { Tool } from '../types/tool-definition.js';

interface KnownTool {
  readonly outputSchema: Tool['outputSchema'];
  validator: JsonSchemaValidator | undefined;
}

/** The result members the check reads. */
export interface ToolOutput {
  structuredContent?: unknown;
  isError?: boolean | undefined;
}

function invalid(tool: string, why: string): TransportError {
  return new TransportError(
    TransportErrorCode.InvalidMessage,
    excerptOf(`Result of tool "${tool}" does not match its outputSchema: ${why}`),
    { method: 'tools/call' },
  );
}

/** Output schemas by tool name, as the last `tools/list` pages described them. */
export class ToolOutputValidator {
  /** Undefined until a `tools/list` page was seen, and again after `list_changed`. */
  #tools: Map<string, KnownTool> | undefined = undefined;

  /** Whether any tool list was learnt since the last change. */
  get known(): boolean {
    return this.#tools !== undefined;
  }

  /** Learns the schemas of one page of tools (a later page adds to earlier ones). */
  learn(tools: readonly Tool[]): void {
    const known = this.#tools ?? new Map<string, KnownTool>();
    for (const tool of tools) known.set(tool.name, { outputSchema: tool.outputSchema, validator: undefined });
    this.#tools = known;
  }

  /** Forgets everything: the list changed, or the connection did. */
  forget(): void {
    this.#tools = undefined;
  }

  /**
   * Throws `MCPWIRE_ERR_INVALID_MESSAGE` when a successful result of a tool with an output schema lacks
   * `structuredContent` or does not match the schema. Error results and unknown tools pass.
   */
  check(name: string, result: ToolOutput): void {
    const tool = this.#tools?.get(name);
    if (tool?.outputSchema === undefined || result.isError === true) return;
    if (result.structuredContent === undefined) throw invalid(name, 'structuredContent is missing');
    let validator = tool.validator;
    if (validator === undefined) {
      try {
        validator = compileJsonSchema(tool.outputSchema);
      } catch (error) {
        throw invalid(name, `the schema cannot be compiled (${(error as Error).message})`);
      }
      tool.validator = validator;
    }
    const outcome = validator(result.structuredContent);
    if (outcome.valid) return;
    const issues = outcome.issues
      .slice(0, 5)
      .map((issue) => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
    throw invalid(name, issues.join('; '));
  }
}
