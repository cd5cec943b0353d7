/**
 * The server's check of elicited form answers (spec `client/elicitation`, "Servers SHOULD validate
 * received data matches the requested schema"): content the user accepted must satisfy the
 * `requestedSchema` the handler sent, or the handler's `ctx.elicit()` rejects with -32602 naming the
 * offending paths. Both eras use it: legacy on the client's response, modern on the `inputResponses`
 * entry. Nothing here runs unless a handler elicits.
 */
import { ErrorCode } from '../error-codes.js';
import { ProtocolError } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import { compileJsonSchema } from '../json-schema/compile.js';
import type { JsonSchemaValidator } from '../json-schema/types.js';
import { summarize } from '../engine/schema.js';
import { pointerToPath } from './schema-source.js';

// By schema object: a handler's constant schema compiles once; one built per call is collected with it.
const validators = new WeakMap<object, JsonSchemaValidator>();

/**
 * The validator of a form elicitation's `requestedSchema`, compiled before anything is sent: a schema
 * that cannot be compiled is the server's bug (a TypeError), and the user should not be asked first.
 */
export function formValidator(params: JSONRPCParams | undefined): JsonSchemaValidator {
  const schema = params?.['requestedSchema'];
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new TypeError('A form elicitation needs a requestedSchema object');
  }
  let validate = validators.get(schema);
  if (validate === undefined) {
    try {
      validate = compileJsonSchema(schema);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TypeError(`Cannot use the requestedSchema of an elicitation: ${reason}`, { cause: error });
    }
    validators.set(schema, validate);
  }
  return validate;
}

/**
 * The -32602 for an accepted answer whose content breaks the schema (`what` names the answer), or
 * undefined. Content left out of an accept is checked as `{}`: required fields are still required.
 */
export function checkFormAnswer(
  validate: JsonSchemaValidator,
  answer: JSONRPCParams,
  what: string,
): ProtocolError | undefined {
  if (answer['action'] !== 'accept') return undefined;
  const outcome = validate(answer['content'] ?? {});
  if (outcome.valid) return undefined;
  // The same issue shape as invalid tool arguments: a path of keys and a message, never the value.
  const issues = outcome.issues.map((issue) => ({ path: pointerToPath(issue.path), message: issue.message }));
  return new ProtocolError(
    ErrorCode.InvalidParams,
    `${what}: the accepted content does not match the requestedSchema (${summarize(issues)})`,
    { issues },
  );
}
