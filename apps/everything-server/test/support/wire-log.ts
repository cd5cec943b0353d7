/**
 * A recording transport decorator for interop tests: it logs every message one side sends and
 * receives, and checks each against the official JSON schema of the revision it belongs to
 * (`spec/mcp-schema/<rev>/schema.json`, through protocol-core's test validator).
 *
 * The revision of a message is read from the traffic itself, as a peer would: a request that carries
 * `_meta["io.modelcontextprotocol/protocolVersion"]` is modern; `initialize` names its revision and
 * its result the negotiated one; a response belongs to its request's revision; anything else to the
 * revision negotiated so far.
 */
import type { JSONRPCMessage, Transport, TransportDecorator } from '@mcpwire/protocol-core';
import {
  SCHEMA_REVISIONS,
  schemaDefinitions,
  validateDefinition,
  validateMessage,
} from '../../../../packages/protocol-core/test/support/schema-validator.js';

const PROTOCOL_VERSION_KEY = 'io.modelcontextprotocol/protocolVersion';
const MODERN = '2026-07-28';

/** One message seen on the wire. */
export interface WireEntry {
  /** `out`: sent by the side this log wraps; `in`: received by it. */
  direction: 'in' | 'out';
  message: JSONRPCMessage;
  /** The revision the message was checked against. */
  revision: string;
  /** For a response: the method of the request it answers, where that request was seen. */
  answers?: string | undefined;
}

/** A schema violation, with the message that caused it. */
export interface WireViolation {
  entry: WireEntry;
  errors: string[];
}

/** The result definition of each request method, where the schema has one. */
const RESULT_DEFINITIONS: Readonly<Record<string, string>> = {
  initialize: 'InitializeResult',
  ping: 'EmptyResult',
  'logging/setLevel': 'EmptyResult',
  'resources/subscribe': 'EmptyResult',
  'resources/unsubscribe': 'EmptyResult',
  'server/discover': 'DiscoverResult',
  'tools/list': 'ListToolsResult',
  'tools/call': 'CallToolResult',
  'prompts/list': 'ListPromptsResult',
  'prompts/get': 'GetPromptResult',
  'resources/list': 'ListResourcesResult',
  'resources/templates/list': 'ListResourceTemplatesResult',
  'resources/read': 'ReadResourceResult',
  'completion/complete': 'CompleteResult',
  'subscriptions/listen': 'SubscriptionsListenResult',
  'sampling/createMessage': 'CreateMessageResult',
  'elicitation/create': 'ElicitResult',
  'roots/list': 'ListRootsResult',
};

/** method → request or notification definition, per revision, read from the schema's `method` consts. */
const methodDefinitions = new Map<string, Map<string, string>>();

function definitionOfMethod(revision: string, method: string): string | undefined {
  let byMethod = methodDefinitions.get(revision);
  if (byMethod === undefined) {
    byMethod = new Map();
    for (const [name, definition] of Object.entries(schemaDefinitions(revision))) {
      const properties = definition['properties'] as Record<string, { const?: unknown }> | undefined;
      const constant = properties?.['method']?.const;
      // The JSON-RPC envelope definitions have no const; only concrete MCP messages do.
      if (typeof constant === 'string' && !byMethod.has(constant)) byMethod.set(constant, name);
    }
    methodDefinitions.set(revision, byMethod);
  }
  return byMethod.get(method);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasSchema(revision: unknown): revision is string {
  return typeof revision === 'string' && SCHEMA_REVISIONS.includes(revision);
}

/** Records both directions of one transport and validates every message; see the module comment. */
export class WireLog {
  /** Every message, in the order this side saw it. */
  readonly entries: WireEntry[] = [];
  /** Messages that failed their schema. */
  readonly violations: WireViolation[] = [];
  /** The revision negotiated by `initialize`, once answered. */
  negotiated: string | undefined = undefined;
  /** Request ids (per direction of the request) → method and revision, to check responses. */
  readonly #requests = new Map<string, { method: string; revision: string }>();

  /** The decorator: wrap the transport of the side under observation. */
  readonly decorate: TransportDecorator = (inner) => this.#wrap(inner);

  /** Messages of one direction, optionally of one method. */
  sent(method?: string): JSONRPCMessage[] {
    return this.#select('out', method);
  }

  received(method?: string): JSONRPCMessage[] {
    return this.#select('in', method);
  }

  /** The results (not errors) the other side sent in answer to this side's `method` requests, in order. */
  resultsOf(method: string): Record<string, unknown>[] {
    return this.entries.flatMap((e) =>
      e.direction === 'in' && e.answers === method && 'result' in e.message
        ? [e.message.result as Record<string, unknown>]
        : [],
    );
  }

  #select(direction: 'in' | 'out', method: string | undefined): JSONRPCMessage[] {
    return this.entries
      .filter(
        (e) =>
          e.direction === direction &&
          (method === undefined || ('method' in e.message && e.message.method === method)),
      )
      .map((e) => e.message);
  }

  #wrap(inner: Transport): Transport {
    const outer: Transport = {
      start: () => inner.start(),
      close: () => inner.close(),
      send: (message, options) => {
        this.#record('out', message);
        return inner.send(message, options);
      },
      setProtocolVersion: (version) => inner.setProtocolVersion?.(version),
      get sessionId() {
        return inner.sessionId;
      },
    };
    // Installed now and forwarding at call time, so callbacks the engine sets later are honoured.
    inner.onmessage = (message, extra) => {
      this.#record('in', message);
      outer.onmessage?.(message, extra);
    };
    inner.onerror = (error) => outer.onerror?.(error);
    inner.onclose = () => outer.onclose?.();
    return outer;
  }

  #record(direction: 'in' | 'out', message: JSONRPCMessage): void {
    const revision = this.#revisionOf(direction, message);
    const entry: WireEntry = { direction, message, revision };
    if (!('method' in message))
      entry.answers = this.#requests.get(
        `${direction === 'in' ? 'out' : 'in'}:${String(message.id)}`,
      )?.method;
    this.entries.push(entry);
    if (!hasSchema(revision)) return;
    const errors = [
      ...validateMessage(revision, message).errors,
      ...this.#specificErrors(direction, message, revision),
    ];
    if (errors.length > 0) this.violations.push({ entry, errors });
  }

  #revisionOf(direction: 'in' | 'out', message: JSONRPCMessage): string {
    const fallback = this.negotiated ?? MODERN;
    if ('method' in message) {
      const params = isObject(message.params) ? message.params : undefined;
      const meta = params !== undefined && isObject(params['_meta']) ? params['_meta'] : undefined;
      let revision = fallback;
      if (typeof meta?.[PROTOCOL_VERSION_KEY] === 'string') revision = meta[PROTOCOL_VERSION_KEY];
      else if (message.method === 'initialize' && hasSchema(params?.['protocolVersion'])) {
        revision = params['protocolVersion'] as string;
      }
      if ('id' in message)
        this.#requests.set(`${direction}:${String(message.id)}`, { method: message.method, revision });
      return revision;
    }
    // A response travels the other way from its request.
    const key = `${direction === 'in' ? 'out' : 'in'}:${String(message.id)}`;
    const request = this.#requests.get(key);
    if (request?.method === 'initialize' && 'result' in message && isObject(message.result)) {
      const version = message.result['protocolVersion'];
      if (hasSchema(version)) {
        this.negotiated = version;
        return version;
      }
    }
    return request?.revision ?? fallback;
  }

  /** The check beyond the envelope: the concrete request, notification or result definition. */
  #specificErrors(direction: 'in' | 'out', message: JSONRPCMessage, revision: string): string[] {
    if ('method' in message) {
      const definition = definitionOfMethod(revision, message.method);
      // An unknown method is legal JSON-RPC; the peer answers -32601, which is checked as a response.
      if (definition === undefined) return [];
      return validateDefinition(revision, definition, message).errors.map((e) => `${definition}${e}`);
    }
    if (!('result' in message)) return [];
    const request = this.#requests.get(`${direction === 'in' ? 'out' : 'in'}:${String(message.id)}`);
    if (request === undefined) return [];
    let definition = RESULT_DEFINITIONS[request.method];
    if (isObject(message.result) && message.result['resultType'] === 'input_required')
      definition = 'InputRequiredResult';
    if (definition === undefined || !(definition in schemaDefinitions(revision))) return [];
    return validateDefinition(revision, definition, message.result).errors.map((e) => `${definition}${e}`);
  }
}

/** A readable summary of violations, for `expect(...).toEqual([])` failures. */
export function describeViolations(log: WireLog): string[] {
  return log.violations.map(
    (v) =>
      `${v.entry.direction} ${v.entry.revision} ${JSON.stringify(v.entry.message).slice(0, 160)}: ${v.errors.join('; ')}`,
  );
}
