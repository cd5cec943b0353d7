/**
 * Keywords on any value (`type`, `enum`, `const`), on numbers (`minimum` … `multipleOf`) and on
 * strings (`minLength`, `maxLength`, `pattern`, `format`). Internal to the validator.
 */
import { type Check, codePointLength, describeConstant, fail } from './context.js';
import { jsonEqual } from './equality.js';
import { formatCheck } from './formats.js';
import {
  type SchemaObject,
  type SubCompiler,
  childAt,
  readConstant,
  readCount,
  readNumber,
  readPattern,
  readStringArray,
} from './schema-reader.js';
import { JsonSchemaError } from './types.js';

const TYPE_NAMES: ReadonlySet<string> = new Set([
  'null',
  'boolean',
  'object',
  'array',
  'number',
  'integer',
  'string',
]);

/** JSON has no NaN or Infinity, so neither is a "number". */
function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    default:
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/** `type`: one name or a list of names, checked once so that a typo fails at compile time. */
function compileType(schema: SchemaObject, at: string): Check | undefined {
  const raw = schema['type'];
  if (raw === undefined) return undefined;
  const types = typeof raw === 'string' ? [raw] : readStringArray(raw, childAt(at, 'type'));
  for (const type of types) {
    if (!TYPE_NAMES.has(type)) throw new JsonSchemaError(childAt(at, 'type'), `unknown type "${type}"`);
  }
  const message = `must be ${types.join(' or ')}`;
  // The single-type case is by far the most common: skip the loop.
  if (types.length === 1) {
    const only = types[0] ?? '';
    return (value, path, ctx) => hasType(value, only) || fail(ctx, path, message);
  }
  return (value, path, ctx) => types.some((type) => hasType(value, type)) || fail(ctx, path, message);
}

function compileEnum(schema: SchemaObject, at: string): Check | undefined {
  const values = schema['enum'];
  if (values === undefined) return undefined;
  if (!Array.isArray(values)) throw new JsonSchemaError(childAt(at, 'enum'), 'must be an array');
  const members = readConstant(values, childAt(at, 'enum')) as unknown[];
  // Primitives are looked up in a Set; only structured members need a structural comparison.
  const primitives = new Set(members.filter((item) => typeof item !== 'object' || item === null));
  const structured = members.filter((item) => typeof item === 'object' && item !== null);
  const message = `must be one of ${describeConstant(values)}`;
  return (value, path, ctx) =>
    (typeof value !== 'object' || value === null
      ? primitives.has(value)
      : structured.some((item) => jsonEqual(value, item))) || fail(ctx, path, message);
}

function compileConst(schema: SchemaObject, at: string): Check | undefined {
  // hasOwn, not `!== undefined`: `const: null` is a real constraint.
  if (!Object.hasOwn(schema, 'const')) return undefined;
  const expected = readConstant(schema['const'], childAt(at, 'const'));
  const message = `must be equal to ${describeConstant(expected)}`;
  return (value, path, ctx) => jsonEqual(value, expected) || fail(ctx, path, message);
}

/**
 * `multipleOf` without float noise: 0.3 is a multiple of 0.1 although 0.3 / 0.1 is 2.9999999999999996.
 * Both numbers are scaled to integers by their count of decimal places when that is exact.
 */
function isMultipleOf(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  if (Number.isInteger(quotient)) return true;
  if (!Number.isFinite(quotient)) return false;
  const places = Math.max(decimalPlaces(value), decimalPlaces(divisor));
  if (places > 20) return false;
  const scale = 10 ** places;
  const scaledValue = Math.round(value * scale);
  const scaledDivisor = Math.round(divisor * scale);
  if (!Number.isSafeInteger(scaledValue) || !Number.isSafeInteger(scaledDivisor) || scaledDivisor === 0) {
    return false;
  }
  return scaledValue % scaledDivisor === 0;
}

/** Decimal places of a number's shortest representation: 0.25 has 2, 1e-7 has 7, 1.5e-7 has 8. */
function decimalPlaces(value: number): number {
  const [mantissa = '', exponent] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - (exponent === undefined ? 0 : Number(exponent)));
}

function compileNumberKeywords(schema: SchemaObject, at: string, checks: Check[]): void {
  const minimum = readNumber(schema, 'minimum', at);
  const maximum = readNumber(schema, 'maximum', at);
  const rawExclusiveMin = schema['exclusiveMinimum'];
  const rawExclusiveMax = schema['exclusiveMaximum'];
  // Draft-04 spelling: a boolean that makes `minimum` / `maximum` exclusive.
  const minIsExclusive = rawExclusiveMin === true;
  const maxIsExclusive = rawExclusiveMax === true;
  const exclusiveMin =
    typeof rawExclusiveMin === 'boolean' ? undefined : readNumber(schema, 'exclusiveMinimum', at);
  const exclusiveMax =
    typeof rawExclusiveMax === 'boolean' ? undefined : readNumber(schema, 'exclusiveMaximum', at);
  const multipleOf = readNumber(schema, 'multipleOf', at);
  if (multipleOf !== undefined && multipleOf <= 0) {
    throw new JsonSchemaError(childAt(at, 'multipleOf'), 'must be greater than 0');
  }
  // Number keywords constrain numbers only; anything else passes them (type is a separate keyword).
  const isNumber = (value: unknown): value is number => typeof value === 'number';
  if (minimum !== undefined) {
    const message = minIsExclusive ? `must be > ${minimum}` : `must be >= ${minimum}`;
    checks.push((value, path, ctx) =>
      !isNumber(value) || (minIsExclusive ? value > minimum : value >= minimum)
        ? true
        : fail(ctx, path, message),
    );
  }
  if (maximum !== undefined) {
    const message = maxIsExclusive ? `must be < ${maximum}` : `must be <= ${maximum}`;
    checks.push((value, path, ctx) =>
      !isNumber(value) || (maxIsExclusive ? value < maximum : value <= maximum)
        ? true
        : fail(ctx, path, message),
    );
  }
  if (exclusiveMin !== undefined) {
    const message = `must be > ${exclusiveMin}`;
    checks.push((value, path, ctx) => !isNumber(value) || value > exclusiveMin || fail(ctx, path, message));
  }
  if (exclusiveMax !== undefined) {
    const message = `must be < ${exclusiveMax}`;
    checks.push((value, path, ctx) => !isNumber(value) || value < exclusiveMax || fail(ctx, path, message));
  }
  if (multipleOf !== undefined) {
    const message = `must be a multiple of ${multipleOf}`;
    checks.push(
      (value, path, ctx) => !isNumber(value) || isMultipleOf(value, multipleOf) || fail(ctx, path, message),
    );
  }
}

function compileStringKeywords(
  schema: SchemaObject,
  at: string,
  compiler: SubCompiler,
  checks: Check[],
): void {
  const minLength = readCount(schema, 'minLength', at);
  const maxLength = readCount(schema, 'maxLength', at);
  // Lengths count code points, not UTF-16 units: an emoji is one character, as JSON Schema says.
  if (minLength !== undefined) {
    const message = `must have at least ${minLength} characters`;
    checks.push(
      (value, path, ctx) =>
        typeof value !== 'string' || codePointLength(value) >= minLength || fail(ctx, path, message),
    );
  }
  if (maxLength !== undefined) {
    const message = `must have at most ${maxLength} characters`;
    // UTF-16 length is an upper bound on code points: most strings need no count at all.
    checks.push(
      (value, path, ctx) =>
        typeof value !== 'string' ||
        value.length <= maxLength ||
        codePointLength(value) <= maxLength ||
        fail(ctx, path, message),
    );
  }
  if (schema['pattern'] !== undefined) {
    const pattern = readPattern(schema['pattern'], childAt(at, 'pattern'));
    const message = `must match pattern ${describeConstant(pattern.source)}`;
    checks.push(
      (value, path, ctx) => typeof value !== 'string' || pattern.test(value) || fail(ctx, path, message),
    );
  }
  // Unknown formats are annotations (the 2020-12 default); only the ones we can check are asserted.
  const format = schema['format'];
  if (format !== undefined && typeof format !== 'string') {
    throw new JsonSchemaError(childAt(at, 'format'), 'must be a string');
  }
  const formatTest = compiler.assertFormats && format !== undefined ? formatCheck(format) : undefined;
  if (formatTest !== undefined) {
    const message = `must be a valid ${format}`;
    checks.push(
      (value, path, ctx) => typeof value !== 'string' || formatTest(value) || fail(ctx, path, message),
    );
  }
}

/** Appends the checks of the scalar keywords present in `schema`. */
export function compileScalarKeywords(
  schema: SchemaObject,
  at: string,
  compiler: SubCompiler,
  checks: Check[],
): void {
  for (const check of [compileType(schema, at), compileEnum(schema, at), compileConst(schema, at)]) {
    if (check !== undefined) checks.push(check);
  }
  compileNumberKeywords(schema, at, checks);
  compileStringKeywords(schema, at, compiler, checks);
}
