/**
 * RFC 6570 URI templates, for resource templates: expansion at levels 1–4, and matching a URI back
 * to variable values. Matching never builds a regular expression from the template: it scans the URI
 * left to right with `indexOf` and fixed stop characters, so its cost is linear in the URI length
 * (times the number of expressions), whatever the template and the URI.
 */

/** Limits of a {@link UriTemplate}. */
export interface UriTemplateOptions {
  /** Longest template accepted by the constructor. @default 1000 */
  maxTemplateLength?: number | undefined;
  /** Most expressions (`{...}`) in a template. @default 50 */
  maxExpressions?: number | undefined;
  /** Longest URI that `match` looks at; a longer one does not match. @default 65536 */
  maxUriLength?: number | undefined;
}

/** The value of a template variable: a string, a list, or undefined (skipped on expansion). */
export type UriTemplateValue = string | readonly string[] | undefined;

type Operator = '' | '+' | '#' | '.' | '/' | ';' | '?' | '&';

/**
 * RFC 6570 appendix A: how each operator renders its variables, plus `stops`: the characters that end
 * the operator's part of a URI when matching (besides the next literal), because expansion never
 * leaves them unencoded inside a value.
 */
type OperatorSpec = {
  first: string;
  sep: string;
  named: boolean;
  ifEmpty: string;
  allowReserved: boolean;
  stops: string;
};

const OPERATORS: Readonly<Record<Operator, OperatorSpec>> = {
  '': { first: '', sep: ',', named: false, ifEmpty: '', allowReserved: false, stops: '/?#' },
  '+': { first: '', sep: ',', named: false, ifEmpty: '', allowReserved: true, stops: '' },
  '#': { first: '#', sep: ',', named: false, ifEmpty: '', allowReserved: true, stops: '' },
  '.': { first: '.', sep: '.', named: false, ifEmpty: '', allowReserved: false, stops: '/?#' },
  '/': { first: '/', sep: '/', named: false, ifEmpty: '', allowReserved: false, stops: '?#' },
  ';': { first: ';', sep: ';', named: true, ifEmpty: '', allowReserved: false, stops: '/?#' },
  // Query values may hold raw "/" or "?" when a client did not encode them; only "#" ends a query.
  '?': { first: '?', sep: '&', named: true, ifEmpty: '=', allowReserved: false, stops: '#' },
  '&': { first: '&', sep: '&', named: true, ifEmpty: '=', allowReserved: false, stops: '#' },
};

/** One variable of an expression: `name`, `name:n` (prefix in code points) or `name*` (explode). */
type VarSpec = { name: string; prefix: number | undefined; explode: boolean };

type Part =
  | { kind: 'literal'; encoded: string }
  | { kind: 'expression'; op: Operator; vars: VarSpec[] }
  /** Adjacent named expressions (`{?a}{&b}`, `{;a}{;b}`) share one region when matching. */
  | { kind: 'named'; firsts: string; spec: OperatorSpec; vars: Map<string, VarSpec> };

const VARSPEC =
  /^((?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*)(?:(\*)|:([1-9][0-9]{0,3}))?$/;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const RESERVED = /^[:/?#[\]@!$&'()*+,;=]$/;
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/**
 * Percent-encodes per RFC 6570 §3.2.1: unreserved characters stay, and with `allowReserved` (the `+`
 * and `#` operators, and literals) reserved characters and existing `%XX` escapes stay too.
 */
function encode(value: string, allowReserved: boolean): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i);
    if (UNRESERVED.test(char) || (allowReserved && RESERVED.test(char))) {
      out += char;
    } else if (allowReserved && char === '%' && HEX_PAIR.test(value.slice(i + 1, i + 3))) {
      out += value.slice(i, i + 3);
      i += 2;
    } else if (char.charCodeAt(0) < 0x80) {
      // Done by hand: encodeURIComponent leaves ! ' ( ) * alone, which RFC 6570 encodes.
      out += `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      const codePoint = value.codePointAt(i) ?? 0;
      const whole = codePoint > 0xffff ? value.slice(i, i + 2) : char;
      if (codePoint > 0xffff) i++;
      // A lone surrogate has no UTF-8 form: it becomes U+FFFD, as TextEncoder would do.
      out += /[\uD800-\uDFFF]/.test(whole) && whole.length === 1 ? '%EF%BF%BD' : encodeURIComponent(whole);
    }
  }
  return out;
}

/** The first `length` code points of `value` (a surrogate pair is one). */
function prefixOf(value: string, length: number): string {
  let end = 0;
  for (let count = 0; count < length && end < value.length; count++) {
    end += (value.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  }
  return value.slice(0, end);
}

function readLimit(value: number | undefined, name: string, fallback: number): number {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new RangeError(`UriTemplate: ${name} must be a positive integer`);
  }
  return value ?? fallback;
}

function parseExpression(body: string, template: string): Part {
  const head = body.charAt(0);
  if ('=,!@|'.includes(head) && head !== '') {
    throw new Error(`UriTemplate: operator "${head}" is reserved, in "${template}"`);
  }
  const op = ('+#./;?&'.includes(head) && head !== '' ? head : '') as Operator;
  const list = op === '' ? body : body.slice(1);
  const vars = list.split(',').map((spec): VarSpec => {
    const match = VARSPEC.exec(spec);
    if (match === null) throw new Error(`UriTemplate: invalid variable "${spec}" in "${template}"`);
    const [, name = '', star, prefix] = match;
    return { name, explode: star === '*', prefix: prefix === undefined ? undefined : Number(prefix) };
  });
  return { kind: 'expression', op, vars };
}

function parseTemplate(template: string, maxExpressions: number): Part[] {
  const parts: Part[] = [];
  let literal = '';
  let expressions = 0;
  for (let i = 0; i < template.length; i++) {
    const char = template.charAt(i);
    if (char === '}') throw new Error(`UriTemplate: unmatched "}" at ${i} in "${template}"`);
    if (char !== '{') {
      literal += char;
      continue;
    }
    const end = template.indexOf('}', i + 1);
    const nested = template.indexOf('{', i + 1);
    if (end < 0 || (nested >= 0 && nested < end))
      throw new Error(`UriTemplate: unclosed "{" at ${i} in "${template}"`);
    if (++expressions > maxExpressions) {
      throw new Error(`UriTemplate: more than ${maxExpressions} expressions in "${template.slice(0, 80)}"`);
    }
    if (literal !== '') parts.push({ kind: 'literal', encoded: encode(literal, true) });
    literal = '';
    parts.push(parseExpression(template.slice(i + 1, end), template));
    i = end;
  }
  if (literal !== '') parts.push({ kind: 'literal', encoded: encode(literal, true) });
  return parts;
}

/** Merges runs of named expressions that continue one another: `{?a}{&b}` or `{;a}{;b}`. */
function groupForMatching(parts: readonly Part[]): Part[] {
  const grouped: Part[] = [];
  for (const part of parts) {
    const previous = grouped[grouped.length - 1];
    if (part.kind !== 'expression' || !OPERATORS[part.op].named) {
      grouped.push(part);
      continue;
    }
    const spec = OPERATORS[part.op];
    if (previous?.kind === 'named' && previous.spec.sep === spec.sep) {
      if (!previous.firsts.includes(spec.first)) previous.firsts += spec.first;
      for (const v of part.vars) previous.vars.set(v.name, v);
    } else {
      const vars = new Map(part.vars.map((v) => [v.name, v]));
      grouped.push({ kind: 'named', firsts: spec.first, spec, vars });
    }
  }
  return grouped;
}

type Captures = Record<string, string | string[]>;

/** Records a matched variable; false if a repeated variable (`{a}/{a}`) gets a second, different value. */
function capture(captures: Captures, name: string, value: string | string[]): boolean {
  if (Object.hasOwn(captures, name)) return JSON.stringify(captures[name]) === JSON.stringify(value);
  // defineProperty: a variable named "__proto__" stays an ordinary key.
  Object.defineProperty(captures, name, { value, enumerable: true, writable: true, configurable: true });
  return true;
}

// decodeURIComponent throws URIError on a malformed escape; `match` turns that into "no match".
const decode = decodeURIComponent;

/**
 * An RFC 6570 URI template.
 *
 * `match` is the inverse of `expand` for what resource templates use: `{x}`, `{+x}`, `{#x}`, `{.x}`,
 * `{/x}`, `{;x}`, `{?x,y}`, `{&x}`, with lists through explode (`{/path*}`, `{?tag*}`). Values are
 * percent-decoded. Where a URI could be split several ways, the earliest stop wins: a variable ends at
 * the first occurrence of the next literal, or at a character its operator never leaves unencoded
 * (`/`, `?`, `#` for `{x}`). A variable whose part of the URI is absent is left out of the result.
 *
 * @example
 * const template = new UriTemplate('file:///{+path}{?rev}');
 * template.expand({ path: 'src/a b.ts', rev: '3' }); // 'file:///src/a%20b.ts?rev=3'
 * template.match('file:///src/a%20b.ts?rev=3');       // { path: 'src/a b.ts', rev: '3' }
 */
export class UriTemplate {
  /** The template as given. */
  readonly template: string;
  /** Every variable name, once, in order of appearance. */
  readonly variableNames: readonly string[];
  private readonly parts: readonly Part[];
  private readonly matchParts: readonly Part[];
  private readonly maxUriLength: number;

  /** Parses `template`; throws an Error naming the problem if it is malformed or over a limit. */
  constructor(template: string, options?: UriTemplateOptions) {
    const maxTemplateLength = readLimit(options?.maxTemplateLength, 'maxTemplateLength', 1000);
    this.maxUriLength = readLimit(options?.maxUriLength, 'maxUriLength', 65_536);
    if (template.length > maxTemplateLength) {
      throw new Error(`UriTemplate: the template is longer than ${maxTemplateLength} characters`);
    }
    this.template = template;
    this.parts = parseTemplate(template, readLimit(options?.maxExpressions, 'maxExpressions', 50));
    this.matchParts = groupForMatching(this.parts);
    const names = this.parts.flatMap((part) =>
      part.kind === 'expression' ? part.vars.map((v) => v.name) : [],
    );
    this.variableNames = Object.freeze([...new Set(names)]);
  }

  /** Expands the template; undefined variables and empty lists are skipped, as RFC 6570 says. */
  expand(vars: Record<string, UriTemplateValue>): string {
    let out = '';
    for (const part of this.parts) {
      if (part.kind === 'literal') out += part.encoded;
      else if (part.kind === 'expression') out += expandExpression(part.op, part.vars, vars);
    }
    return out;
  }

  /** The variables of `uri` if it matches the template, else undefined (also when over maxUriLength). */
  match(uri: string): Record<string, string | string[]> | undefined {
    if (uri.length > this.maxUriLength) return undefined;
    const captures: Captures = {};
    try {
      return matchParts(this.matchParts, uri, captures) ? captures : undefined;
    } catch (error) {
      if (error instanceof URIError) return undefined;
      throw error;
    }
  }

  /** The template as given. */
  toString(): string {
    return this.template;
  }
}

/** RFC 6570 §3.2.1 for one expression: each defined variable rendered, joined by the operator's separator. */
function expandExpression(
  op: Operator,
  specs: readonly VarSpec[],
  vars: Record<string, UriTemplateValue>,
): string {
  const spec = OPERATORS[op];
  const pieces: string[] = [];
  const named = (name: string, encoded: string): string =>
    encoded === '' ? `${name}${spec.ifEmpty}` : `${name}=${encoded}`;
  for (const v of specs) {
    const value = Object.hasOwn(vars, v.name) ? vars[v.name] : undefined;
    if (value === undefined) continue;
    if (typeof value === 'string' || !Array.isArray(value)) {
      const text = String(value);
      const encoded = encode(v.prefix === undefined ? text : prefixOf(text, v.prefix), spec.allowReserved);
      pieces.push(spec.named ? named(v.name, encoded) : encoded);
      continue;
    }
    // A list: prefixes do not apply (RFC 6570 §2.4.1); an empty list counts as undefined.
    if (value.length === 0) continue;
    const items = value.map((item) => encode(String(item), spec.allowReserved));
    // Exploded, each item stands alone (`;x=a;x=b`); otherwise the list is one comma-joined value.
    const exploded = spec.named ? items.map((item) => named(v.name, item)) : items;
    pieces.push(
      v.explode ? exploded.join(spec.sep) : spec.named ? `${v.name}=${items.join(',')}` : items.join(','),
    );
  }
  return pieces.length === 0 ? '' : spec.first + pieces.join(spec.sep);
}

/**
 * Where the part at `index` must end at the latest: the next literal's first occurrence at or
 * after `from` (or, for a literal that ends the template, where the URI ends it). -1 if it is absent.
 */
function limitOf(parts: readonly Part[], index: number, uri: string, from: number): number {
  for (let next = index + 1; next < parts.length; next++) {
    const part = parts[next];
    if (part?.kind !== 'literal') continue;
    if (next === parts.length - 1) {
      const end = uri.length - part.encoded.length;
      return end >= from && uri.endsWith(part.encoded) ? end : -1;
    }
    return uri.indexOf(part.encoded, from);
  }
  return uri.length;
}

/** First index in [from, limit) holding one of `stops`, else `limit`. */
function scanTo(uri: string, from: number, limit: number, stops: string): number {
  if (stops === '') return limit;
  for (let i = from; i < limit; i++) {
    if (stops.includes(uri.charAt(i))) return i;
  }
  return limit;
}

function matchParts(parts: readonly Part[], uri: string, captures: Captures): boolean {
  let pos = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (part === undefined) break;
    if (part.kind === 'literal') {
      if (!uri.startsWith(part.encoded, pos)) return false;
      pos += part.encoded.length;
      continue;
    }
    const limit = limitOf(parts, index, uri, pos);
    if (limit < 0) return false;
    const spec = part.kind === 'named' ? part.spec : OPERATORS[part.op];
    const firsts = part.kind === 'named' ? part.firsts : spec.first;
    // An expression starting with a character absent here expanded to nothing: its variables are undefined.
    if (firsts !== '' && (pos >= limit || !firsts.includes(uri.charAt(pos)))) continue;
    const start = firsts === '' ? pos : pos + 1;
    // The next expression's leading character also ends this one: `{name}{.ext}`, `{+path}{?q}`.
    const following = parts[index + 1];
    const nextFirst =
      following?.kind === 'named'
        ? following.firsts
        : following?.kind === 'expression'
          ? OPERATORS[following.op].first
          : '';
    const end = scanTo(uri, start, limit, spec.stops + nextFirst);
    const region = uri.slice(start, end);
    pos = end;
    const ok =
      part.kind === 'named'
        ? matchNamed(part.vars, spec, region, captures)
        : matchUnnamed(part.op, part.vars, region, captures);
    if (!ok) return false;
  }
  return pos === uri.length;
}

/** `{x}`, `{+x}`, `{#x}`, `{.x}`, `{/x}`: values split on the operator's separator, in order. */
function matchUnnamed(op: Operator, vars: readonly VarSpec[], region: string, captures: Captures): boolean {
  const spec = OPERATORS[op];
  // `{x}` and `{+x}` have no leading character: an empty region means the variables were undefined.
  if (region === '' && spec.first === '') return true;
  const segments = region.split(spec.sep);
  for (let i = 0; i < vars.length && i < segments.length; i++) {
    const v = vars[i]!;
    const last = i === vars.length - 1;
    let value: string | string[];
    if (v.explode && last) value = segments.slice(i).map(decode);
    else if (last && segments.length > vars.length) {
      // Surplus segments: `/` is always encoded inside a `{/x}` value, so they cannot belong to it.
      if (op === '/') return false;
      value = decode(segments.slice(i).join(spec.sep));
    } else value = v.explode ? [decode(segments[i] ?? '')] : decode(segments[i] ?? '');
    if (!capture(captures, v.name, value)) return false;
  }
  return true;
}

/** `{;x}`, `{?x,y}`, `{&x}` runs: `name=value` pairs in any order; an unknown or repeated name fails. */
function matchNamed(
  vars: ReadonlyMap<string, VarSpec>,
  spec: OperatorSpec,
  region: string,
  captures: Captures,
): boolean {
  const lists = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const pair of region.split(spec.sep)) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = decode(equals < 0 ? '' : pair.slice(equals + 1));
    const v = vars.get(name);
    if (v === undefined) return false;
    if (v.explode) {
      const list = lists.get(name) ?? [];
      list.push(value);
      lists.set(name, list);
    } else {
      if (seen.has(name)) return false;
      seen.add(name);
      if (!capture(captures, name, value)) return false;
    }
  }
  for (const [name, list] of lists) {
    if (!capture(captures, name, list)) return false;
  }
  return true;
}

/**
 * True when `s` is a well-formed RFC 6570 template with at least one expression, i.e. it names a
 * resource template rather than a plain resource URI.
 */
export function isUriTemplate(s: string): boolean {
  try {
    return new UriTemplate(s).variableNames.length > 0;
  } catch {
    return false;
  }
}
