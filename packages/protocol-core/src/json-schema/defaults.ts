/**
 * `applyJsonSchemaDefaults`: fills the `default`s of missing object properties, e.g. to complete
 * an elicitation answer before it is validated and returned. Tolerant by design: the schema may come
 * from a peer, so nothing here throws for a strange schema; it just fills less.
 */
import { isJsonObject } from './context.js';
import { type RefResolver, createRefResolver } from './refs.js';

/** Instance levels that are copied and filled; deeper subtrees are shared with the input as they are. */
const MAX_LEVEL = 64;
/** Nested schema steps (`$ref`, `allOf`, descents): bounds a `$ref` cycle that never descends. */
const MAX_NESTING = 1024;
/** `$ref` hops followed to find a property's `default`. */
const MAX_DEFAULT_HOPS = 8;

/** A deep copy of a JSON value, down to `MAX_LEVEL` (a cyclic value is shared below that). */
function cloneJson(value: unknown, level: number): unknown {
  if (level > MAX_LEVEL) return value;
  if (Array.isArray(value)) return value.map((item) => cloneJson(item, level + 1));
  // Only plain objects are copied; class instances (Date, Map...) are not JSON and stay shared.
  if (isJsonObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
    // Object.fromEntries defines own properties, so a "__proto__" key stays an ordinary key.
    return Object.fromEntries(
      Object.entries(value).map(([key, member]) => [key, cloneJson(member, level + 1)]),
    );
  }
  return value;
}

function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, not assignment: a schema property named "__proto__" must not set the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

class DefaultsFiller {
  /** Schema steps on the current call chain (not in total: a long array is fine). */
  private nesting = 0;
  /** Set once the nesting cap is hit: everything stops, so a branching $ref cycle cannot go exponential. */
  private exhausted = false;

  constructor(private readonly resolve: RefResolver) {}

  /** The `default` of a schema, following `$ref`s when the schema itself has none. */
  defaultOf(schema: unknown): unknown {
    let node = schema;
    for (let hop = 0; hop <= MAX_DEFAULT_HOPS && isJsonObject(node); hop++) {
      if (node['default'] !== undefined) return node['default'];
      if (typeof node['$ref'] !== 'string') return undefined;
      node = this.resolve(node['$ref']);
    }
    return undefined;
  }

  /** Fills `target` (already a private copy down to MAX_LEVEL) in place. */
  fill(schema: unknown, target: unknown, level: number): void {
    if (this.nesting >= MAX_NESTING) this.exhausted = true;
    if (this.exhausted || !isJsonObject(schema) || level > MAX_LEVEL) return;
    this.nesting++;
    if (typeof schema['$ref'] === 'string') this.fill(this.resolve(schema['$ref']), target, level);
    if (Array.isArray(schema['allOf'])) {
      for (const branch of schema['allOf']) this.fill(branch, target, level);
    }
    if (isJsonObject(target)) this.fillObject(schema, target, level);
    else if (Array.isArray(target)) this.fillArray(schema, target, level);
    this.nesting--;
  }

  private fillObject(schema: Record<string, unknown>, target: Record<string, unknown>, level: number): void {
    const properties = schema['properties'];
    if (!isJsonObject(properties)) return;
    for (const [key, sub] of Object.entries(properties)) {
      if (!Object.hasOwn(target, key) || target[key] === undefined) {
        const fallback = this.defaultOf(sub);
        if (fallback === undefined) continue;
        setMember(target, key, cloneJson(fallback, level + 1));
      }
      this.fill(sub, target[key], level + 1);
    }
  }

  private fillArray(schema: Record<string, unknown>, target: unknown[], level: number): void {
    const items = schema['items'];
    const prefix = Array.isArray(items)
      ? items
      : Array.isArray(schema['prefixItems'])
        ? schema['prefixItems']
        : [];
    const rest = Array.isArray(items) ? schema['additionalItems'] : items;
    target.forEach((item, index) => {
      this.fill(index < prefix.length ? prefix[index] : rest, item, level + 1);
    });
  }
}

/**
 * Returns a copy of `value` in which every missing object property whose schema has a `default` is
 * set to (a copy of) that default, recursively through `properties`, `items` / `prefixItems`, `allOf`
 * and local `$ref`s. A missing root takes the root's `default`. Never mutates `value` or `schema`;
 * `anyOf` / `oneOf` branches are not guessed at.
 *
 * @example
 * applyJsonSchemaDefaults({ properties: { n: { type: 'number', default: 1 } } }, {}); // { n: 1 }
 */
export function applyJsonSchemaDefaults(schema: unknown, value: unknown): unknown {
  const filler = new DefaultsFiller(createRefResolver(schema));
  const start = value === undefined ? filler.defaultOf(schema) : value;
  const copy = cloneJson(start, 0);
  filler.fill(schema, copy, 0);
  return copy;
}
