/**
 * Resolution of local `$ref`s: `#`, `#/json/pointer` (RFC 6901, percent-decoded as a URI fragment),
 * `#anchor` (`$anchor`, or a draft-07 `$id: "#anchor"`), and any of those prefixed with the root's
 * `$id`. Remote references are not fetched. Internal to the validator.
 */
import { isJsonObject } from './context.js';

/** Keywords whose values are data, not schemas: anchors inside them do not count. */
const DATA_KEYWORDS: ReadonlySet<string> = new Set(['const', 'enum', 'default', 'examples']);

/** Resolves a `$ref` against the root schema: the target, or undefined when it points nowhere. */
export type RefResolver = (ref: string) => unknown;

/** Unescapes one JSON Pointer token: `~1` is `/`, `~0` is `~` (in that order). */
function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of pointer.split('/').slice(1).map(unescapeToken)) {
    if (Array.isArray(node) && /^(?:0|[1-9]\d*)$/.test(token)) node = node[Number(token)];
    else if (isJsonObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

/** Every plain-name anchor of the schema, found by one iterative walk (cycle-safe). */
function collectAnchors(root: unknown): Map<string, unknown> {
  const anchors = new Map<string, unknown>();
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const record = node as Record<string, unknown>;
    const anchor = record['$anchor'];
    const id = record['$id'];
    if (typeof anchor === 'string' && !anchors.has(anchor)) anchors.set(anchor, record);
    if (typeof id === 'string' && id.startsWith('#') && !anchors.has(id.slice(1)))
      anchors.set(id.slice(1), record);
    for (const [key, value] of Object.entries(record)) {
      if (!DATA_KEYWORDS.has(key)) stack.push(value);
    }
  }
  return anchors;
}

/** A resolver for the local references of `root`. */
export function createRefResolver(root: unknown): RefResolver {
  const rawId = isJsonObject(root) ? root['$id'] : undefined;
  // A draft-07 `$id` may end with an empty fragment: `https://example.com/s.json#`.
  const baseId = typeof rawId === 'string' && !rawId.startsWith('#') ? rawId.replace(/#$/, '') : undefined;
  let anchors: Map<string, unknown> | undefined;
  return (ref) => {
    let local = ref;
    if (baseId !== undefined && baseId !== '' && local.startsWith(baseId)) {
      local = local.slice(baseId.length);
      if (local === '') local = '#';
    }
    if (!local.startsWith('#')) return undefined;
    let fragment: string;
    try {
      fragment = decodeURIComponent(local.slice(1));
    } catch {
      return undefined;
    }
    if (fragment === '') return root;
    if (fragment.startsWith('/')) return resolvePointer(root, fragment);
    // Anchors are rare: the walk happens on the first anchor reference only.
    anchors ??= collectAnchors(root);
    return anchors.get(fragment);
  };
}
