/**
 * The headers of each kind of request. The caller's headers go first and the protocol's win over them,
 * compared case-insensitively (RFC 9110), so a stray `Mcp-Method` in the options cannot contradict
 * the body.
 */
import { type JSONRPCMessage, type JSONRPCRequest, MetaKey } from '@mcpwire/protocol-core';
import { encodeHeaderValue } from '../shared/header-values.js';
import { HeaderName, mcpNameSource } from '../shared/mcp-headers.js';
import type { HeadersOption } from './options.js';
import type { ToolHeaderRegistry } from './tool-headers.js';

const ACCEPT_BOTH = 'application/json, text/event-stream';

/** No caller headers: shared, since every request copies its base before adding to it. */
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

function lowerCased(given: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(given)) out[name.toLowerCase()] = given[name] as string;
  return out;
}

/**
 * The caller's headers for one request, lower-cased. Synchronous unless the option is a function
 * returning a promise: most requests then skip a promise and an await. Never throws: a throwing
 * function becomes a rejected promise, as it was when this was async.
 */
export function callerHeaders(
  option: HeadersOption | undefined,
): Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>> {
  if (option === undefined) return NO_HEADERS;
  if (typeof option !== 'function') return lowerCased(option);
  try {
    const given = option();
    return typeof (given as { then?: unknown } | null)?.then === 'function'
      ? Promise.resolve(given).then(lowerCased)
      : lowerCased(given as Readonly<Record<string, string>>);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The modern protocol version a request carries in `_meta`, which makes it a 2026-07-28 request. */
export function modernVersionOf(message: JSONRPCMessage): string | undefined {
  if (!('method' in message) || !('id' in message)) return undefined;
  const meta = message.params?.['_meta'];
  if (typeof meta !== 'object' || meta === null) return undefined;
  const version = (meta as Record<string, unknown>)[MetaKey.ProtocolVersion];
  return typeof version === 'string' ? version : undefined;
}

/** The headers of a modern POST: version, method, name, and the tool's mirrored parameters. */
export function modernPostHeaders(
  base: Readonly<Record<string, string>>,
  request: JSONRPCRequest,
  version: string,
  tools: ToolHeaderRegistry,
): Record<string, string> {
  const headers: Record<string, string> = { ...base };
  if (request.method === 'tools/call') Object.assign(headers, tools.paramHeaders(request.params));
  headers['accept'] = ACCEPT_BOTH;
  headers['content-type'] = 'application/json';
  headers[HeaderName.ProtocolVersion] = version;
  headers[HeaderName.Method] = request.method;
  const name = mcpNameSource(request.method, request.params);
  // A missing name is a malformed request: sent without the header, the server names the problem.
  if (name.value !== undefined) headers[HeaderName.Name] = encodeHeaderValue(name.value);
  return headers;
}

/** What legacy requests carry once a session exists. */
export interface LegacyState {
  readonly sessionId: string | undefined;
  readonly protocolVersion: string | undefined;
}

function withSession(headers: Record<string, string>, state: LegacyState): Record<string, string> {
  if (state.sessionId !== undefined) headers[HeaderName.SessionId] = state.sessionId;
  if (state.protocolVersion !== undefined) headers[HeaderName.ProtocolVersion] = state.protocolVersion;
  return headers;
}

/** The headers of a legacy POST: session id and negotiated version once known. */
export function legacyPostHeaders(
  base: Readonly<Record<string, string>>,
  state: LegacyState,
): Record<string, string> {
  return withSession({ ...base, accept: ACCEPT_BOTH, 'content-type': 'application/json' }, state);
}

/** The headers of a legacy GET stream, resuming after `lastEventId` when given. */
export function legacyGetHeaders(
  base: Readonly<Record<string, string>>,
  state: LegacyState,
  lastEventId: string | undefined,
): Record<string, string> {
  const headers = withSession({ ...base, accept: 'text/event-stream' }, state);
  if (lastEventId !== undefined) headers[HeaderName.LastEventId] = lastEventId;
  return headers;
}

/** The headers of the session DELETE. */
export function legacyDeleteHeaders(
  base: Readonly<Record<string, string>>,
  state: LegacyState,
): Record<string, string> {
  return withSession({ ...base }, state);
}
