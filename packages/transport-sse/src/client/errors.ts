/** The client transport's typed errors. */
import { TransportError, TransportErrorCode, type TransportErrorDetails } from '@mcpwire/protocol-core';
import { excerptOf } from '@mcpwire/protocol-core/transport-kit';

/** Which message an error is about. */
export type About = Pick<TransportErrorDetails, 'method' | 'requestId'>;

/** The message an outgoing JSON-RPC message is about: its method and id, where it has them. */
export function aboutOf(message: { method?: unknown; id?: unknown }): About {
  const about: { method?: string; requestId?: string | number } = {};
  if (typeof message.method === 'string') about.method = message.method;
  if (typeof message.id === 'string' || typeof message.id === 'number') about.requestId = message.id;
  return about;
}

function what(about: About): string {
  const id = about.requestId === undefined ? '' : ` (id ${JSON.stringify(about.requestId)})`;
  return about.method === undefined ? 'a message' : `"${about.method}"${id}`;
}

/** No response arrived: refused, reset, DNS, TLS. */
export function networkError(action: string, cause: unknown, about?: About): TransportError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new TransportError(
    TransportErrorCode.Network,
    excerptOf(`${action} failed: ${reason}`),
    about ?? {},
    cause,
  );
}

/** An HTTP error status; the body (a bounded excerpt) says why, where the server said. */
export function httpStatusError(
  action: string,
  status: number,
  body: string | undefined,
  about?: About,
): TransportError {
  const detail = body === undefined || body.length === 0 ? '' : `: ${body}`;
  return new TransportError(
    TransportErrorCode.HttpStatus,
    excerptOf(`${action} got HTTP ${status}${detail}`),
    {
      ...about,
      httpStatus: status,
    },
  );
}

/** The transport is closed (or was closed while the operation ran). */
export function closedError(about?: About): TransportError {
  return new TransportError(
    TransportErrorCode.Closed,
    about === undefined
      ? 'The SSE transport is closed'
      : `The SSE transport is closed: ${what(about)} was not sent`,
    about ?? {},
  );
}
