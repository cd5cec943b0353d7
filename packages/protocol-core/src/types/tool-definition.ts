/** The `Tool` definition that `tools/list` returns (and sampling offers a model); the `tools/*` messages are in tools.ts. */
import * as z from 'zod';
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
export const ToolAnnotationsSchema: z.ZodType<ToolAnnotations> = z.looseObject({
  title: z.string().optional(),
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
});

/** How a tool runs (2025-11-25): whether `tools/call` may or must be task-augmented. */
export interface ToolExecution {
  taskSupport?: 'forbidden' | 'optional' | 'required' | undefined;
}

/** Schema of {@link ToolExecution}. */
export const ToolExecutionSchema: z.ZodType<ToolExecution> = z.looseObject({
  taskSupport: z.enum(['forbidden', 'optional', 'required']).optional(),
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
export const ToolSchema: z.ZodType<Tool> = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: z.looseObject({
    type: z.literal('object'),
    $schema: z.string().optional(),
    properties: z.record(z.string(), z.union([JSONObjectSchema, z.boolean()])).optional(),
    required: z.array(z.string()).optional(),
  }),
  outputSchema: z.looseObject({ $schema: z.string().optional() }).optional(),
  annotations: ToolAnnotationsSchema.optional(),
  execution: ToolExecutionSchema.optional(),
  icons: z.array(IconSchema).optional(),
  _meta: MetaSchema.optional(),
});
