/**
 * The client answered a server request (`sampling/createMessage`, `elicitation/create`, `roots/list`)
 * with an error. Deliberately not a ProtocolError: passed on as one, a tool call would fail with the
 * client's code (-32601 reads as "tools/call does not exist"); as a plain error, a tool reports it as
 * a tool error result naming the refused request.
 */
import { excerptOf, type ProtocolError } from '../errors.js';

/**
 * What `ctx.sample()`, `ctx.elicit()` and `ctx.listRoots()` reject with when the client refused the
 * request. A tool that lets it escape returns `isError: true` with its message.
 * @example
 * try { await ctx.sample(params) } catch (e) {
 *   if (e instanceof InputRefusedError) return { content: [{ type: 'text', text: 'No model available' }] };
 *   throw e;
 * }
 */
export class InputRefusedError extends Error {
  override readonly name: string = 'InputRefusedError';
  /** The request the client refused. */
  readonly method: string;
  /** The client's JSON-RPC error code (-32601 when it does not serve the method). */
  readonly code: number;
  /** The client's error `data`, if any. */
  readonly data: unknown;

  constructor(method: string, refusal: ProtocolError) {
    super(`The client refused ${method}: ${excerptOf(refusal.message)} (${refusal.code})`, {
      cause: refusal,
    });
    this.method = method;
    this.code = refusal.code;
    this.data = refusal.data;
  }
}
