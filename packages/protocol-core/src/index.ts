// Public API of @mcpwire/protocol-core: explicit named exports only.

export { ErrorCode } from './error-codes.js';
export type { ErrorCodeValue } from './error-codes.js';
export {
  ProtocolError,
  TransportError,
  TransportErrorCode,
  MAX_EXCERPT_CHARS,
  excerptOf,
  invalidParams,
} from './errors.js';
export type { TransportErrorCodeValue, TransportErrorDetails } from './errors.js';
export { envelopeErrorResponse, parseFrame, validateEnvelope } from './envelope.js';
export type { EnvelopeError, EnvelopeResult, ParsedFrame, ParseFrameOptions } from './envelope.js';
export {
  JSONRPC_VERSION,
  isJSONRPCErrorResponse,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResponse,
  isJSONRPCResultResponse,
} from './jsonrpc.js';
export type {
  JSONRPCErrorObject,
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCParams,
  JSONRPCRequest,
  JSONRPCResponse,
  JSONRPCResultResponse,
  ProgressToken,
  RequestId,
} from './jsonrpc.js';
export { pipe } from './transport.js';
export type {
  MessageExtraInfo,
  RequestInfo,
  Transport,
  TransportDecorator,
  TransportSendOptions,
} from './transport.js';
export { InboundBuffer } from './inbound-buffer.js';
export type { InboundBufferOptions } from './inbound-buffer.js';
