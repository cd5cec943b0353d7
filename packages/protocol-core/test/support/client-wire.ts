/**
 * Checks a client's traffic against the official JSON schema of a revision: every message must be a
 * valid JSONRPCMessage, every request a valid ClientRequest, every notification a valid
 * ClientNotification, and every answer to a server request a valid result of that request's method.
 * The era probe (`server/discover`) is a modern message whatever the server turned out to be.
 */
import type { JSONRPCMessage } from '../../src/jsonrpc.js';
import { assertValidDefinition, assertValidMessage } from './schema-validator.js';

/** The official result definition of each server-to-client request. */
const RESULT_DEFINITIONS: Record<string, string> = {
  'sampling/createMessage': 'CreateMessageResult',
  'elicitation/create': 'ElicitResult',
  'roots/list': 'ListRootsResult',
};

/**
 * Validates everything the client sent. `serverRequests` maps the ids of the requests the server sent
 * to their methods, so that the client's answers are checked against the right result definition.
 */
export function assertClientTraffic(
  revision: string,
  sent: readonly JSONRPCMessage[],
  serverRequests: ReadonlyMap<string | number, string> = new Map(),
): number {
  let checked = 0;
  for (const message of sent) {
    const isProbe = 'method' in message && message.method === 'server/discover';
    const rev = isProbe ? '2026-07-28' : revision;
    assertValidMessage(rev, message);
    if ('method' in message) {
      assertValidDefinition(rev, 'id' in message ? 'ClientRequest' : 'ClientNotification', message);
    } else if ('result' in message) {
      const method = serverRequests.get(message.id);
      if (method === undefined) throw new Error(`client answered unknown server request ${message.id}`);
      assertValidDefinition(rev, RESULT_DEFINITIONS[method] ?? 'Result', message.result);
    }
    checked++;
  }
  return checked;
}

/** The ids and methods of the requests in `messages` (what a server sent), for {@link assertClientTraffic}. */
export function requestMethods(messages: readonly JSONRPCMessage[]): Map<string | number, string> {
  const methods = new Map<string | number, string>();
  for (const message of messages) {
    if ('method' in message && 'id' in message) methods.set(message.id, message.method);
  }
  return methods;
}
