/**
 * The request headers of Streamable HTTP, lower-cased (Node's `IncomingMessage.headers` and the
 * Fetch `Headers` class both compare names case-insensitively; we store them lower-case).
 */
export const HeaderName = {
  ProtocolVersion: 'mcp-protocol-version',
  Method: 'mcp-method',
  Name: 'mcp-name',
  SessionId: 'mcp-session-id',
  LastEventId: 'last-event-id',
  /** Prefix of the headers mirrored from `x-mcp-header` tool parameters. */
  ParamPrefix: 'mcp-param-',
} as const;

/**
 * The methods whose `Mcp-Name` header mirrors a body field, and which field. A Map, since the key is
 * the client's method string: an object literal would answer `toString` or `__proto__` from its
 * prototype, and those methods would be refused 400 -32020 instead of 404 -32601.
 */
const NAME_SOURCE: ReadonlyMap<string, 'name' | 'uri'> = new Map([
  ['tools/call', 'name'],
  ['prompts/get', 'name'],
  ['resources/read', 'uri'],
]);

/**
 * The body value `Mcp-Name` mirrors for `method`: `params.name` of tools/call and prompts/get,
 * `params.uri` of resources/read. undefined for other methods (no `Mcp-Name` header then), and for
 * those methods when the field is not a string.
 */
export function mcpNameSource(
  method: string,
  params: unknown,
): { required: boolean; value: string | undefined } {
  const field = NAME_SOURCE.get(method);
  if (field === undefined) return { required: false, value: undefined };
  const value =
    typeof params === 'object' && params !== null ? (params as Record<string, unknown>)[field] : undefined;
  return { required: true, value: typeof value === 'string' ? value : undefined };
}
