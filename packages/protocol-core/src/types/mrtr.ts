/**
 * Multi round-trip requests (2026-07-28): instead of sending requests of its own, a modern server
 * answers `tools/call`, `prompts/get` or `resources/read` with an `InputRequiredResult`; the client
 * fulfils the embedded requests and retries with `inputResponses` and the echoed `requestState`.
 */
import * as z from 'zod/mini';
import { type RequestParams, RequestParamsSchema, type ResultMeta, ResultMetaSchema } from './base.js';
import {
  type ElicitRequestParams,
  ElicitRequestParamsSchema,
  type ElicitResult,
  ElicitResultSchema,
} from './elicitation.js';
import { ResultType } from './modern.js';
import { type ListRootsResult, ListRootsResultSchema } from './roots.js';
import {
  type CreateMessageRequestParams,
  CreateMessageRequestParamsSchema,
  type CreateMessageResult,
  CreateMessageResultSchema,
} from './sampling.js';

/** A request the server needs the client to fulfil: sampling, roots or elicitation (no `id`). */
export type InputRequest =
  | { method: 'sampling/createMessage'; params: CreateMessageRequestParams }
  | { method: 'roots/list'; params?: RequestParams | undefined }
  | { method: 'elicitation/create'; params: ElicitRequestParams };

/** Schema of {@link InputRequest}, discriminated by `method`. */
export const InputRequestSchema: z.ZodMiniType<InputRequest> = z.discriminatedUnion('method', [
  z.looseObject({ method: z.literal('sampling/createMessage'), params: CreateMessageRequestParamsSchema }),
  z.looseObject({ method: z.literal('roots/list'), params: z.optional(RequestParamsSchema) }),
  z.looseObject({ method: z.literal('elicitation/create'), params: ElicitRequestParamsSchema }),
]);

/** Input requests by server-assigned key, unique within the request. */
export type InputRequests = { [key: string]: InputRequest };

/** Schema of {@link InputRequests}. */
export const InputRequestsSchema: z.ZodMiniType<InputRequests> = z.record(z.string(), InputRequestSchema);

/** The client's result for one input request. */
export type InputResponse = CreateMessageResult | ListRootsResult | ElicitResult;

/** Schema of {@link InputResponse}: the three result shapes share no required member. */
export const InputResponseSchema: z.ZodMiniType<InputResponse> = z.union([
  ElicitResultSchema,
  ListRootsResultSchema,
  CreateMessageResultSchema,
]);

/** The client's results, under the keys of the `inputRequests` they answer. */
export type InputResponses = { [key: string]: InputResponse };

/** Schema of {@link InputResponses}. */
export const InputResponsesSchema: z.ZodMiniType<InputResponses> = z.record(z.string(), InputResponseSchema);

/** Members a client adds when it retries a request after `input_required`. */
export interface MrtrRetryFields {
  inputResponses?: InputResponses | undefined;
  /** Echoed exactly as received; opaque to the client. */
  requestState?: string | undefined;
}

/** Shape of {@link MrtrRetryFields}, for the files that build retryable request params. */
export const mrtrRetryShape: {
  inputResponses: z.ZodMiniOptional<z.ZodMiniType<InputResponses>>;
  requestState: z.ZodMiniOptional<z.ZodMiniString>;
} = {
  inputResponses: z.optional(InputResponsesSchema),
  requestState: z.optional(z.string()),
};

/** The server needs input before it can complete the request; the client retries with it. */
export interface InputRequiredResult {
  resultType: 'input_required';
  inputRequests?: InputRequests | undefined;
  requestState?: string | undefined;
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link InputRequiredResult}; the spec requires at least one of its two payloads. */
export const InputRequiredResultSchema: z.ZodMiniType<InputRequiredResult> = z
  .looseObject({
    resultType: z.literal(ResultType.InputRequired),
    inputRequests: z.optional(InputRequestsSchema),
    requestState: z.optional(z.string()),
    _meta: z.optional(ResultMetaSchema),
  })
  .check(
    z.refine((result) => result.inputRequests !== undefined || result.requestState !== undefined, {
      message: 'an input_required result must carry inputRequests or requestState',
    }),
  );

/** True when a (modern) result asks for input rather than completing. */
export function isInputRequiredResult(result: unknown): result is InputRequiredResult {
  return (
    typeof result === 'object' &&
    result !== null &&
    (result as { resultType?: unknown }).resultType === ResultType.InputRequired
  );
}
