/**
 * 2026-07-28 "Server Validation": the headers a modern request mirrors from its body must be present
 * and agree with it (`MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name`, and the `Mcp-Param-*` of a
 * tool's `x-mcp-header` parameters), else the request is refused with 400 and -32020. Values are
 * compared after Base64-sentinel decoding; integers numerically.
 */
import type { JSONRPCRequest, McpServer } from '@mcpwire/protocol-core';
import { excerptOf } from '@mcpwire/protocol-core/transport-kit';
import { decodeHeaderValue, headerStringOf } from '../shared/header-values.js';
import { HeaderName, mcpNameSource } from '../shared/mcp-headers.js';
import {
  type ParamHeader,
  type ParamHeaderScan,
  readParamValue,
  scanParamHeaders,
} from '../shared/param-headers.js';
import type { HttpExchange } from './exchange.js';

/** Scans per `inputSchema` object: a tool's descriptor keeps its schema until the tool is updated. */
const scans = new WeakMap<object, ParamHeaderScan>();

/**
 * A decimal number as JSON or a header may write it (`42`, `-7`, `42.0`, `4.2e1`); no hex, no blanks.
 * Each digit run can be matched one way only (digits after a dot only follow the dot), so a failing
 * match is linear: `\d+\.?\d*` split a run of digits every possible way before failing, quadratic
 * in the length of a long header.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Longer decimal text is refused before the pattern runs. A double prints in at most 24 characters
 * (`-1.7976931348623157e+308`); the bound leaves room for zero padding and spelled-out integers.
 */
export const MAX_DECIMAL_HEADER_CHARS = 400;

function quote(value: string): string {
  return `'${excerptOf(value)}'`;
}

function mismatch(header: string, given: string, body: string): string {
  return `Header mismatch: ${header} header value ${quote(given)} does not match body value ${quote(body)}`;
}

function scanOf(inputSchema: object): ParamHeaderScan {
  let scan = scans.get(inputSchema);
  if (scan === undefined) {
    scan = scanParamHeaders(inputSchema);
    scans.set(inputSchema, scan);
  }
  return scan;
}

/** True when a decoded header value stands for the argument `value` of a `type` parameter. */
function sameValue(decoded: string, value: unknown, type: ParamHeader['type']): boolean {
  if (type === 'integer' && typeof value === 'number')
    return decoded.length <= MAX_DECIMAL_HEADER_CHARS && DECIMAL.test(decoded) && Number(decoded) === value;
  return decoded === headerStringOf(value);
}

/** The `Mcp-Param-*` check of a tools/call, against the tool's annotations; undefined when they agree. */
function paramMismatch(
  exchange: HttpExchange,
  params: JSONRPCRequest['params'],
  server: McpServer,
): string | undefined {
  const name = params?.['name'];
  if (typeof name !== 'string') return undefined;
  const tool = server.getTool(name);
  // An unknown tool is the handler's to refuse; a tool with invalid annotations mirrors nothing
  // (clients drop it from tools/list, so no conforming client sends its headers).
  if (tool === undefined) return undefined;
  const scan = scanOf(tool.inputSchema);
  if (!scan.ok) return undefined;
  const args = params?.['arguments'];
  for (const param of scan.headers) {
    const header = `Mcp-Param-${param.name}`;
    const raw = exchange.header(`${HeaderName.ParamPrefix}${param.name.toLowerCase()}`);
    const value = readParamValue(args, param.path);
    if (value === undefined) {
      if (raw !== undefined)
        return `Header mismatch: ${header} is present but the argument it mirrors is absent`;
      continue;
    }
    // A value the header cannot carry (an object where a string is declared) is left to schema validation.
    if (headerStringOf(value) === undefined && !(param.type === 'integer' && typeof value === 'number'))
      continue;
    if (raw === undefined)
      return `Header mismatch: the ${header} header is required (the argument has a value)`;
    const decoded = decodeHeaderValue(raw);
    if (decoded === undefined) return `Header mismatch: ${header} has invalid characters or invalid Base64`;
    if (!sameValue(decoded, value, param.type)) return mismatch(header, decoded, String(value));
  }
  return undefined;
}

/**
 * Why a modern request's headers disagree with its body, or undefined when they agree. `bodyVersion`
 * is its `_meta` protocol version; when absent the body is malformed, which the era answers -32602.
 */
export function headerMismatch(
  exchange: HttpExchange,
  request: JSONRPCRequest,
  bodyVersion: unknown,
  server: McpServer,
): string | undefined {
  const version = exchange.header(HeaderName.ProtocolVersion);
  if (version === undefined) return 'Header mismatch: the MCP-Protocol-Version header is required';
  if (typeof bodyVersion === 'string' && version !== bodyVersion)
    return mismatch('MCP-Protocol-Version', version, bodyVersion);
  const method = exchange.header(HeaderName.Method);
  if (method === undefined) return 'Header mismatch: the Mcp-Method header is required';
  if (method !== request.method) return mismatch('Mcp-Method', method, request.method);
  const source = mcpNameSource(request.method, request.params);
  if (source.required) {
    const raw = exchange.header(HeaderName.Name);
    if (raw === undefined) return `Header mismatch: the Mcp-Name header is required for ${request.method}`;
    const decoded = decodeHeaderValue(raw);
    if (decoded === undefined) return 'Header mismatch: Mcp-Name has invalid characters or invalid Base64';
    if (decoded !== source.value) return mismatch('Mcp-Name', decoded, source.value ?? '(absent)');
  }
  return request.method === 'tools/call' ? paramMismatch(exchange, request.params, server) : undefined;
}
