/**
 * The `error` member of error responses, and the `data` of the MCP errors that define one, so that a
 * client can act on them (fall back to another revision, ask for a capability, open a URL).
 */
import * as z from 'zod/mini';
import type { JSONRPCErrorObject } from '../jsonrpc.js';
import { type ClientCapabilities, ClientCapabilitiesSchema } from './capabilities.js';
import { type ElicitRequestURLParams, LegacyElicitRequestURLParamsSchema } from './elicitation.js';

/** Schema of a JSON-RPC error object: an integer `code`, a `message` and any `data`. */
export const ErrorObjectSchema: z.ZodMiniType<JSONRPCErrorObject> = z.looseObject({
  code: z.int(),
  message: z.string(),
  data: z.optional(z.unknown()),
});

/** `data` of -32022 UnsupportedProtocolVersion (2026-07-28). */
export interface UnsupportedProtocolVersionErrorData {
  /** The version the client asked for. */
  requested: string;
  /** The versions the server supports. */
  supported: string[];
}

/** Schema of {@link UnsupportedProtocolVersionErrorData}. */
export const UnsupportedProtocolVersionErrorDataSchema: z.ZodMiniType<UnsupportedProtocolVersionErrorData> =
  z.looseObject({ requested: z.string(), supported: z.array(z.string()) });

/** `data` of -32021 MissingRequiredClientCapability (2026-07-28). */
export interface MissingRequiredClientCapabilityErrorData {
  /** The capabilities the request needs and the client did not declare. */
  requiredCapabilities: ClientCapabilities;
}

/** Schema of {@link MissingRequiredClientCapabilityErrorData}. */
export const MissingRequiredClientCapabilityErrorDataSchema: z.ZodMiniType<MissingRequiredClientCapabilityErrorData> =
  z.looseObject({ requiredCapabilities: ClientCapabilitiesSchema });

/** `data` of -32042 UrlElicitationRequired (2025-11-25): elicitations to complete before retrying. */
export interface UrlElicitationRequiredErrorData {
  elicitations: (ElicitRequestURLParams & { elicitationId: string })[];
}

/** Schema of {@link UrlElicitationRequiredErrorData}. */
export const UrlElicitationRequiredErrorDataSchema: z.ZodMiniType<UrlElicitationRequiredErrorData> =
  z.looseObject({ elicitations: z.array(LegacyElicitRequestURLParamsSchema) });
