/** The `Tool` definition that `tools/list` returns (and sampling offers a model); the `tools/*` messages are in tools.ts. */
import * as z from 'zod/mini';
import { type Icon, IconSchema, type JSONObject, JSONObjectSchema, type Meta, MetaSchema } from './base.js';

/** Hints about a tool's behaviour. Untrusted unless the server is. */
export interface ToolAnnotations {
  title?: string | undefined;
  readOnlyHint?: boolean | undefined;
  destructiveHint?: boolean | undefined;
  idempotentHint?: boolean | undefined;
  openWorldHint?: boolean | undefined;
}

/** Schema of {@link ToolAnnotations}. */
export const ToolAnnotationsSchema: z.ZodMiniType<ToolAnnotations> = z.looseObject({
  title: z.optional(z.string()),
  readOnlyHint: z.optional(z.boolean()),
  destructiveHint: z.optional(z.boolean()),
  idempotentHint: z.optional(z.boolean()),
  openWorldHint: z.optional(z.boolean()),
});

/** How a tool runs (2025-11-25): whether `tools/call` may or must be task-augmented. */
export interface ToolExecution {
  taskSupport?: 'forbidden' | 'optional' | 'required' | undefined;
}

/** Schema of {@link ToolExecution}. */
export const ToolExecutionSchema: z.ZodMiniType<ToolExecution> = z.looseObject({
  taskSupport: z.optional(z.enum(['forbidden', 'optional', 'required'])),
});

/** A tool's input schema: a JSON Schema whose root is an object. */
export interface ToolInputSchema {
  [key: string]: unknown;
  type: 'object';
  $schema?: string | undefined;
  properties?: { [name: string]: JSONObject | boolean } | undefined;
  required?: string[] | undefined;
}

/**
 * A tool's output schema. Legacy revisions require an object root (`type: "object"`); 2026-07-28
 * allows any JSON Schema (an array of results, say). We accept both: a client that validates
 * `structuredContent` does so with the schema as given.
 */
export interface ToolOutputSchema {
  [key: string]: unknown;
  $schema?: string | undefined;
}

/** A tool the server offers. */
export interface Tool {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  inputSchema: ToolInputSchema;
  outputSchema?: ToolOutputSchema | undefined;
  annotations?: ToolAnnotations | undefined;
  execution?: ToolExecution | undefined;
  icons?: Icon[] | undefined;
  _meta?: Meta | undefined;
}

/** Schema of {@link Tool}. */
export const ToolSchema: z.ZodMiniType<Tool> = z.looseObject({
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  inputSchema: z.looseObject({
    type: z.literal('object'),
    $schema: z.optional(z.string()),
    properties: z.optional(z.record(z.string(), z.union([JSONObjectSchema, z.boolean()]))),
    required: z.optional(z.array(z.string())),
  }),
  outputSchema: z.optional(z.looseObject({ $schema: z.optional(z.string()) })),
  annotations: z.optional(ToolAnnotationsSchema),
  execution: z.optional(ToolExecutionSchema),
  icons: z.optional(z.array(IconSchema)),
  _meta: z.optional(MetaSchema),
});
