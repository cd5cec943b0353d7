/**
 * `x-mcp-header` tool parameters (2026-07-28 `server/tools#x-mcp-header`, Streamable HTTP "Custom
 * Headers from Tool Parameters"): which arguments a tool mirrors into `Mcp-Param-{Name}` headers, and
 * whether its annotations are valid. Both sides use it: the client to add the headers and drop invalid
 * tools from `tools/list`, the server to check that the headers match the body.
 */

/** One mirrored parameter: its header name part and the `properties` chain that leads to it. */
export interface ParamHeader {
  /** The `x-mcp-header` value: the header is `Mcp-Param-{name}`. */
  readonly name: string;
  /** Property names from the arguments object down to the value. */
  readonly path: readonly string[];
  /** The declared JSON type: integers are compared numerically. */
  readonly type: 'string' | 'integer' | 'boolean';
}

/** The outcome of reading a tool's annotations. */
export type ParamHeaderScan =
  | { readonly ok: true; readonly headers: readonly ParamHeader[] }
  | { readonly ok: false; readonly reason: string };

const ANNOTATION = 'x-mcp-header';
/** RFC 9110 `tchar`. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PRIMITIVE: ReadonlySet<string> = new Set(['string', 'integer', 'boolean']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single primitive type a property declares (`"string"` or `["string", "null"]`), if any. */
function primitiveType(schema: Record<string, unknown>): ParamHeader['type'] | undefined {
  const declared = schema['type'];
  const types = Array.isArray(declared) ? declared.filter((t) => t !== 'null') : [declared];
  if (types.length !== 1) return undefined;
  const only = types[0];
  return typeof only === 'string' && PRIMITIVE.has(only) ? (only as ParamHeader['type']) : undefined;
}

/** Finds an annotation anywhere under `node` (used for subtrees headers may not come from). */
function findStray(node: unknown, depth: number): boolean {
  if (depth > 64) return false;
  if (Array.isArray(node)) return node.some((item) => findStray(item, depth + 1));
  if (!isObject(node)) return false;
  if (ANNOTATION in node) return true;
  for (const value of Object.values(node)) if (findStray(value, depth + 1)) return true;
  return false;
}

/**
 * Reads the `x-mcp-header` annotations of an `inputSchema`. Invalid when a value is empty, not an
 * HTTP token, repeated (case-insensitively), on a non-primitive or `number` property, or reachable
 * other than through a chain of `properties` keys (`items`, `oneOf`, `$ref`, ... are not followed).
 */
export function scanParamHeaders(inputSchema: unknown): ParamHeaderScan {
  const headers: ParamHeader[] = [];
  const seen = new Set<string>();
  let failure: string | undefined;

  const visit = (schema: Record<string, unknown>, path: readonly string[]): void => {
    for (const [key, value] of Object.entries(schema)) {
      if (failure !== undefined) return;
      if (key === 'properties' && isObject(value)) {
        for (const [property, child] of Object.entries(value)) {
          if (!isObject(child)) continue;
          visitProperty(child, [...path, property]);
          if (failure !== undefined) return;
        }
      } else if (key !== ANNOTATION && findStray(value, 0)) {
        failure = `an ${ANNOTATION} annotation under "${key}" at ${describe(path)} is not reachable through properties alone`;
      }
    }
  };

  const visitProperty = (schema: Record<string, unknown>, path: readonly string[]): void => {
    const annotation = schema[ANNOTATION];
    if (annotation !== undefined) {
      const reason = checkAnnotation(annotation, schema, seen);
      if (reason !== undefined) {
        failure = `${ANNOTATION} of ${describe(path)}: ${reason}`;
        return;
      }
      const name = annotation as string;
      seen.add(name.toLowerCase());
      headers.push({ name, path, type: primitiveType(schema) as ParamHeader['type'] });
    }
    visit(schema, path);
  };

  if (isObject(inputSchema)) {
    if (ANNOTATION in inputSchema) failure = `${ANNOTATION} on the schema root is not a parameter`;
    else visit(inputSchema, []);
  }
  return failure === undefined ? { ok: true, headers } : { ok: false, reason: failure };
}

function checkAnnotation(
  annotation: unknown,
  schema: Record<string, unknown>,
  seen: ReadonlySet<string>,
): string | undefined {
  if (typeof annotation !== 'string' || annotation.length === 0) return 'must be a non-empty string';
  if (!TOKEN.test(annotation)) return `"${annotation}" is not an HTTP header token`;
  if (seen.has(annotation.toLowerCase())) return `"${annotation}" is used twice`;
  if (primitiveType(schema) === undefined)
    return 'only string, integer and boolean parameters can be mirrored';
  return undefined;
}

function describe(path: readonly string[]): string {
  return path.length === 0 ? 'the schema root' : `"${path.join('.')}"`;
}

/** The argument at `path`, or undefined when absent (null counts as absent: the header is omitted). */
export function readParamValue(args: unknown, path: readonly string[]): unknown {
  let current: unknown = args;
  for (const key of path) {
    if (!isObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current === null ? undefined : current;
}
