/** The parts of a WHATWG WebSocket the browser client uses (the DOM's, Node 22's global, `ws`'s all fit). */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  readonly bufferedAmount: number;
  /** The negotiated subprotocol. */
  readonly protocol: string;
  binaryType: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
}

/** A WebSocket constructor with the WHATWG signature. */
export type WebSocketConstructorLike = new (url: string, protocols?: string | string[]) => WebSocketLike;
