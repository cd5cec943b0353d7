/**
 * `completion/complete`: suggestions for a prompt argument (`ref/prompt`) or a template variable
 * (`ref/resource`, matched by the template string). An unknown prompt or template is -32602; a known
 * one without a completer for that argument yields no suggestions.
 */
import { ErrorCode } from '../../error-codes.js';
import { excerptOf, ProtocolError } from '../../errors.js';
import type { JSONRPCParams } from '../../jsonrpc.js';
import { MAX_COMPLETION_VALUES } from '../../types/completion.js';
import { RequestContext } from '../context.js';
import type { RequestChannel, RequestRules } from '../era.js';
import type { ServerCore } from '../server-core.js';
import type { Completer } from '../types.js';

function findCompleter(core: ServerCore, ref: JSONRPCParams, argument: string): Completer | undefined {
  if (ref['type'] === 'ref/prompt') {
    const name = ref['name'] as string;
    const prompt = core.prompts.get(name);
    if (prompt === undefined)
      throw new ProtocolError(ErrorCode.InvalidParams, `Unknown prompt: ${excerptOf(name)}`);
    return prompt.complete?.[argument];
  }
  const uri = ref['uri'] as string;
  const template = core.templates.get(uri);
  if (template !== undefined) return template.complete?.[argument];
  // The spec lets `uri` be a plain URI too: a fixed resource has no variables to complete.
  if (core.resources.get(uri) !== undefined) return undefined;
  throw new ProtocolError(ErrorCode.InvalidParams, `Unknown resource template: ${excerptOf(uri)}`);
}

/** Serves `completion/complete`: at most 100 values, with `total` and `hasMore` when there were more. */
export async function complete(
  core: ServerCore,
  params: JSONRPCParams,
  rules: RequestRules,
  channel: RequestChannel,
): Promise<JSONRPCParams> {
  const argument = params['argument'] as { name: string; value: string };
  const completer = findCompleter(core, params['ref'] as JSONRPCParams, argument.name);
  let values: string[] = [];
  if (completer !== undefined) {
    const context = params['context'] as { arguments?: { [name: string]: string } } | undefined;
    values = await completer(argument.value, new RequestContext(rules, channel, context?.arguments));
    if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
      core.report(
        new TypeError(`The completer of "${argument.name}" returned something other than a string array`),
      );
      throw new ProtocolError(ErrorCode.InternalError, 'Internal error');
    }
  }
  // At most 100 values may be sent; `total` and `hasMore` tell the client there were more.
  const completion: JSONRPCParams = { values: values.slice(0, MAX_COMPLETION_VALUES) };
  if (values.length > MAX_COMPLETION_VALUES) {
    completion['total'] = values.length;
    completion['hasMore'] = true;
  }
  return rules.finish('completion/complete', { completion });
}
