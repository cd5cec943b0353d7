/**
 * Prompts: registration, `prompts/list` and `prompts/get`. Arguments come from a zod object schema
 * (names, descriptions and which are required, read off its shape) or a plain list; an unknown
 * prompt or bad arguments are answered -32602 in both eras, as the spec asks.
 */
import * as z from 'zod';
import { ErrorCode } from '../../error-codes.js';
import { excerptOf, ProtocolError } from '../../errors.js';
import { parseWithSchema } from '../../engine/schema.js';
import type { JSONRPCParams } from '../../jsonrpc.js';
import type { Prompt, PromptArgument } from '../../types/prompts.js';
import { RequestContext } from '../context.js';
import type { RequestChannel, RequestRules } from '../era.js';
import { cachedDescriptors, pageResult } from '../pagination.js';
import { isZodSchema } from '../schema-source.js';
import type { ServerCore } from '../server-core.js';
import type {
  Completer,
  PromptArgsSource,
  PromptConfig,
  PromptHandler,
  PromptResult,
  RegisteredPrompt,
} from '../types.js';
import { isUrlElicitationRequired } from '../url-elicitation-error.js';

/** Checks a prompt's arguments: the value for the handler, or a message for -32602. */
type ArgsCheck = (args: {
  [name: string]: string;
}) => { ok: true; value: unknown } | { ok: false; message: string };

/** A registered prompt. */
export interface PromptEntry {
  readonly name: string;
  descriptor: Prompt;
  check: ArgsCheck;
  handler: PromptHandler<PromptArgsSource>;
  complete: { [argument: string]: Completer } | undefined;
}

/** The advertised arguments and their check, from a zod object or a plain list. */
function compileArgs(
  name: string,
  source: PromptArgsSource | undefined,
): { list: PromptArgument[]; check: ArgsCheck } {
  if (source === undefined) return { list: [], check: (args) => ({ ok: true, value: args }) };
  if (isZodSchema(source)) {
    if (!(source instanceof z.ZodObject))
      throw new TypeError(`The argsSchema of prompt "${name}" must be a zod object`);
    const list: PromptArgument[] = Object.entries(source.shape as { [key: string]: z.ZodType }).map(
      ([arg, field]) => {
        const argument: PromptArgument = { name: arg };
        if (field.description !== undefined) argument.description = field.description;
        // Optional and defaulted fields both accept a missing value.
        if (!field.safeParse(undefined).success) argument.required = true;
        return argument;
      },
    );
    return {
      list,
      check: (args) => {
        const outcome = parseWithSchema(source, args);
        return outcome.ok ? outcome : { ok: false, message: outcome.summary };
      },
    };
  }
  // A plain list only says which arguments are required; their values are the client's strings, unchecked.
  const list = source.map((argument) => ({ ...argument }));
  const required = list.filter((argument) => argument.required === true).map((argument) => argument.name);
  return {
    list,
    check: (args) => {
      const missing = required.filter((arg) => typeof args[arg] !== 'string');
      return missing.length === 0
        ? { ok: true, value: args }
        : { ok: false, message: `missing required argument(s): ${missing.join(', ')}` };
    },
  };
}

function describe(name: string, config: PromptConfig<PromptArgsSource>, list: PromptArgument[]): Prompt {
  const prompt: Prompt = { name };
  if (config.title !== undefined) prompt.title = config.title;
  if (config.description !== undefined) prompt.description = config.description;
  if (list.length > 0) prompt.arguments = list;
  if (config.icons !== undefined) prompt.icons = config.icons;
  if (config._meta !== undefined) prompt._meta = config._meta;
  return prompt;
}

/** Registers a prompt and returns its handle. */
export function registerPrompt(
  core: ServerCore,
  name: string,
  config: PromptConfig<PromptArgsSource>,
  handler: PromptHandler<PromptArgsSource>,
): RegisteredPrompt {
  if (typeof name !== 'string' || name === '') throw new TypeError('A prompt needs a non-empty name');
  // The config is kept so that an update may change one member and rebuild the rest consistently.
  let current: PromptConfig<PromptArgsSource> = { ...config };
  const args = compileArgs(name, config.argsSchema);
  const entry: PromptEntry = {
    name,
    descriptor: describe(name, current, args.list),
    check: args.check,
    handler,
    complete: config.complete,
  };
  core.prompts.add(name, entry);
  return {
    name,
    update(changes): void {
      const next = { ...current, ...changes };
      const compiled = compileArgs(name, next.argsSchema);
      current = next;
      entry.descriptor = describe(name, next, compiled.list);
      entry.check = compiled.check;
      entry.complete = next.complete;
      if (changes.handler !== undefined) entry.handler = changes.handler;
      core.prompts.touch(name, entry);
    },
    remove(): void {
      core.prompts.remove(name, entry);
    },
  };
}

const promptLists = new WeakMap<readonly PromptEntry[], readonly Prompt[]>();

/** Serves `prompts/list`. */
export function listPrompts(
  core: ServerCore,
  params: JSONRPCParams | undefined,
  rules: RequestRules,
): JSONRPCParams {
  const prompts = cachedDescriptors(promptLists, core.prompts.values(), (entry) => entry.descriptor);
  return rules.finish('prompts/list', pageResult(prompts, params, core.options.pageSize, 'prompts'));
}

/** Serves `prompts/get`. */
export async function getPrompt(
  core: ServerCore,
  params: JSONRPCParams,
  rules: RequestRules,
  channel: RequestChannel,
): Promise<JSONRPCParams> {
  const name = params['name'] as string;
  const entry = core.prompts.get(name);
  if (entry === undefined)
    throw new ProtocolError(ErrorCode.InvalidParams, `Unknown prompt: ${excerptOf(name)}`);
  // prompts: "Missing required arguments: -32602" in both eras (unlike tools, no execution-error form).
  const checked = entry.check((params['arguments'] as { [name: string]: string } | undefined) ?? {});
  if (!checked.ok) {
    throw new ProtocolError(
      ErrorCode.InvalidParams,
      `Invalid arguments for prompt "${excerptOf(name)}": ${checked.message}`,
    );
  }
  let value: PromptResult;
  try {
    value = await entry.handler(checked.value as never, new RequestContext(rules, channel));
  } catch (error) {
    // -32042 is the era's to shape; anything else goes on as thrown.
    throw isUrlElicitationRequired(error) ? rules.urlElicitationRequired(error, channel) : error;
  }
  if (typeof value !== 'object' || value === null || !Array.isArray(value.messages)) {
    core.report(new TypeError(`Prompt "${name}" returned no messages array`));
    throw new ProtocolError(ErrorCode.InternalError, 'Internal error');
  }
  const result: JSONRPCParams = { messages: value.messages };
  if (value.description !== undefined) result['description'] = value.description;
  if (value._meta !== undefined) result['_meta'] = value._meta;
  return rules.finish('prompts/get', result);
}
