/**
 * The replay half of modern multi round-trip requests. A handler runs again from the start on every
 * round, so each input call needs a key that is the same on every run: the handler's own
 * (`InputOptions.key`), or else a number in call order among the unnamed calls (`input-0`,
 * `input-1`, …). A call whose key has an answer (from an earlier round, carried in `requestState`,
 * or from this retry's `inputResponses`) returns it; a call without one is recorded as an input
 * request and rejects with {@link InputRequiredSignal}, which ends the round.
 */
import { ErrorCode } from '../error-codes.js';
import { excerptOf, ProtocolError } from '../errors.js';
import type { JSONRPCParams } from '../jsonrpc.js';
import type { JsonSchemaValidator } from '../json-schema/types.js';
import { ElicitResultSchema } from '../types/elicitation.js';
import type { InputRequest, InputRequests } from '../types/mrtr.js';
import { ListRootsResultSchema } from '../types/roots.js';
import { CreateMessageResultSchema } from '../types/sampling.js';
import { checkFormAnswer } from './elicitation-answer.js';
import type { InputMethod } from './era.js';
import type { CarriedAnswer, StatePayload } from './request-state.js';

/** The key prefix of inputs asked by {@link InputRound.require}. */
const REQUIRED_KEY_PREFIX = 'url-elicitation-';

/** The longest input key a handler may choose: keys travel in every result and state of the request. */
export const MAX_INPUT_KEY_CHARS = 128;

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

type Responses = { [key: string]: unknown };

/**
 * The answer under `key`, checked against its method's result schema; -32602 when it does not parse.
 * Own keys only: `inputResponses` is client JSON, and `__proto__` or `toString` must read as absent.
 */
function parseAnswer(responses: Responses, key: string, method: InputMethod): CarriedAnswer | undefined {
  if (!Object.hasOwn(responses, key)) return undefined;
  const parsed = RESULT_SCHEMAS[method]?.safeParse(responses[key]);
  if (parsed === undefined || !parsed.success) {
    throw new ProtocolError(
      ErrorCode.InvalidParams,
      `Invalid inputResponses["${excerptOf(key)}"]: not a valid ${method} result`,
    );
  }
  return { m: method, v: parsed.data as unknown as JSONRPCParams };
}

/** The input state of one round: the answers known, and the requests still missing. */
export class InputRound {
  // Maps, not records: keys come from handlers and clients, and a record would give `__proto__` a meaning.
  readonly #answers: Map<string, CarriedAnswer>;
  readonly #missing = new Map<string, InputRequest>();
  /** Keys taken by input calls in this run of the handler: each may be used once. */
  readonly #used = new Set<string>();
  /** A retry's `inputResponses` without a `requestState`, matched lazily to the calls the handler makes. */
  readonly #cold: Responses | undefined;
  /** Says which request a server bug was found in, for the report. */
  readonly #where: string;
  #failure: Error | undefined = undefined;
  #next = 0;
  /** Counts {@link require} calls, apart from `#next`: those keys are never answered to a handler. */
  #required = 0;

  /**
   * With a verified state, merges the retry's `inputResponses` into the carried answers: only keys
   * the last round asked are taken (the spec says to ignore anything unrecognized), each checked
   * against its method's result schema (-32602 when it does not parse). Without a state, the
   * responses answer whatever the handler asks in this run (see {@link take}).
   */
  constructor(state: StatePayload | undefined, responses: Responses | undefined, where: string) {
    this.#where = where;
    this.#answers = new Map(state === undefined ? [] : Object.entries(state.r));
    this.#cold = state === undefined ? responses : undefined;
    if (state === undefined || responses === undefined) return;
    for (const [key, method] of Object.entries(state.a)) {
      const answer = parseAnswer(responses, key, method);
      if (answer !== undefined) this.#answers.set(key, answer);
    }
  }

  /** Answers by key: earlier rounds', plus those of this retry the handler used (cold) or was asked (warm). */
  get answers(): { [key: string]: CarriedAnswer } {
    // fromEntries defines own properties, so even a `__proto__` key stays plain data.
    return Object.fromEntries(this.#answers);
  }

  /** Input requests the handler made this round that have no answer, by key. */
  get missing(): InputRequests {
    return Object.fromEntries(this.#missing);
  }

  /** True when the handler asked for input that has no answer yet. */
  get inputRequired(): boolean {
    return this.#missing.size > 0;
  }

  /**
   * What ends the request whatever the handler made of it: a cold answer that does not parse
   * (ProtocolError -32602), or a server bug such as a duplicate key (a plain Error, answered -32603).
   */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** The methods of the missing requests, by key: what the next retry may answer. */
  missingMethods(): { [key: string]: InputMethod } {
    return Object.fromEntries([...this.#missing].map(([key, request]) => [key, request.method]));
  }

  /**
   * The next input call: its answer, or a rejection with {@link InputRequiredSignal} after recording
   * it. `named` is the handler's key for it; without one the call gets the next number. `warmOnly`
   * passes over a cold answer, so the input is asked in a round of its own.
   */
  take(
    method: InputMethod,
    params: JSONRPCParams | undefined,
    named?: string,
    validate?: JsonSchemaValidator,
    warmOnly = false,
  ): Promise<JSONRPCParams> {
    const key = named ?? `input-${this.#next++}`;
    const bug = this.#checkKey(key, named !== undefined);
    if (bug !== undefined) return this.#fail(new Error(`${this.#where}: ${bug}`));
    this.#used.add(key);
    let answer = this.#answers.get(key);
    if (answer === undefined && this.#cold !== undefined && !warmOnly) {
      // Cold retry: the answer is taken at the first call that asks for it, and carried from then on.
      try {
        answer = parseAnswer(this.#cold, key, method);
      } catch (error) {
        return this.#fail(error as ProtocolError);
      }
      if (answer !== undefined) this.#answers.set(key, answer);
    }
    if (answer !== undefined) {
      // Another method under the same key means the handler does not call in the same order each time.
      if (answer.m !== method) {
        return Promise.reject(
          new Error(
            `Input "${excerptOf(key)}" was answered for ${answer.m}, but the handler now asks for ${method}: input calls must happen in the same order every round`,
          ),
        );
      }
      if (validate !== undefined) {
        // A form answer that breaks its schema ends the request, even if the handler swallows it.
        const invalid = checkFormAnswer(validate, answer.v, `Invalid inputResponses["${excerptOf(key)}"]`);
        if (invalid !== undefined) return this.#fail(invalid);
      }
      return Promise.resolve(answer.v);
    }
    this.#missing.set(key, (params === undefined ? { method } : { method, params }) as InputRequest);
    return Promise.reject(new InputRequiredSignal(key));
  }

  /**
   * Asks for input the handler cannot go on without and will not read (the URLs of a thrown -32042):
   * asked on every run that throws it, whatever an earlier round answered, under keys with a prefix of
   * their own (`url-elicitation-<n>`), so that unnamed input calls never take their answers. Returns the key.
   */
  require(method: InputMethod, params: JSONRPCParams): string {
    const key = `${REQUIRED_KEY_PREFIX}${this.#required++}`;
    const bug = this.#checkKey(key, false);
    if (bug !== undefined) this.#failure ??= new Error(`${this.#where}: ${bug}`);
    this.#used.add(key);
    this.#missing.set(key, { method, params } as InputRequest);
    return key;
  }

  /** Why `key` cannot be used, or undefined. Named keys are validated; every key must be unique. */
  #checkKey(key: unknown, named: boolean): string | undefined {
    if (named) {
      // `key` comes from handler code, possibly plain JavaScript: check the type too.
      if (typeof key !== 'string' || key === '') return 'an input key must be a non-empty string';
      if (key.length > MAX_INPUT_KEY_CHARS) {
        return `input key "${excerptOf(key)}" is longer than ${MAX_INPUT_KEY_CHARS} characters`;
      }
      // Parsers of the client's JSON (zod's records included) drop this key: it could never be answered.
      if (key === '__proto__') return 'input key "__proto__" cannot be answered by a client';
    }
    // A numbered key can collide with a handler's own `input-<n>`: the same bug, caught the same way.
    if (this.#used.has(key as string)) {
      return `input key "${excerptOf(key as string)}" is used by two input calls of one request; keys must be unique`;
    }
    return undefined;
  }

  /** Records the first failure (later ones are consequences) and rejects the call with it. */
  #fail(error: Error): Promise<never> {
    this.#failure ??= error;
    return Promise.reject(error);
  }
}
