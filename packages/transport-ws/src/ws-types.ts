/**
 * The shapes of the `ws` package these transports use, written out so that the published types
 * need no `@types/ws`: the `ws` WebSocket class fits them.
 */

/** The parts of a `ws` WebSocket the Node transports drive. */
export interface WsSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  readonly bufferedAmount: number;
  /** The negotiated subprotocol. */
  readonly protocol: string;
  send(data: string, cb?: (error?: Error) => void): void;
  ping(): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  /** Stops reading from the socket (`ws` 8.5+); the server uses it against clients that do not read. */
  pause?(): void;
  resume?(): void;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
}

/** The options the Node client hands to the WebSocket constructor (a subset of `ws`'s ClientOptions). */
export interface WsClientOptionsLike {
  headers?: Record<string, string> | undefined;
  maxPayload: number;
  perMessageDeflate: boolean;
  followRedirects: boolean;
  skipUTF8Validation: boolean;
}

/** A WebSocket class with `ws`'s constructor: `ws`'s own, or a subclass of it. */
export type WsConstructorLike = new (
  url: string,
  protocols: string[],
  options: WsClientOptionsLike,
) => WsSocketLike;
