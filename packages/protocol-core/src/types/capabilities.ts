/**
 * Client and server capabilities. One schema per side accepts every revision's members: each
 * revision only added optional members, and unknown ones pass through.
 */
import * as z from 'zod/mini';
import { type JSONObject, JSONObjectSchema } from './base.js';

const flag = z.optional(z.boolean());
const object = z.optional(JSONObjectSchema);
const objectMap = z.optional(z.record(z.string(), JSONObjectSchema));

/** What a client supports. Present-but-empty objects mean "supported". */
export interface ClientCapabilities {
  /** Non-standard, experimental features. */
  experimental?: { [name: string]: JSONObject } | undefined;
  /** Extensions the client supports, by identifier (2026-07-28). */
  extensions?: { [id: string]: JSONObject } | undefined;
  /** The client answers `roots/list`. `listChanged`: it sends `notifications/roots/list_changed` (legacy). */
  roots?: { listChanged?: boolean | undefined; [key: string]: unknown } | undefined;
  /** The client answers `sampling/createMessage`; `tools` (2025-11-25+): with tool use. */
  sampling?:
    | { context?: JSONObject | undefined; tools?: JSONObject | undefined; [key: string]: unknown }
    | undefined;
  /** The client answers `elicitation/create` (2025-06-18+); `form` and `url` modes from 2025-11-25. */
  elicitation?:
    | { form?: JSONObject | undefined; url?: JSONObject | undefined; [key: string]: unknown }
    | undefined;
  /** Task-augmented requests the client accepts (2025-11-25). */
  tasks?:
    | {
        list?: JSONObject | undefined;
        cancel?: JSONObject | undefined;
        requests?:
          | {
              sampling?: { createMessage?: JSONObject | undefined; [key: string]: unknown } | undefined;
              elicitation?: { create?: JSONObject | undefined; [key: string]: unknown } | undefined;
              [key: string]: unknown;
            }
          | undefined;
        [key: string]: unknown;
      }
    | undefined;
}

/** Schema of {@link ClientCapabilities}. */
export const ClientCapabilitiesSchema: z.ZodMiniType<ClientCapabilities> = z.looseObject({
  experimental: objectMap,
  extensions: objectMap,
  roots: z.optional(z.looseObject({ listChanged: flag })),
  sampling: z.optional(z.looseObject({ context: object, tools: object })),
  elicitation: z.optional(z.looseObject({ form: object, url: object })),
  tasks: z.optional(
    z.looseObject({
      list: object,
      cancel: object,
      requests: z.optional(
        z.looseObject({
          sampling: z.optional(z.looseObject({ createMessage: object })),
          elicitation: z.optional(z.looseObject({ create: object })),
        }),
      ),
    }),
  ),
});

/** What a server offers. Present-but-empty objects mean "supported". */
export interface ServerCapabilities {
  /** Non-standard, experimental features. */
  experimental?: { [name: string]: JSONObject } | undefined;
  /** Extensions the server supports, by identifier (2026-07-28). */
  extensions?: { [id: string]: JSONObject } | undefined;
  /** The server sends log messages. */
  logging?: JSONObject | undefined;
  /** The server answers `completion/complete` (2025-03-26+). */
  completions?: JSONObject | undefined;
  prompts?: { listChanged?: boolean | undefined; [key: string]: unknown } | undefined;
  resources?:
    | { subscribe?: boolean | undefined; listChanged?: boolean | undefined; [key: string]: unknown }
    | undefined;
  tools?: { listChanged?: boolean | undefined; [key: string]: unknown } | undefined;
  /** Task-augmented requests the server accepts (2025-11-25). */
  tasks?:
    | {
        list?: JSONObject | undefined;
        cancel?: JSONObject | undefined;
        requests?:
          | {
              tools?: { call?: JSONObject | undefined; [key: string]: unknown } | undefined;
              [key: string]: unknown;
            }
          | undefined;
        [key: string]: unknown;
      }
    | undefined;
}

/** Schema of {@link ServerCapabilities}. */
export const ServerCapabilitiesSchema: z.ZodMiniType<ServerCapabilities> = z.looseObject({
  experimental: objectMap,
  extensions: objectMap,
  logging: object,
  completions: object,
  prompts: z.optional(z.looseObject({ listChanged: flag })),
  resources: z.optional(z.looseObject({ subscribe: flag, listChanged: flag })),
  tools: z.optional(z.looseObject({ listChanged: flag })),
  tasks: z.optional(
    z.looseObject({
      list: object,
      cancel: object,
      requests: z.optional(z.looseObject({ tools: z.optional(z.looseObject({ call: object })) })),
    }),
  ),
});
