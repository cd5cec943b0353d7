/**
 * The restricted JSON Schema subset an elicitation form may ask for: flat objects whose properties
 * are strings, numbers, booleans or enums. Each revision only added variants (2025-11-25: titled and
 * multi-select enums, defaults), so one union accepts them all.
 */
import * as z from 'zod/mini';

const label = { title: z.optional(z.string()), description: z.optional(z.string()) };
const titledOption = z.looseObject({ const: z.string(), title: z.string() });

/** A text field. */
export interface StringSchema {
  type: 'string';
  title?: string | undefined;
  description?: string | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  format?: 'email' | 'uri' | 'date' | 'date-time' | undefined;
  default?: string | undefined;
}

/** A number field (`integer` or `number`). */
export interface NumberSchema {
  type: 'number' | 'integer';
  title?: string | undefined;
  description?: string | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  default?: number | undefined;
}

/** A yes/no field. */
export interface BooleanSchema {
  type: 'boolean';
  title?: string | undefined;
  description?: string | undefined;
  default?: boolean | undefined;
}

/** A single choice among plain values. */
export interface UntitledSingleSelectEnumSchema {
  type: 'string';
  title?: string | undefined;
  description?: string | undefined;
  enum: string[];
  default?: string | undefined;
}

/** A single choice among values with display titles (2025-11-25 and later). */
export interface TitledSingleSelectEnumSchema {
  type: 'string';
  title?: string | undefined;
  description?: string | undefined;
  oneOf: { const: string; title: string }[];
  default?: string | undefined;
}

/** Several choices among plain values (2025-11-25 and later). */
export interface UntitledMultiSelectEnumSchema {
  type: 'array';
  title?: string | undefined;
  description?: string | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  items: { type: 'string'; enum: string[] };
  default?: string[] | undefined;
}

/** Several choices among values with display titles (2025-11-25 and later). */
export interface TitledMultiSelectEnumSchema {
  type: 'array';
  title?: string | undefined;
  description?: string | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  items: { anyOf: { const: string; title: string }[] };
  default?: string[] | undefined;
}

/** The 2025-06-18 enum, titles in a parallel `enumNames` array (deprecated from 2025-11-25). */
export interface LegacyTitledEnumSchema {
  type: 'string';
  title?: string | undefined;
  description?: string | undefined;
  enum: string[];
  enumNames?: string[] | undefined;
  default?: string | undefined;
}

/** Any field an elicitation form may contain. */
export type PrimitiveSchemaDefinition =
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | UntitledSingleSelectEnumSchema
  | TitledSingleSelectEnumSchema
  | UntitledMultiSelectEnumSchema
  | TitledMultiSelectEnumSchema
  | LegacyTitledEnumSchema;

const stringSchema = z.looseObject({
  type: z.literal('string'),
  ...label,
  minLength: z.optional(z.int()),
  maxLength: z.optional(z.int()),
  format: z.optional(z.enum(['email', 'uri', 'date', 'date-time'])),
  default: z.optional(z.string()),
});
const numberSchema = z.looseObject({
  type: z.enum(['number', 'integer']),
  ...label,
  minimum: z.optional(z.number()),
  maximum: z.optional(z.number()),
  default: z.optional(z.number()),
});
const booleanSchema = z.looseObject({
  type: z.literal('boolean'),
  ...label,
  default: z.optional(z.boolean()),
});
const untitledSingle = z.looseObject({
  type: z.literal('string'),
  ...label,
  enum: z.array(z.string()),
  default: z.optional(z.string()),
});
const titledSingle = z.looseObject({
  type: z.literal('string'),
  ...label,
  oneOf: z.array(titledOption),
  default: z.optional(z.string()),
});
const multiSelect = {
  type: z.literal('array'),
  ...label,
  minItems: z.optional(z.int()),
  maxItems: z.optional(z.int()),
  default: z.optional(z.array(z.string())),
};
const untitledMulti = z.looseObject({
  ...multiSelect,
  items: z.looseObject({ type: z.literal('string'), enum: z.array(z.string()) }),
});
const titledMulti = z.looseObject({ ...multiSelect, items: z.looseObject({ anyOf: z.array(titledOption) }) });
const legacyTitled = z.looseObject({
  type: z.literal('string'),
  ...label,
  enum: z.array(z.string()),
  enumNames: z.optional(z.array(z.string())),
  default: z.optional(z.string()),
});

/** Schema of {@link StringSchema}. */
export const StringSchemaSchema: z.ZodMiniType<StringSchema> = stringSchema;
/** Schema of {@link NumberSchema}. */
export const NumberSchemaSchema: z.ZodMiniType<NumberSchema> = numberSchema;
/** Schema of {@link BooleanSchema}. */
export const BooleanSchemaSchema: z.ZodMiniType<BooleanSchema> = booleanSchema;
/** Schema of {@link UntitledSingleSelectEnumSchema}. */
export const UntitledSingleSelectEnumSchemaSchema: z.ZodMiniType<UntitledSingleSelectEnumSchema> =
  untitledSingle;
/** Schema of {@link TitledSingleSelectEnumSchema}. */
export const TitledSingleSelectEnumSchemaSchema: z.ZodMiniType<TitledSingleSelectEnumSchema> = titledSingle;
/** Schema of {@link UntitledMultiSelectEnumSchema}. */
export const UntitledMultiSelectEnumSchemaSchema: z.ZodMiniType<UntitledMultiSelectEnumSchema> =
  untitledMulti;
/** Schema of {@link TitledMultiSelectEnumSchema}. */
export const TitledMultiSelectEnumSchemaSchema: z.ZodMiniType<TitledMultiSelectEnumSchema> = titledMulti;
/** Schema of {@link LegacyTitledEnumSchema}. */
export const LegacyTitledEnumSchemaSchema: z.ZodMiniType<LegacyTitledEnumSchema> = legacyTitled;

/**
 * Schema of {@link PrimitiveSchemaDefinition}. Unknown keys pass through, so the most specific
 * variants come first: the first that matches decides nothing but the static type.
 */
export const PrimitiveSchemaDefinitionSchema: z.ZodMiniType<PrimitiveSchemaDefinition> = z.union([
  titledSingle,
  legacyTitled,
  untitledSingle,
  stringSchema,
  numberSchema,
  booleanSchema,
  titledMulti,
  untitledMulti,
]);
