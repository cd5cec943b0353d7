/**
 * Multi round-trip requests (spec `basic/patterns/mrtr`), the client side: when `tools/call`,
 * `prompts/get` or `resources/read` answers `input_required`, run a handler for every `inputRequests`
 * entry (in parallel), then retry the original request, as a new request with a new id, with the
 * same params plus `inputResponses` and the exact `requestState`. Each retry carries only what that
 * result asked for: nothing leaks into other requests, nor from one round into the next.
 */
import { TransportError, TransportErrorCode } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { McpMethod } from '../types/method-types.js';
import { type InputRequests, type InputResponses, isInputRequiredResult } from '../types/mrtr.js';
import type { DriverRequestOptions, EraDriver } from './driver.js';
import { fulfilInput, hasInputHandler, missingHandler } from './input-handlers.js';
import type { ClientHandlers, InputContext } from './options.js';

/** What the loop needs from the client. */
export interface MrtrHost {
  readonly driver: EraDriver;
  readonly handlers: ClientHandlers;
  readonly maxInputRounds: number;
}

/** The members a retry adds; a caller's own copies are dropped so that only the server's survive. */
function baseParams(params: JSONRPCParams): JSONRPCParams {
  const { inputResponses: _responses, requestState: _state, ...rest } = params;
  return rest;
}

/** Answers every input request, in parallel; the first failure aborts the others and is thrown. */
async function fulfilAll(
  host: MrtrHost,
  method: McpMethod,
  requests: InputRequests,
  signal: AbortSignal | undefined,
): Promise<InputResponses> {
  const entries = Object.entries(requests);
  // Checked before any handler runs: asking the user something, then failing anyway, helps nobody.
  for (const [key, request] of entries) {
    if (!hasInputHandler(host.handlers, request.method))
      throw missingHandler(request.method, `inputRequests["${key}"]`);
  }
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted === true) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const session = host.driver.session;
  try {
    const results = await Promise.all(
      entries.map(async ([key, request]) => {
        const ctx: InputContext = {
          era: session.era,
          protocolVersion: session.version,
          signal: controller.signal,
          inputKey: key,
          originMethod: method,
        };
        try {
          return [key, await fulfilInput(host.handlers, session, request, ctx)] as const;
        } catch (error) {
          controller.abort(error);
          throw error;
        }
      }),
    );
    return Object.fromEntries(results);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The modern era's input rounds (the modern driver's `requestWithInput`): sends `method` and completes it through as many input rounds as the server asks for, up to
 * `maxInputRounds` (then `MCPWIRE_ERR_LIMIT_EXCEEDED`). An input request without a handler fails
 * with `MCPWIRE_ERR_CAPABILITY_MISSING` and nothing is retried.
 */
export async function requestWithInput(
  host: MrtrHost,
  method: McpMethod,
  params: JSONRPCParams,
  options: DriverRequestOptions | undefined,
): Promise<unknown> {
  // Made at the first retry only: a rest-spread copy on every call cost ~0.1 µs and an object to collect.
  let base: JSONRPCParams | undefined;
  let sent: JSONRPCParams = params;
  for (let round = 0; ; round++) {
    const result = await host.driver.request(method, sent, options);
    if (!isInputRequiredResult(result)) return result;
    if (round >= host.maxInputRounds) {
      throw new TransportError(
        TransportErrorCode.LimitExceeded,
        `"${method}" still required input after ${host.maxInputRounds} rounds (maxInputRounds)`,
        { method, limit: { name: 'maxInputRounds', value: host.maxInputRounds } },
      );
    }
    base ??= baseParams(params);
    const retry: JSONRPCParams = { ...base };
    if (result.inputRequests !== undefined) {
      retry['inputResponses'] = await fulfilAll(host, method, result.inputRequests, options?.signal);
    }
    // Echoed exactly, and only when sent: the spec forbids inventing or keeping a stale one.
    if (result.requestState !== undefined) retry['requestState'] = result.requestState;
    sent = retry;
  }
}
