/** What the era channels need from the transport that owns them. */
import type { JSONRPCMessage } from '@mcpwire/protocol-core';
import type { HttpRequester } from './http.js';
import type { ResolvedClientOptions } from './options.js';
import type { ToolHeaderRegistry } from './tool-headers.js';

/** The transport, as its modern and legacy channels see it. */
export interface ChannelHost {
  readonly options: ResolvedClientOptions;
  readonly http: HttpRequester;
  readonly tools: ToolHeaderRegistry;
  /** Aborted when the transport closes: ends streams no request owns. */
  readonly closeSignal: AbortSignal;
  /** The caller's headers for one HTTP request, lower-cased; a promise only when the option makes one. */
  callerHeaders(): Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>;
  /** Routes one received message: a response settles its flight; everything goes to `onmessage`. */
  receive(message: JSONRPCMessage): void;
  /** Reports a non-fatal error through `onerror`. */
  report(error: Error): void;
}
