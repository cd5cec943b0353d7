/**
 * Starting a new legacy session after the server ended the old one (2025-11-25 "Session Management":
 * a 404 to a request with a session id means "send a new InitializeRequest without a session ID").
 * The transport replays the handshake itself, with its own request id, and swallows the answers: the
 * client above already negotiated and must not see a second `initialize` result.
 */
import type { JSONRPCMessage, JSONRPCNotification, JSONRPCRequest } from '@mcpwire/protocol-core';
import { parseFrame } from '@mcpwire/protocol-core/transport-kit';
import { HeaderName } from '../shared/mcp-headers.js';
import { readBoundedText, readSse } from './body.js';
import { type About, sessionExpired } from './failures.js';
import { type HttpResponse, mediaTypeOf } from './http.js';

/** What a renewal needs from the session it renews. */
export interface RenewalContext {
  /** The handshake to replay; without it no new session can be started. */
  readonly initialize: JSONRPCRequest | undefined;
  readonly initialized: JSONRPCNotification | undefined;
  readonly maxMessageBytes: number;
  /** POSTs `message` with `sessionId` (none for the replayed initialize). */
  post(message: JSONRPCMessage, sessionId: string | undefined): Promise<HttpResponse>;
}

function ok(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * Replays initialize (as `replayId`) and initialized; resolves with the new session id (undefined
 * when the server assigns none). Rejects with `MCPWIRE_ERR_SESSION_EXPIRED` naming `about`.
 */
export async function startNewSession(
  ctx: RenewalContext,
  replayId: string,
  about: About,
): Promise<string | undefined> {
  if (ctx.initialize === undefined) {
    throw sessionExpired(about, 'no initialize request is known to start a new one', 404);
  }
  const replay: JSONRPCRequest = { ...ctx.initialize, id: replayId };
  let response: HttpResponse;
  try {
    response = await ctx.post(replay, undefined);
  } catch (error) {
    throw sessionExpired(about, `starting a new one failed: ${(error as Error).message}`);
  }
  if (!ok(response.status)) {
    response.cancel();
    throw sessionExpired(about, `initialize for a new one got HTTP ${response.status}`, response.status);
  }
  const header = response.headers.get(HeaderName.SessionId);
  const sessionId = header !== null && header.length > 0 ? header : undefined;
  const failure = await swallowAnswer(response, replay, ctx.maxMessageBytes, about);
  if (failure !== undefined) throw sessionExpired(about, `initialize for a new one failed: ${failure}`);
  if (ctx.initialized !== undefined) {
    let ack: HttpResponse;
    try {
      ack = await ctx.post(ctx.initialized, sessionId);
    } catch (error) {
      throw sessionExpired(about, `initialized for the new one failed: ${(error as Error).message}`);
    }
    ack.cancel();
    if (!ok(ack.status))
      throw sessionExpired(about, `initialized for the new one got HTTP ${ack.status}`, ack.status);
  }
  return sessionId;
}

/** Reads the replayed initialize's answer without handing it up; returns why it failed, if it did. */
async function swallowAnswer(
  response: HttpResponse,
  replay: JSONRPCRequest,
  limit: number,
  about: About,
): Promise<string | undefined> {
  let answer: JSONRPCMessage | undefined;
  // Anything else on that stream concerned the old handshake's caller, who is gone: dropped.
  const take = (text: string): boolean => {
    for (const message of parseFrame(text, { allowBatch: true }).messages) {
      if (!('method' in message) && message.id === replay.id) answer = message;
    }
    return answer !== undefined;
  };
  try {
    if (mediaTypeOf(response.headers.get('content-type')) === 'text/event-stream') {
      await readSse(response, limit, about, { onEvent: (event) => take(event.data) });
    } else {
      take(await readBoundedText(response, limit, about));
    }
  } catch (error) {
    return (error as Error).message;
  }
  if (answer === undefined) return 'no response';
  return 'error' in answer ? answer.error.message : undefined;
}
