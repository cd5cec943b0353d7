/**
 * RFC 6570 URI templates: the RFC's own expansion examples (levels 1–4), round trips expand → match
 * for the operators resource templates use, limits, and a hostile URI that a backtracking matcher
 * would choke on.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { UriTemplate, type UriTemplateValue, isUriTemplate } from '../src/server.js';

/** The variables of RFC 6570 §1.2 and §3.2. */
const VARS: Record<string, UriTemplateValue> = {
  count: ['one', 'two', 'three'],
  dom: ['example', 'com'],
  dub: 'me/too',
  hello: 'Hello World!',
  half: '50%',
  var: 'value',
  who: 'fred',
  base: 'http://example.com/home/',
  path: '/foo/bar',
  list: ['red', 'green', 'blue'],
  v: '6',
  x: '1024',
  y: '768',
  empty: '',
  emptyList: [],
  undef: undefined,
};

/** [template, expansion], from RFC 6570 §1.2 and §3.2 (associative arrays left out: not supported). */
const RFC_EXAMPLES: [string, string][] = [
  // Level 1 and §3.2.2 simple expansion.
  ['{var}', 'value'],
  ['{hello}', 'Hello%20World%21'],
  ['{half}', '50%25'],
  ['O{empty}X', 'OX'],
  ['O{undef}X', 'OX'],
  ['{x,y}', '1024,768'],
  ['{x,hello,y}', '1024,Hello%20World%21,768'],
  ['?{x,empty}', '?1024,'],
  ['?{x,undef}', '?1024'],
  ['?{undef,y}', '?768'],
  ['{var:3}', 'val'],
  ['{var:30}', 'value'],
  ['{list}', 'red,green,blue'],
  ['{list*}', 'red,green,blue'],
  ['{emptyList}', ''],
  // Level 2 and §3.2.3 reserved expansion.
  ['{+var}', 'value'],
  ['{+hello}', 'Hello%20World!'],
  ['{+half}', '50%25'],
  ['{base}index', 'http%3A%2F%2Fexample.com%2Fhome%2Findex'],
  ['{+base}index', 'http://example.com/home/index'],
  ['O{+empty}X', 'OX'],
  ['O{+undef}X', 'OX'],
  ['{+path}/here', '/foo/bar/here'],
  ['here?ref={+path}', 'here?ref=/foo/bar'],
  ['up{+path}{var}/here', 'up/foo/barvalue/here'],
  ['{+x,hello,y}', '1024,Hello%20World!,768'],
  ['{+path,x}/here', '/foo/bar,1024/here'],
  ['{+path:6}/here', '/foo/b/here'],
  ['{+list}', 'red,green,blue'],
  ['{+list*}', 'red,green,blue'],
  // §3.2.4 fragment expansion.
  ['{#var}', '#value'],
  ['{#hello}', '#Hello%20World!'],
  ['{#half}', '#50%25'],
  ['foo{#empty}', 'foo#'],
  ['foo{#undef}', 'foo'],
  ['X{#var}', 'X#value'],
  ['{#x,hello,y}', '#1024,Hello%20World!,768'],
  ['{#path,x}/here', '#/foo/bar,1024/here'],
  ['{#path:6}/here', '#/foo/b/here'],
  ['{#list}', '#red,green,blue'],
  ['{#list*}', '#red,green,blue'],
  // §3.2.5 label expansion.
  ['{.who}', '.fred'],
  ['{.who,who}', '.fred.fred'],
  ['{.half,who}', '.50%25.fred'],
  ['www{.dom*}', 'www.example.com'],
  ['X{.var}', 'X.value'],
  ['X{.x,y}', 'X.1024.768'],
  ['X{.empty}', 'X.'],
  ['X{.undef}', 'X'],
  ['X{.var:3}', 'X.val'],
  ['X{.list}', 'X.red,green,blue'],
  ['X{.list*}', 'X.red.green.blue'],
  // §3.2.6 path segment expansion.
  ['{/who}', '/fred'],
  ['{/who,who}', '/fred/fred'],
  ['{/half,who}', '/50%25/fred'],
  ['{/who,dub}', '/fred/me%2Ftoo'],
  ['{/var}', '/value'],
  ['{/var,empty}', '/value/'],
  ['{/var,undef}', '/value'],
  ['{/var,x}/here', '/value/1024/here'],
  ['{/var:1,var}', '/v/value'],
  ['{/list}', '/red,green,blue'],
  ['{/list*}', '/red/green/blue'],
  ['{/list*,path:4}', '/red/green/blue/%2Ffoo'],
  // §3.2.7 path-style parameter expansion.
  ['{;who}', ';who=fred'],
  ['{;half}', ';half=50%25'],
  ['{;empty}', ';empty'],
  ['{;v,empty,who}', ';v=6;empty;who=fred'],
  ['{;v,bar,who}', ';v=6;who=fred'],
  ['{;x,y}', ';x=1024;y=768'],
  ['{;x,y,empty}', ';x=1024;y=768;empty'],
  ['{;x,y,undef}', ';x=1024;y=768'],
  ['{;hello:5}', ';hello=Hello'],
  ['{;list}', ';list=red,green,blue'],
  ['{;list*}', ';list=red;list=green;list=blue'],
  ['{;count*}', ';count=one;count=two;count=three'],
  // §3.2.8 form-style query expansion.
  ['{?who}', '?who=fred'],
  ['{?half}', '?half=50%25'],
  ['{?x,y}', '?x=1024&y=768'],
  ['{?x,y,empty}', '?x=1024&y=768&empty='],
  ['{?x,y,undef}', '?x=1024&y=768'],
  ['{?var:3}', '?var=val'],
  ['{?list}', '?list=red,green,blue'],
  ['{?list*}', '?list=red&list=green&list=blue'],
  ['map?{x,y}', 'map?1024,768'],
  // §3.2.9 form-style query continuation.
  ['{&who}', '&who=fred'],
  ['{&half}', '&half=50%25'],
  ['?fixed=yes{&x}', '?fixed=yes&x=1024'],
  ['{&x,y,empty}', '&x=1024&y=768&empty='],
  ['{&var:3}', '&var=val'],
  ['{&list}', '&list=red,green,blue'],
  ['{&list*}', '&list=red&list=green&list=blue'],
];

describe('UriTemplate.expand', () => {
  it.each(RFC_EXAMPLES)('%s → %s', (template, expected) => {
    expect(new UriTemplate(template).expand(VARS)).toBe(expected);
  });

  it('percent-encodes UTF-8, and encodes literals that are not URI characters', () => {
    expect(new UriTemplate('{x}').expand({ x: 'é\u{1F600}' })).toBe('%C3%A9%F0%9F%98%80');
    expect(new UriTemplate('{x}').expand({ x: "!'()*" })).toBe('%21%27%28%29%2A');
    expect(new UriTemplate('{x}').expand({ x: '\uD800' })).toBe('%EF%BF%BD');
    expect(new UriTemplate('a b/{x}').expand({ x: '1' })).toBe('a%20b/1');
    expect(new UriTemplate('{x:2}').expand({ x: '\u{1F600}\u{1F600}\u{1F600}' })).toBe(
      '%F0%9F%98%80%F0%9F%98%80',
    );
  });

  it('lists its variables once, in order', () => {
    expect(new UriTemplate('{/a,b}{?c,a}{#d*}').variableNames).toEqual(['a', 'b', 'c', 'd']);
    expect(new UriTemplate('file:///{+path}').template).toBe('file:///{+path}');
    expect(String(new UriTemplate('x{y}'))).toBe('x{y}');
  });
});

/** [template, variables]: expand, then match must give the variables back. */
const ROUND_TRIPS: [string, Record<string, string | string[]>][] = [
  ['users/{id}', { id: 'a b/c?d' }],
  ['users/{id}/posts/{post}', { id: '42', post: 'hello world' }],
  ['file:///{+path}', { path: 'src/main.rs' }],
  ['file:///{+path}', { path: 'dir with space/é.txt' }],
  ['{+base}index', { base: 'http://example.com/home/' }],
  ['repo{/owner,name}', { owner: 'mcp', name: 'spec' }],
  ['files{/path*}', { path: ['a', 'b c', 'd'] }],
  ['search{?q,lang}', { q: 'café & co', lang: 'fr' }],
  ['search{?q}{&page}', { q: 'x', page: '2' }],
  ['tags{?tag*}', { tag: ['a', 'b'] }],
  ['doc{#section}', { section: 'intro/part 1' }],
  ['report{.format}', { format: 'tar.gz' }],
  ['www{.dom*}', { dom: ['example', 'com'] }],
  ['matrix{;x,y}', { x: '1', y: '' }],
  ['{x,hello,y}', { x: '1024', hello: 'Hello World!', y: '768' }],
  ['{/var,x}/here', { var: 'value', x: '1024' }],
  ['{name}{.ext}', { name: 'report', ext: 'pdf' }],
  ['{+path}{?rev}', { path: '/a/b', rev: '3' }],
  ['db://{table}/{id}{?fields*}{#frag}', { table: 't', id: '7', fields: ['a', 'b'], frag: 'top' }],
];

describe('UriTemplate.match', () => {
  it.each(ROUND_TRIPS)('%s round-trips %j', (template, vars) => {
    const uriTemplate = new UriTemplate(template);
    expect(uriTemplate.match(uriTemplate.expand(vars))).toEqual(vars);
  });

  it('decodes values and leaves undefined variables out', () => {
    const template = new UriTemplate('search{?q,lang,page}');
    expect(template.match('search?lang=en&q=a%20b')).toEqual({ q: 'a b', lang: 'en' });
    expect(template.match('search')).toEqual({});
    expect(new UriTemplate('users/{id}').match('users/')).toEqual({});
  });

  it('rejects what the template cannot have produced', () => {
    const users = new UriTemplate('users/{id}');
    expect(users.match('users/1')).toEqual({ id: '1' });
    expect(users.match('users/1/extra')).toBeUndefined(); // "/" would be encoded inside {id}
    expect(users.match('groups/1')).toBeUndefined();
    expect(new UriTemplate('search{?q}').match('search?q=1&other=2')).toBeUndefined();
    expect(new UriTemplate('search{?q}').match('search?q=1&q=2')).toBeUndefined();
    expect(new UriTemplate('{/a}').match('/x/y')).toBeUndefined();
    expect(new UriTemplate('x/{a}').match('x/%E0%A4%A')).toBeUndefined(); // malformed escape
    expect(new UriTemplate('{a}/{a}').match('1/2')).toBeUndefined(); // one variable, two values
    expect(new UriTemplate('{a}/{a}').match('1/1')).toEqual({ a: '1' });
  });

  it('keeps a "__proto__" variable an ordinary key', () => {
    const result = new UriTemplate('x/{__proto__}').match('x/1');
    expect(result).toBeDefined();
    expect(Object.hasOwn(result ?? {}, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it('completes on a hostile URI that makes backtracking regexes explode', () => {
    // A raised URI limit, so that the scan itself (not the length check) is what returns.
    const template = new UriTemplate('{a}{b}{c}x', { maxUriLength: 1_000_000 });
    const hostile = 'a'.repeat(100_000);
    expect(template.match(hostile)).toBeUndefined();
    expect(template.match(`${hostile}x`)).toEqual({ a: hostile });
    expect(template.match(`${hostile}/x`)).toBeUndefined();
    expect(new UriTemplate('{+a}/{+b}/{+c}/end').match('/'.repeat(60_000))).toBeUndefined();
    expect(new UriTemplate('{a},{b},{c}x').match(','.repeat(60_000))).toBeUndefined();
    expect(new UriTemplate('{?a,b,c}').match(`?${'a=&'.repeat(20_000)}`)).toBeUndefined();
  });
});

describe('UriTemplate limits and errors', () => {
  it('rejects a URI longer than maxUriLength (64 KiB by default)', () => {
    expect(new UriTemplate('{+a}').match('x'.repeat(65_536))).toEqual({ a: 'x'.repeat(65_536) });
    expect(new UriTemplate('{+a}').match('x'.repeat(65_537))).toBeUndefined();
    expect(new UriTemplate('{+a}', { maxUriLength: 4 }).match('xxxxx')).toBeUndefined();
  });

  it('rejects a template over maxTemplateLength or maxExpressions', () => {
    expect(() => new UriTemplate(`x${'a'.repeat(1000)}`)).toThrow(/longer than 1000/);
    expect(() => new UriTemplate('{a}'.repeat(51))).toThrow(/more than 50 expressions/);
    expect(() => new UriTemplate('{a}'.repeat(3), { maxExpressions: 2 })).toThrow(/more than 2 expressions/);
    expect(() => new UriTemplate('{a}'.repeat(50))).not.toThrow();
    expect(() => new UriTemplate('x', { maxTemplateLength: 0 })).toThrow(/positive integer/);
  });

  it.each([
    ['{a', /unclosed/],
    ['a}', /unmatched/],
    ['{a{b}}', /unclosed/],
    ['{}', /invalid variable/],
    ['{=a}', /reserved/],
    ['{a b}', /invalid variable/],
    ['{a:0}', /invalid variable/],
    ['{a:10000}', /invalid variable/],
    ['{a*:3}', /invalid variable/],
  ])('throws for the malformed template %s', (template, message) => {
    expect(() => new UriTemplate(template)).toThrow(message);
  });

  it('isUriTemplate: a well-formed template with at least one expression', () => {
    expect(isUriTemplate('file:///{path}')).toBe(true);
    expect(isUriTemplate('search{?q}')).toBe(true);
    expect(isUriTemplate('file:///plain.txt')).toBe(false);
    expect(isUriTemplate('file:///{broken')).toBe(false);
    expect(isUriTemplate('{ }')).toBe(false);
  });
});

describe('public surface', () => {
  it('keeps the signatures the server codes against', () => {
    const template = new UriTemplate('x{y}');
    expectTypeOf(template.template).toEqualTypeOf<string>();
    expectTypeOf(template.variableNames).toEqualTypeOf<readonly string[]>();
    expectTypeOf(template.expand)
      .parameter(0)
      .toEqualTypeOf<Record<string, string | readonly string[] | undefined>>();
    expectTypeOf(template.match).returns.toEqualTypeOf<Record<string, string | string[]> | undefined>();
    expectTypeOf(isUriTemplate).toEqualTypeOf<(s: string) => boolean>();
  });
});
