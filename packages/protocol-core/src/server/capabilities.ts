/**
 * Capabilities on both sides of the server: what it declares (derived from what is registered,
 * then overridden by the options), and which client capability an input request needs. Both rules
 * are the same in every era; only how a missing capability is reported differs.
 */
import type { JSONRPCParams } from '../jsonrpc.js';
import type { ClientCapabilities, ServerCapabilities } from '../types/capabilities.js';
import type { InputMethod } from './era.js';

/** What the registries hold, for {@link deriveCapabilities}. */
export interface RegisteredFeatures {
  tools: boolean;
  resources: boolean;
  prompts: boolean;
  completions: boolean;
}

/**
 * The server's capabilities: each feature with something registered (list changes are always
 * announced, resource subscriptions always honoured), `logging`, then `overrides` key by key, where
 * a key set to `undefined` removes the feature.
 */
export function deriveCapabilities(
  features: RegisteredFeatures,
  overrides: ServerCapabilities | undefined,
): ServerCapabilities {
  const capabilities: ServerCapabilities = { logging: {} };
  if (features.tools) capabilities.tools = { listChanged: true };
  if (features.resources) capabilities.resources = { subscribe: true, listChanged: true };
  if (features.prompts) capabilities.prompts = { listChanged: true };
  if (features.completions) capabilities.completions = {};
  if (overrides !== undefined) {
    const target = capabilities as { [key: string]: unknown };
    for (const [key, value] of Object.entries(overrides)) {
      if (value === undefined) delete target[key];
      else target[key] = value;
    }
  }
  return capabilities;
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The client capabilities an input request needs that `declared` lacks, in the shape of
 * `MissingRequiredClientCapabilityError.data.requiredCapabilities`; undefined when all are there.
 * Form elicitation is implied by a bare `elicitation: {}` (the spec's backward-compatible reading);
 * sampling with `tools` needs `sampling.tools`, and `includeContext` other than `none` needs `sampling.context`.
 */
export function missingClientCapability(
  method: InputMethod,
  params: JSONRPCParams | undefined,
  declared: ClientCapabilities,
): ClientCapabilities | undefined {
  if (method === 'roots/list') return declared.roots === undefined ? { roots: {} } : undefined;
  if (method === 'sampling/createMessage') {
    const sampling = declared.sampling;
    const needsTools = Array.isArray(params?.['tools']) && (params['tools'] as unknown[]).length > 0;
    const context = params?.['includeContext'];
    const needsContext = context === 'thisServer' || context === 'allServers';
    if (
      sampling !== undefined &&
      (!needsTools || isObject(sampling.tools)) &&
      (!needsContext || isObject(sampling.context))
    ) {
      return undefined;
    }
    const required: { [key: string]: unknown } = {};
    if (needsTools) required['tools'] = {};
    if (needsContext) required['context'] = {};
    return { sampling: required };
  }
  const elicitation = declared.elicitation;
  if (params?.['mode'] === 'url') {
    return isObject(elicitation?.url) ? undefined : { elicitation: { url: {} } };
  }
  if (elicitation === undefined) return { elicitation: { form: {} } };
  // `{}` means form only; an object that names modes must name form.
  const namesModes = elicitation.form !== undefined || elicitation.url !== undefined;
  return !namesModes || isObject(elicitation.form) ? undefined : { elicitation: { form: {} } };
}

/** `elicitation.url`, `sampling.tools`: a short human-readable name of what is missing. */
export function describeCapability(required: ClientCapabilities): string {
  const names: string[] = [];
  for (const [key, value] of Object.entries(required)) {
    const inner = isObject(value) ? Object.keys(value) : [];
    if (inner.length === 0) names.push(key);
    else for (const sub of inner) names.push(`${key}.${sub}`);
  }
  return names.join(', ');
}
