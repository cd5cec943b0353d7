/**
 * Public types of the JSON Schema validator: what `compileJsonSchema` returns and accepts, and the
 * error it throws for a schema it cannot compile.
 */

/** One reason a value failed validation. */
export interface JsonSchemaIssue {
  /**
   * JSON Pointer (RFC 6901) of the offending part of the instance: `""` for the value itself,
   * `/items/0/name` for a nested one. A missing required property is reported at its own path.
   */
  path: string;
  /** What is wrong, e.g. `must be string`. Never quotes the instance, which may be large or secret. */
  message: string;
}

/** The outcome of a validation: `issues` is never empty when `valid` is false. */
export type JsonSchemaResult = { valid: true } | { valid: false; issues: JsonSchemaIssue[] };

/** A compiled schema: validates one value, never throws, never mutates it. */
export type JsonSchemaValidator = (value: unknown) => JsonSchemaResult;

/** Options of {@link compileJsonSchema}. */
export interface JsonSchemaOptions {
  /** Stop collecting issues after this many; the value is still reported invalid. @default 20 */
  maxIssues?: number | undefined;
  /**
   * The deepest instance nesting validated (deeper is an issue, not a stack overflow), and the deepest
   * inline schema nesting compiled. `$ref` recursion is capped at 16 × this many nested applications.
   * @default 64
   */
  maxDepth?: number | undefined;
  /**
   * `assert` checks the formats `email`, `uri`, `date`, `date-time` and `uuid`; `annotate` treats every
   * `format` as an annotation. Other formats are always annotations.
   * @default 'assert'
   */
  formats?: 'assert' | 'annotate' | undefined;
}

/** Thrown by {@link compileJsonSchema} for a schema that is invalid or uses an unsupported feature. */
export class JsonSchemaError extends Error {
  /** JSON Pointer of the offending schema location, as a URI fragment (`#/properties/a`). */
  readonly schemaPath: string;

  constructor(schemaPath: string, message: string) {
    super(`Invalid JSON Schema at ${schemaPath}: ${message}`);
    this.name = 'JsonSchemaError';
    this.schemaPath = schemaPath;
  }
}
