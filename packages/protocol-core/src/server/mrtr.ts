/**
 * The replay half of modern multi round-trip requests. A handler runs again from the start on every
 * round; its input calls are numbered in call order (`input-0`, `input-1`, …), so the same call
 * gets the same key each time. A call whose key has an answer (from an earlier round, carried in
 * `requestState`, or from this retry's `inputResponses`) returns it; a call without one is recorded
 * as an input request and rejects with {@link InputRequiredSignal}, which ends the round.
 */
import { ErrorCode } from '../error-codes.js';
import { excerptOf, ProtocolError } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import { ElicitResultSchema } from '../types/elicitation.js';
import type { InputRequest, InputRequests } from '../types/mrtr.js';
import { ListRootsResultSchema } from '../types/roots.js';
import { CreateMessageResultSchema } from '../types/sampling.js';
import type { InputMethod } from './era.js';
import type { CarriedAnswer, StatePayload } from './request-state.js';

/**
 * Thrown into a handler by an input call that has no answer yet. Internal: the modern era turns it
 * into an `InputRequiredResult`; handlers that catch it should rethrow it.
 */
export class InputRequiredSignal extends Error {
  override readonly name: string = 'InputRequiredSignal';

  constructor(key: string) {
    super(`Input "${key}" is required from the client; the request ends with input_required`);
  }
}

const RESULT_SCHEMAS = {
  'elicitation/create': ElicitResultSchema,
  'sampling/createMessage': CreateMessageResultSchema,
  'roots/list': ListRootsResultSchema,
} as const;

/** The input state of one round: the answers known, and the requests still missing. */
export class InputRound {
  /** Answers by key: earlier rounds' plus this retry's. */
  readonly answers: { [key: string]: CarriedAnswer };
  /** Input requests the handler made this round that have no answer, by key. */
  readonly missing: InputRequests = {};
  #missingCount = 0;
  #next = 0;

  /**
   * Merges the retry's `inputResponses` into the carried answers: only keys the last round asked
   * are taken (the spec says to ignore anything unrecognized), each checked against its method's
   * result schema (-32602 when it does not parse).
   */
  constructor(state: StatePayload | undefined, responses: { [key: string]: unknown } | undefined) {
    this.answers = state === undefined ? {} : { ...state.r };
    if (state === undefined || responses === undefined) return;
    for (const [key, method] of Object.entries(state.a)) {
      if (!Object.hasOwn(responses, key)) continue;
      const parsed = RESULT_SCHEMAS[method]?.safeParse(responses[key]);
      if (parsed === undefined || !parsed.success) {
        throw new ProtocolError(
          ErrorCode.InvalidParams,
          `Invalid inputResponses["${excerptOf(key)}"]: not a valid ${method} result`,
        );
      }
      this.answers[key] = { m: method, v: parsed.data as unknown as JSONRPCParams };
    }
  }

  /** True when the handler asked for input that has no answer yet. */
  get inputRequired(): boolean {
    return this.#missingCount > 0;
  }

  /** The methods of the missing requests, by key: what the next retry may answer. */
  missingMethods(): { [key: string]: InputMethod } {
    const methods: { [key: string]: InputMethod } = {};
    for (const [key, request] of Object.entries(this.missing)) methods[key] = request.method;
    return methods;
  }

  /** The next input call: its answer, or a rejection with {@link InputRequiredSignal} after recording it. */
  take(method: InputMethod, params: JSONRPCParams | undefined): Promise<JSONRPCParams> {
    const key = `input-${this.#next++}`;
    const answer = this.answers[key];
    if (answer !== undefined) {
      // Another method under the same key means the handler does not call in the same order each time.
      if (answer.m !== method) {
        return Promise.reject(
          new Error(
            `Input "${key}" was answered for ${answer.m}, but the handler now asks for ${method}: input calls must happen in the same order every round`,
          ),
        );
      }
      return Promise.resolve(answer.v);
    }
    this.missing[key] = (params === undefined ? { method } : { method, params }) as InputRequest;
    this.#missingCount++;
    return Promise.reject(new InputRequiredSignal(key));
  }
}
