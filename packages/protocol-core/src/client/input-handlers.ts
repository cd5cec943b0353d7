/**
 * Runs the client's handlers for a server's input requests, the same way in both eras: as engine
 * request handlers on a legacy connection, and for each `inputRequests` entry of a modern
 * `input_required` result. Every answer is checked before it leaves: accepted form content gets the
 * requested schema's defaults and must then satisfy that schema, and each result must match the
 * revision's schema for its method.
 */
import type { ProtocolEngine } from '../engine/engine.js';
import { excerptOf, invalidParams, TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import { compileJsonSchema } from '../json-schema/compile.js';
import { applyJsonSchemaDefaults } from '../json-schema/defaults.js';
import type { ElicitRequestParams, ElicitResult } from '../types/elicitation.js';
import { parseParams, parseResult } from '../types/methods.js';
import type { InputRequest, InputResponse } from '../types/mrtr.js';
import type { Session } from './driver.js';
import { type ElicitationCompletions, urlElicitationIdOf } from './elicitation-complete.js';
import type { ClientHandlers, InputContext } from './options.js';

/** The methods a server may ask a client to serve. */
export type InputMethod = InputRequest['method'];

/** The input methods, for iteration. */
export const INPUT_METHODS: readonly InputMethod[] = [
  'elicitation/create',
  'sampling/createMessage',
  'roots/list',
];

/** The handler that serves `method`, if the client has one. */
export function hasInputHandler(handlers: ClientHandlers, method: InputMethod): boolean {
  if (method === 'elicitation/create') return handlers.elicitation !== undefined;
  if (method === 'sampling/createMessage') return handlers.sampling !== undefined;
  return handlers.roots !== undefined;
}

/** The error of an input request the client cannot serve: its capability is missing. */
export function missingHandler(method: string, where: string): TransportError {
  return new TransportError(
    TransportErrorCode.CapabilityMissing,
    excerptOf(`The server asked for "${method}" (${where}) but the client has no handler for it`),
    { method },
  );
}

function refuse(method: string, why: string): TransportError {
  return new TransportError(
    TransportErrorCode.SendValidation,
    excerptOf(`The ${method} handler returned an invalid result: ${why}`),
    { method },
  );
}

/** Fills defaults into accepted form content and checks it against the requested schema. */
function completeElicitation(params: ElicitRequestParams, result: ElicitResult): ElicitResult {
  if (result.action !== 'accept' || params.mode === 'url') return result;
  const schema = params.requestedSchema;
  const content = applyJsonSchemaDefaults(schema, result.content ?? {});
  // The server's schema may be malformed; a compile error is then this answer's failure, not a crash.
  let validate: ReturnType<typeof compileJsonSchema>;
  try {
    validate = compileJsonSchema(schema);
  } catch (error) {
    throw refuse('elicitation/create', `the requested schema cannot be used: ${(error as Error).message}`);
  }
  const outcome = validate(content);
  if (!outcome.valid) {
    const issues = outcome.issues
      .slice(0, 5)
      .map((issue) => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
    throw refuse('elicitation/create', `content does not match requestedSchema: ${issues.join('; ')}`);
  }
  return { ...result, content: content as ElicitResult['content'] };
}

/** Runs the handler of one input request and returns its checked result. */
export async function fulfilInput(
  handlers: ClientHandlers,
  session: Session,
  request: InputRequest,
  ctx: InputContext,
): Promise<InputResponse> {
  let result: unknown;
  if (request.method === 'elicitation/create') {
    const handler = handlers.elicitation;
    if (handler === undefined) throw missingHandler(request.method, ctx.inputKey ?? 'request');
    result = completeElicitation(request.params, await handler(request.params, ctx));
  } else if (request.method === 'sampling/createMessage') {
    const handler = handlers.sampling;
    if (handler === undefined) throw missingHandler(request.method, ctx.inputKey ?? 'request');
    result = await handler(request.params, ctx);
  } else {
    const handler = handlers.roots;
    if (handler === undefined) throw missingHandler(request.method, ctx.inputKey ?? 'request');
    result = await handler(ctx);
  }
  // The registry knows each revision's result shape (e.g. ElicitResult before and after URL mode).
  const parsed = parseResult(request.method, result, session.version);
  if (!parsed.ok) throw refuse(request.method, parsed.error);
  return parsed.value as InputResponse;
}

/**
 * Registers the handlers the client has as engine request handlers (legacy era: the server sends
 * requests). Methods without a handler stay unregistered, so the engine answers them -32601. The
 * ids of URL-mode elicitations the user accepts go to `completions`.
 */
export function installLegacyInputHandlers(
  engine: ProtocolEngine,
  handlers: ClientHandlers,
  session: Session,
  completions?: ElicitationCompletions,
): void {
  for (const method of INPUT_METHODS) {
    if (!hasInputHandler(handlers, method)) continue;
    engine.setRequestHandler(method, async (params, hctx) => {
      const parsed = parseParams(method, params, session.version);
      if (!parsed.ok) throw invalidParams(parsed.error);
      const request = { method, params: parsed.value } as InputRequest;
      const ctx: InputContext = {
        era: 'legacy',
        protocolVersion: session.version,
        signal: hctx.signal,
        requestId: hctx.requestId,
      };
      // Remembered before the handler runs: the user may finish out of band before it returns.
      const urlId = completions === undefined ? undefined : urlElicitationIdOf(parsed.value as JSONRPCParams);
      if (urlId !== undefined) completions?.remember(urlId);
      let answer: InputResponse;
      try {
        answer = await fulfilInput(handlers, session, request, ctx);
      } catch (error) {
        if (urlId !== undefined) completions?.forget(urlId);
        throw error;
      }
      if (urlId !== undefined && (answer as ElicitResult).action !== 'accept') completions?.forget(urlId);
      return answer as unknown as JSONRPCParams;
    });
  }
}

/** Removes what {@link installLegacyInputHandlers} registered. */
export function removeLegacyInputHandlers(engine: ProtocolEngine): void {
  for (const method of INPUT_METHODS) engine.removeRequestHandler(method);
}
