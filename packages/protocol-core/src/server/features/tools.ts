/**
 * Tools: registration, `tools/list` and `tools/call`, the same in both eras except where the era's
 * rules say otherwise (invalid arguments as a tool result or a -32602; structured output or not).
 */
import { ErrorCode } from '../../error-codes.js';
import { excerptOf, ProtocolError } from '../../errors.js';
import type { JSONRPCParams } from '../../jsonrpc.js';
import type { ContentBlock } from '../../types/content.js';
import type { Tool } from '../../types/tool-definition.js';
import { RequestContext } from '../context.js';
import type { RequestChannel, RequestRules } from '../era.js';
import { InputRequiredSignal } from '../mrtr.js';
import { cachedDescriptors, pageResult } from '../pagination.js';
import { type CompiledSchema, compileSchemaSource } from '../schema-source.js';
import type { ServerCore } from '../server-core.js';
import type {
  RegisteredTool,
  SchemaSource,
  ToolConfig,
  ToolHandler,
  ToolResult,
  ToolUpdate,
} from '../types.js';
import { isUrlElicitationRequired } from '../url-elicitation-error.js';

/** The loosest handler type, which every typed handler is assignable to. */
type AnyToolHandler = ToolHandler<SchemaSource, SchemaSource | undefined>;

/** A registered tool, mutable in place through its handle. */
export interface ToolEntry {
  readonly name: string;
  descriptor: Tool;
  /** The descriptor for revisions without structured output (no `outputSchema`). */
  plainDescriptor: Tool;
  /** undefined: any object is accepted (the default `{ type: 'object' }`). */
  input: CompiledSchema | undefined;
  output: CompiledSchema | undefined;
  handler: AnyToolHandler;
}

interface ToolShape {
  title?: string | undefined;
  description?: string | undefined;
  annotations?: Tool['annotations'];
  icons?: Tool['icons'];
  _meta?: Tool['_meta'];
}

function describe(name: string, shape: ToolShape, entry: Pick<ToolEntry, 'input' | 'output'>): Tool {
  const tool: Tool = { name, inputSchema: (entry.input?.json ?? { type: 'object' }) as Tool['inputSchema'] };
  if (shape.title !== undefined) tool.title = shape.title;
  if (shape.description !== undefined) tool.description = shape.description;
  if (entry.output !== undefined) tool.outputSchema = entry.output.json;
  if (shape.annotations !== undefined) tool.annotations = shape.annotations;
  if (shape.icons !== undefined) tool.icons = shape.icons;
  if (shape._meta !== undefined) tool._meta = shape._meta;
  return tool;
}

/** Before 2025-06-18 a client cannot receive `structuredContent`, so it must not be promised one. */
function withoutOutputSchema(tool: Tool): Tool {
  if (tool.outputSchema === undefined) return tool;
  const { outputSchema: _, ...plain } = tool;
  return plain;
}

function compileInput(name: string, source: SchemaSource | undefined): CompiledSchema | undefined {
  return source === undefined
    ? undefined
    : compileSchemaSource(source, 'input', `inputSchema of tool "${name}"`, true);
}

function compileOutput(name: string, source: SchemaSource | undefined): CompiledSchema | undefined {
  return source === undefined
    ? undefined
    : compileSchemaSource(source, 'output', `outputSchema of tool "${name}"`, false);
}

/** Registers a tool (schemas compiled now, so a bad schema throws here) and returns its handle. */
export function registerTool(
  core: ServerCore,
  name: string,
  config: ToolConfig<SchemaSource, SchemaSource | undefined>,
  handler: AnyToolHandler,
): RegisteredTool {
  if (typeof name !== 'string' || name === '') throw new TypeError('A tool needs a non-empty name');
  // Descriptors are built once per registration or update, so `tools/list` only slices cached arrays.
  const shape: ToolShape = { ...config };
  const entry: ToolEntry = {
    name,
    input: compileInput(name, config.inputSchema),
    output: compileOutput(name, config.outputSchema),
    handler,
    descriptor: undefined as unknown as Tool,
    plainDescriptor: undefined as unknown as Tool,
  };
  entry.descriptor = describe(name, shape, entry);
  entry.plainDescriptor = withoutOutputSchema(entry.descriptor);
  core.tools.add(name, entry);
  return {
    name,
    update(changes: ToolUpdate): void {
      // Compile first: a bad schema throws and leaves the tool as it was.
      const input = 'inputSchema' in changes ? compileInput(name, changes.inputSchema) : entry.input;
      const output = 'outputSchema' in changes ? compileOutput(name, changes.outputSchema) : entry.output;
      for (const key of ['title', 'description', 'annotations', 'icons', '_meta'] as const) {
        if (key in changes) (shape as { [k: string]: unknown })[key] = changes[key];
      }
      entry.input = input;
      entry.output = output;
      if (changes.handler !== undefined) entry.handler = changes.handler;
      entry.descriptor = describe(name, shape, entry);
      entry.plainDescriptor = withoutOutputSchema(entry.descriptor);
      core.tools.touch(name, entry);
    },
    remove(): void {
      core.tools.remove(name, entry);
    },
  };
}

/**
 * Caches of descriptor arrays, keyed by the registry's values array (replaced on every change). The
 * arrays go into every response as they are, so they are frozen.
 */
const fullLists = new WeakMap<readonly ToolEntry[], readonly Tool[]>();
const plainLists = new WeakMap<readonly ToolEntry[], readonly Tool[]>();

/** Serves `tools/list`. */
export function listTools(
  core: ServerCore,
  params: JSONRPCParams | undefined,
  rules: RequestRules,
): JSONRPCParams {
  const tools = rules.structuredContent
    ? cachedDescriptors(fullLists, core.tools.values(), (entry) => entry.descriptor)
    : cachedDescriptors(plainLists, core.tools.values(), (entry) => entry.plainDescriptor);
  return rules.finish('tools/list', pageResult(tools, params, core.options.pageSize, 'tools'));
}

function errorResult(text: string): JSONRPCParams {
  return { content: [{ type: 'text', text }], isError: true };
}

/** A handler's plain Error becomes a tool execution error; its message (never its stack) tells the model why. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message === '' ? 'The tool failed' : message;
}

/**
 * Turns what a handler returned into the wire result: `content` defaults to the JSON text of
 * `structuredContent` (the spec's backward-compatible form), which is checked against the output
 * schema: a mismatch is the server's bug, answered -32603 and reported with the details.
 */
function shapeResult(
  core: ServerCore,
  entry: ToolEntry,
  value: ToolResult,
  rules: RequestRules,
): JSONRPCParams {
  if (typeof value !== 'object' || value === null) {
    core.report(
      new TypeError(
        `Tool "${entry.name}" returned ${value === null ? 'null' : typeof value}, not a result object`,
      ),
    );
    throw new ProtocolError(ErrorCode.InternalError, 'Internal error');
  }
  const structured = value.structuredContent;
  const isError = value.isError === true;
  if (entry.output !== undefined && !isError) {
    const checked = structured === undefined ? undefined : entry.output.check(structured);
    if (checked === undefined || !checked.ok) {
      const why =
        checked === undefined
          ? 'no structuredContent'
          : `structuredContent that does not match (${checked.summary})`;
      core.report(new Error(`Tool "${entry.name}" declares an outputSchema but returned ${why}`));
      throw new ProtocolError(
        ErrorCode.InternalError,
        `Internal error: tool "${entry.name}" returned an invalid result`,
      );
    }
  }
  // "A tool that returns structured content SHOULD also return the serialized JSON in a TextContent block."
  const content: ContentBlock[] =
    value.content ?? (structured === undefined ? [] : [{ type: 'text', text: JSON.stringify(structured) }]);
  const result: JSONRPCParams = { content };
  if (structured !== undefined && rules.structuredContent) result['structuredContent'] = structured;
  if (isError) result['isError'] = true;
  if (value._meta !== undefined) result['_meta'] = value._meta;
  return result;
}

/** Serves `tools/call`: unknown tool -32602; invalid arguments per the era; handler failures as tool errors. */
export async function callTool(
  core: ServerCore,
  params: JSONRPCParams,
  rules: RequestRules,
  channel: RequestChannel,
): Promise<JSONRPCParams> {
  const name = params['name'] as string;
  const entry = core.tools.get(name);
  if (entry === undefined)
    throw new ProtocolError(ErrorCode.InvalidParams, `Unknown tool: ${excerptOf(name)}`);
  // Omitted arguments are an empty object, so that a schema with defaults or no required field passes.
  let args: unknown = params['arguments'] ?? {};
  if (entry.input !== undefined) {
    const checked = entry.input.check(args);
    if (!checked.ok) {
      const message = `Invalid arguments for tool "${excerptOf(name)}": ${checked.summary}`;
      // 2025-11-25 and 2026-07-28 want these as tool errors, so the model can correct itself.
      if (rules.toolInputErrorsAsResults) return rules.finish('tools/call', errorResult(message));
      throw new ProtocolError(ErrorCode.InvalidParams, message, { issues: checked.issues });
    }
    args = checked.value;
  }
  let value: ToolResult;
  try {
    value = await entry.handler(args as never, new RequestContext(rules, channel));
  } catch (error) {
    // -32042 is the era's to shape (sent, refused, or asked as input); only the failure path pays for it.
    const thrown = isUrlElicitationRequired(error) ? rules.urlElicitationRequired(error, channel) : error;
    // A ProtocolError is the author's choice of JSON-RPC error; the input signal belongs to the era.
    if (thrown instanceof ProtocolError || thrown instanceof InputRequiredSignal) throw thrown;
    return rules.finish('tools/call', errorResult(messageOf(thrown)));
  }
  return rules.finish('tools/call', shapeResult(core, entry, value, rules));
}
