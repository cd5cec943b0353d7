/**
 * The server features both eras share: tools, resources, prompts and completion. An era admits a
 * request and parses its params, then hands it here with its {@link RequestRules}; a feature whose
 * capability is not declared answers -32601, as the spec's completion page puts it.
 */
import { ErrorCode } from '../error-codes.js';
import { excerptOf, ProtocolError } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { ServerCapabilities } from '../types/capabilities.js';
import type { RequestChannel, RequestRules } from './era.js';
import { complete } from './features/completion.js';
import { getPrompt, listPrompts } from './features/prompts.js';
import { listResources, listResourceTemplates, readResource } from './features/resources.js';
import { callTool, listTools } from './features/tools.js';
import type { ServerCore } from './server-core.js';

/** The methods of the shared features, and the capability each needs. */
const FEATURE_OF: ReadonlyMap<string, keyof ServerCapabilities> = new Map([
  ['tools/list', 'tools'],
  ['tools/call', 'tools'],
  ['resources/list', 'resources'],
  ['resources/templates/list', 'resources'],
  ['resources/read', 'resources'],
  ['prompts/list', 'prompts'],
  ['prompts/get', 'prompts'],
  ['completion/complete', 'completions'],
]);

/** -32601 for a method this server does not serve (here or in this era). */
export function methodNotFound(method: string): ProtocolError {
  return new ProtocolError(ErrorCode.MethodNotFound, `Method not found: ${excerptOf(method)}`);
}

/** True for a method of the shared features. */
export function isFeatureMethod(method: string): boolean {
  return FEATURE_OF.has(method);
}

/** Serves a shared-feature request whose params the era already parsed; -32601 when not declared. */
export function dispatchFeature(
  core: ServerCore,
  method: string,
  params: JSONRPCParams | undefined,
  rules: RequestRules,
  channel: RequestChannel,
): JSONRPCParams | Promise<JSONRPCParams> {
  const feature = FEATURE_OF.get(method);
  if (feature === undefined || core.capabilities()[feature] === undefined) throw methodNotFound(method);
  switch (method) {
    case 'tools/list':
      return listTools(core, params, rules);
    case 'tools/call':
      return callTool(core, params!, rules, channel);
    case 'resources/list':
      return listResources(core, params, rules, channel);
    case 'resources/templates/list':
      return listResourceTemplates(core, params, rules);
    case 'resources/read':
      return readResource(core, params!, rules, channel);
    case 'prompts/list':
      return listPrompts(core, params, rules);
    case 'prompts/get':
      return getPrompt(core, params!, rules, channel);
    default:
      return complete(core, params!, rules, channel);
  }
}
