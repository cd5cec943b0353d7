/**
 * Resources and resource templates: registration, `resources/list` (fixed resources, then what each
 * template's `list` yields), `resources/templates/list`, and `resources/read` (an exact URI first,
 * then the templates in registration order). A URI nothing serves is the era's not-found error.
 */
import { ErrorCode } from '../../error-codes.js';
import { excerptOf, ProtocolError } from '../../errors.js';
import type { JSONRPCParams } from '../../jsonrpc.js';
import type { Resource } from '../../types/content.js';
import type { ResourceTemplate } from '../../types/resources.js';
import { UriTemplate } from '../../uri-template.js';
import { RequestContext } from '../context.js';
import type { RequestChannel, RequestRules } from '../era.js';
import { cachedDescriptors, pageResult } from '../pagination.js';
import type { ServerCore } from '../server-core.js';
import type {
  Completer,
  RegisteredResource,
  RegisteredResourceTemplate,
  ResourceHandler,
  ResourceMetadata,
  ResourceReadResult,
  ResourceTemplateHandler,
  ResourceTemplateMetadata,
  ResourceTemplateOptions,
} from '../types.js';
import { isUrlElicitationRequired } from '../url-elicitation-error.js';

/**
 * Thrown by a resource handler for a URI it cannot serve (a file that does not exist): answered with
 * the era's not-found error (-32002 legacy, -32602 modern), `data.uri` naming it.
 */
export class ResourceNotFoundError extends Error {
  override readonly name: string = 'ResourceNotFoundError';
  /** The URI that was not found. */
  readonly uri: string;

  constructor(uri: string) {
    super(`Resource not found: ${excerptOf(uri)}`);
    this.uri = uri;
  }
}

/** A registered fixed resource. */
export interface ResourceEntry {
  readonly uri: string;
  descriptor: Resource;
  handler: ResourceHandler;
}

/** A registered resource template. */
export interface TemplateEntry {
  readonly uriTemplate: string;
  readonly template: UriTemplate;
  descriptor: ResourceTemplate;
  handler: ResourceTemplateHandler;
  list: ResourceTemplateOptions['list'];
  complete: { [variable: string]: Completer } | undefined;
}

/** The descriptor members a registration or an update may set (a template ignores `size`). */
const META_KEYS = [
  'name',
  'title',
  'description',
  'mimeType',
  'size',
  'annotations',
  'icons',
  '_meta',
] as const;

/** Copies the defined descriptor members of `meta` onto `target`. */
function assignMeta(target: { [key: string]: unknown }, meta: { [key: string]: unknown }): void {
  for (const key of META_KEYS) {
    if (!(key in meta)) continue;
    const value = meta[key];
    // exactOptionalPropertyTypes: an explicit undefined in an update means "remove", never a stored undefined.
    if (value === undefined) delete target[key];
    else target[key] = value;
  }
}

/** Registers a fixed resource and returns its handle. */
export function registerResource(
  core: ServerCore,
  uri: string,
  meta: ResourceMetadata,
  handler: ResourceHandler,
): RegisteredResource {
  if (typeof uri !== 'string' || uri === '') throw new TypeError('A resource needs a non-empty URI');
  // Descriptors are rebuilt on update, never mutated: a list response in flight keeps the old one.
  const entry: ResourceEntry = { uri, descriptor: { uri, name: meta.name }, handler };
  assignMeta(entry.descriptor as unknown as { [key: string]: unknown }, { ...meta });
  core.resources.add(uri, entry);
  return {
    uri,
    update(changes): void {
      const descriptor = { ...entry.descriptor } as unknown as { [key: string]: unknown };
      assignMeta(descriptor, { ...changes });
      entry.descriptor = descriptor as unknown as Resource;
      if (changes.handler !== undefined) entry.handler = changes.handler;
      core.resources.touch(uri, entry);
    },
    remove(): void {
      core.resources.remove(uri, entry);
    },
  };
}

/** Registers a resource template (parsed now: a bad template throws here) and returns its handle. */
export function registerResourceTemplate(
  core: ServerCore,
  uriTemplate: string,
  meta: ResourceTemplateMetadata,
  handler: ResourceTemplateHandler,
  options: ResourceTemplateOptions | undefined,
): RegisteredResourceTemplate {
  const entry: TemplateEntry = {
    uriTemplate,
    template: new UriTemplate(uriTemplate),
    descriptor: { uriTemplate, name: meta.name },
    handler,
    list: options?.list,
    complete: options?.complete,
  };
  assignMeta(entry.descriptor as unknown as { [key: string]: unknown }, { ...meta, size: undefined });
  core.templates.add(uriTemplate, entry);
  return {
    uriTemplate,
    update(changes): void {
      const descriptor = { ...entry.descriptor } as unknown as { [key: string]: unknown };
      assignMeta(descriptor, { ...changes, size: undefined });
      entry.descriptor = descriptor as unknown as ResourceTemplate;
      if (changes.handler !== undefined) entry.handler = changes.handler;
      if ('list' in changes) entry.list = changes.list;
      if ('complete' in changes) entry.complete = changes.complete;
      core.templates.touch(uriTemplate, entry);
    },
    remove(): void {
      core.templates.remove(uriTemplate, entry);
    },
  };
}

const fixedLists = new WeakMap<readonly ResourceEntry[], readonly Resource[]>();

/** Serves `resources/list`: fixed resources in registration order, then each template's listed ones. */
export async function listResources(
  core: ServerCore,
  params: JSONRPCParams | undefined,
  rules: RequestRules,
  channel: RequestChannel,
): Promise<JSONRPCParams> {
  let resources = cachedDescriptors(fixedLists, core.resources.values(), (entry) => entry.descriptor);
  const listing = core.templates.values().filter((entry) => entry.list !== undefined);
  // Template listings are computed per request (they may depend on the caller), so they are not cached.
  if (listing.length > 0) {
    const ctx = new RequestContext(rules, channel);
    const listed = await Promise.all(listing.map((entry) => entry.list!(ctx)));
    resources = resources.concat(...listed);
  }
  return rules.finish('resources/list', pageResult(resources, params, core.options.pageSize, 'resources'));
}

const templateLists = new WeakMap<readonly TemplateEntry[], readonly ResourceTemplate[]>();

/** Serves `resources/templates/list`. */
export function listResourceTemplates(
  core: ServerCore,
  params: JSONRPCParams | undefined,
  rules: RequestRules,
): JSONRPCParams {
  const templates = cachedDescriptors(templateLists, core.templates.values(), (entry) => entry.descriptor);
  return rules.finish(
    'resources/templates/list',
    pageResult(templates, params, core.options.pageSize, 'templates'),
  );
}

/** Serves `resources/read`. */
export async function readResource(
  core: ServerCore,
  params: JSONRPCParams,
  rules: RequestRules,
  channel: RequestChannel,
): Promise<JSONRPCParams> {
  const uri = params['uri'] as string;
  const ctx = new RequestContext(rules, channel);
  let value: ResourceReadResult | undefined;
  try {
    const fixed = core.resources.get(uri);
    if (fixed !== undefined) {
      value = await fixed.handler(uri, ctx);
    } else {
      // First match wins, in registration order: register the most specific template first.
      for (const entry of core.templates.values()) {
        const variables = entry.template.match(uri);
        if (variables === undefined) continue;
        value = await entry.handler(uri, variables, ctx);
        break;
      }
    }
  } catch (error) {
    if (error instanceof ResourceNotFoundError) throw rules.resourceNotFound(error.uri);
    if (isUrlElicitationRequired(error)) throw rules.urlElicitationRequired(error, channel);
    throw error;
  }
  if (value === undefined) throw rules.resourceNotFound(uri);
  // The spec forbids answering a missing resource with empty contents; a handler returning nothing is a bug.
  if (typeof value !== 'object' || value === null || !Array.isArray(value.contents)) {
    core.report(new TypeError(`The handler of resource "${uri}" returned no contents array`));
    throw new ProtocolError(ErrorCode.InternalError, 'Internal error');
  }
  const result: JSONRPCParams = { contents: value.contents };
  if (value.ttlMs !== undefined) result['ttlMs'] = value.ttlMs;
  if (value.cacheScope !== undefined) result['cacheScope'] = value.cacheScope;
  if (value._meta !== undefined) result['_meta'] = value._meta;
  return rules.finish('resources/read', result);
}
