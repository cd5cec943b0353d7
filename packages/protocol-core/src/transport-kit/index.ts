/**
 * `@mcpwire/protocol-core/transport-kit`: what a transport is built from, in one place, so that no
 * transport copies another's helpers. Browser-safe: nothing here imports `node:`; the Node-only part
 * (listening on a port, reading a request body) is `@mcpwire/protocol-core/transport-kit/node`.
 */

// Receiving and sending frames.
export { DEFAULT_MAX_DEPTH, envelopeErrorResponse, parseFrame, validateEnvelope } from '../envelope.js';
export type { EnvelopeError, EnvelopeResult, ParsedFrame, ParseFrameOptions } from '../envelope.js';
export { excerptOf, MAX_EXCERPT_CHARS } from '../errors.js';
export { frameError, receiveFrame, serializeMessage } from './frames.js';
export { allowsBatch, BATCH_PROTOCOL_VERSIONS, BatchResponder } from './batch.js';
export type { BatchFrameSink, BatchHold } from './batch.js';
export type { FrameSink } from './frames.js';
export { InboundBuffer } from '../inbound-buffer.js';
export type { InboundBufferOptions } from '../inbound-buffer.js';
export { exceedsUtf8Bytes, utf8ByteLength } from './utf8.js';
export { backgroundTimers } from './timers.js';
export type { Timers } from './timers.js';
export { integerOption, reporterOf } from './options.js';

// HTTP servers: request checks, CORS, authentication, sessions.
export { LOOPBACK_HOSTS, LOOPBACK_ORIGINS, OriginGuard } from '../http-security/origin-guard.js';
export { CorsPolicy } from '../http-security/cors.js';
export type { CorsHeaders, CorsPolicyOptions } from '../http-security/cors.js';
export { defaultPrincipalOf } from '../http-security/auth.js';
export {
  authRefusalHeaders,
  authRequestOf,
  collectText,
  headerValue,
  isJsonContentType,
  pathOf,
  readerChunks,
} from './http.js';
export type { BodyRead, IncomingHeaders } from './http.js';
export { newSessionId, SESSION_TAG_CHARS, sessionTag } from './session-id.js';
export type { SessionIdOptions } from './session-id.js';

// The public shape every transport server shares.
export { connectorOf } from './serve.js';
export type { ConnectableServer, ConnectionHandler, ServerOrFactory, ServerStats } from './serve.js';
