// Random and broken request parts for the OpenAPI-driven request fuzz: values that follow the
// document's schemas, values that break them, and broken bodies, query strings, path parameters,
// content types and headers. Everything comes from one seeded PRNG, so that a seed replays a run.

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Fuzz {
  constructor(readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** Strings that broke parsers before: empty, long, invisible, control, unpaired, path and markup tricks. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n',
  'x'.repeat(300),
  'é'.repeat(700),
  '\u202egreB annA',
  'Anna\u200bBerg',
  '\u0000',
  '\u0007\u001b[31m',
  '\ud800',
  '😀'.repeat(50),
  '../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '<script>alert(1)</script>',
  '${7*7}',
  '__proto__',
  'constructor',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  '2026-13-45T25:61:61Z',
  '2026-06-01T10:00:00Z',
  '2099-01-01T00:00:00+14:00',
  'key_AAAAAAAAAAAAAAAA',
  'mn_' + 'A'.repeat(43),
  '123-ABC-456',
  'https://app-ab12.marketo.com/#SC1042A1',
  'https://fuzz.invalid/rest',
  'http://127.0.0.1:1/',
  'javascript:alert(1)',
  'W/"x"',
  'a,b,c',
];

const NASTY_NUMBERS = [
  0,
  -1,
  1,
  2,
  0.5,
  -0.5,
  59,
  60,
  61,
  99,
  100,
  101,
  1_000,
  65_536,
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
];

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

/** Values for a schema: mostly fitting it, sometimes not, at every depth. */
export class SchemaValues {
  constructor(
    private readonly fuzz: Fuzz,
    private readonly components: Record<string, object>,
  ) {}

  /** Any JSON value, of any type. */
  anyValue(depth = 0): unknown {
    const f = this.fuzz;
    switch (f.int(depth > 2 ? 4 : 6)) {
      case 0:
        return f.pick(NASTY_STRINGS);
      case 1:
        return f.pick(NASTY_NUMBERS);
      case 2:
        return f.pick([true, false, null]);
      case 3:
        return f.pick([[], {}, '']);
      case 4:
        return Array.from({ length: f.int(4) }, () => this.anyValue(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: f.int(4) }, () => [f.pick(NASTY_STRINGS), this.anyValue(depth + 1)]),
        );
    }
  }

  value(schema: Schema | undefined, depth = 0): unknown {
    const f = this.fuzz;
    if (schema === undefined || depth > 6) return this.anyValue(depth);
    if (f.chance(0.06)) return this.anyValue(depth);
    if (schema.$ref) {
      return this.value(this.components[schema.$ref.replace('#/components/schemas/', '')] as Schema, depth);
    }
    if (schema.nullable && f.chance(0.1)) return null;
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return this.value(f.pick(alternatives), depth);
    if (schema.allOf) {
      const parts = schema.allOf.map((s) => this.value(s, depth + 1)).filter((v) => typeof v === 'object');
      return Object.assign({}, ...parts);
    }
    if (schema.enum) return f.chance(0.9) ? f.pick(schema.enum) : f.pick(NASTY_STRINGS);
    switch (schema.type) {
      case 'object':
        return this.object(schema, depth);
      case 'array': {
        const max = Math.min(schema.maxItems ?? 5, 5);
        const length = f.chance(0.05) ? (schema.maxItems ?? 100) + 1 : f.int(max + 1);
        return Array.from({ length: Math.min(length, 200) }, () => this.value(schema.items, depth + 1));
      }
      case 'string':
        return this.string(schema);
      case 'integer':
      case 'number':
        return this.number(schema);
      case 'boolean':
        return f.chance(0.5);
      default:
        return this.anyValue(depth);
    }
  }

  private object(schema: Schema, depth: number): Record<string, unknown> {
    const f = this.fuzz;
    const out: Record<string, unknown> = {};
    const required = new Set(schema.required ?? []);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const keep = required.has(name) ? f.chance(0.93) : f.chance(0.5);
      if (keep) out[name] = this.value(property, depth + 1);
    }
    if (f.chance(0.08)) out[f.pick(NASTY_STRINGS) || 'extra'] = this.anyValue(depth + 1);
    return out;
  }

  private string(schema: Schema): string {
    const f = this.fuzz;
    if (f.chance(0.3)) return f.pick(NASTY_STRINGS);
    if (schema.format === 'date-time') {
      return new Date(Date.now() + (f.random() - 0.3) * 30 * 86_400_000).toISOString();
    }
    if (schema.format === 'uri' || schema.format === 'url') {
      return f.pick(['https://fuzz.invalid/x', 'https://app-ab12.marketo.com/#SC1', 'not a url']);
    }
    const min = schema.minLength ?? 1;
    const max = Math.min(schema.maxLength ?? 40, 200);
    const length = f.chance(0.05) ? max + 1 : min + f.int(Math.max(1, max - min + 1));
    const alphabet = 'abcXYZ019 _-.é';
    return Array.from({ length }, () => alphabet[f.int(alphabet.length)]).join('');
  }

  private number(schema: Schema): number {
    const f = this.fuzz;
    if (f.chance(0.3)) return f.pick(NASTY_NUMBERS);
    const min = schema.minimum ?? 0;
    const max = schema.maximum ?? min + 1_000;
    const value = min + f.random() * (max - min);
    return schema.type === 'integer' ? Math.round(value) : value;
  }
}

const BROKEN_JSON = ['', ' ', '{', '{"a":', '[1,2', 'null', 'true', '"x"', '{}{}', '\u0000', '{"a":1,"a":2}'];

/** A body as sent: mostly JSON of the schema's values, sometimes broken or of another kind. */
export function bodyText(fuzz: Fuzz, values: SchemaValues, schema: object | undefined): string {
  switch (fuzz.int(12)) {
    case 0:
      return fuzz.pick(BROKEN_JSON);
    case 1:
      return JSON.stringify(values.anyValue());
    case 2:
      return '['.repeat(2_000) + ']'.repeat(2_000);
    case 3:
      return '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}';
    case 4:
      return fuzz.chance(0.5) ? JSON.stringify(values.value(schema as never)) + 'x' : 'a=1&b=2&events[0]=x';
    case 5:
      if (fuzz.chance(0.3)) return JSON.stringify({ padding: 'x'.repeat(70_000) });
      return JSON.stringify([values.value(schema as never)]);
    default:
      return JSON.stringify(values.value(schema as never));
  }
}

export function contentType(fuzz: Fuzz, documented: string[]): string | null {
  if (fuzz.chance(0.6) && documented.length > 0) return fuzz.pick(documented);
  return fuzz.pick([
    null,
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/json; charset=latin1',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=fuzz',
    'multipart/form-data',
    'text/plain',
    'application/xml',
    '',
    ';;;',
    'application/json, text/plain',
  ]);
}

/** encodeURIComponent, which throws on a lone surrogate: that one is sent as its (broken) UTF-8 bytes. */
export function encodePart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** A query string for the documented query parameters, with unknown, repeated and broken ones at times. */
export function queryString(
  fuzz: Fuzz,
  values: SchemaValues,
  parameters: { name: string; schema: object }[],
): string {
  const parts: string[] = [];
  for (const { name, schema } of parameters) {
    if (!fuzz.chance(0.6)) continue;
    const value = values.value(schema as never);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    parts.push(`${encodePart(name)}=${fuzz.chance(0.9) ? encodePart(text ?? '') : text}`);
    if (fuzz.chance(0.05)) parts.push(`${encodePart(name)}=${encodePart(fuzz.pick(NASTY_STRINGS))}`);
  }
  if (fuzz.chance(0.1)) {
    parts.push(fuzz.pick(['%', '%zz=1', '=', '&&&', 'a[b]=c', `x=${'y'.repeat(3000)}`, 'unknown=1']));
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** A path parameter: the one that works, or something else. */
export function pathValue(fuzz: Fuzz, good: string | undefined): string {
  if (good !== undefined && fuzz.chance(0.6)) return good;
  const broken = ['..', '.', '%2F', 'a/b', '000-AAA-000', 'key_', 'n_' + 'x'.repeat(40)];
  return fuzz.pick(NASTY_STRINGS.concat(broken));
}

/** Headers the worker reads (language, conditional requests, long-poll waits, idempotency), set at random. */
export function extraHeaders(fuzz: Fuzz): Record<string, string> {
  const headers: Record<string, string> = {};
  const languages = ['de', 'fr-CA,fr;q=0.9', 'zh-Hant', 'xx', '*', ';q=', 'en;q=abc', 'a'.repeat(500)];
  if (fuzz.chance(0.3)) headers['Accept-Language'] = fuzz.pick(languages);
  // Never `*`: it would match the counts' tag and make a long poll wait.
  const tags = ['"x"', 'W/"x"', '', '"', 'a'.repeat(300), '"a", "b"'];
  if (fuzz.chance(0.15)) headers['If-None-Match'] = fuzz.pick(tags);
  const waits = ['wait=0', 'wait=1', 'wait=-1', 'wait=abc', 'wait=99999999999999999999', 'respond-async'];
  if (fuzz.chance(0.1)) headers['Prefer'] = fuzz.pick(waits);
  const idempotencyKeys = ['', 'k1', 'x'.repeat(500), '%C3%A9', 'evt-1', ' k '];
  if (fuzz.chance(0.15)) headers['Idempotency-Key'] = fuzz.pick(idempotencyKeys);
  if (fuzz.chance(0.05)) headers['Content-Encoding'] = fuzz.pick(['gzip', 'br', 'identity', 'x']);
  return headers;
}
