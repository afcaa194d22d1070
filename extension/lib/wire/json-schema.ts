/**
 * The part of JSON Schema that zod's `toJSONSchema` writes for the shared wire schemas, checked
 * without code generation: the extension validates what the worker answers with the shared
 * schemas' own rules, without shipping zod (see ./schemas.ts).
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  pattern?: string;
  not?: JsonSchema;
}

export type IssueCode =
  | 'type'
  | 'required'
  | 'unknown_key'
  | 'enum'
  | 'too_small'
  | 'too_big'
  | 'pattern'
  | 'not_unique'
  | 'no_match';
export interface Issue {
  path: (string | number)[];
  code: IssueCode;
  /** The bound that was crossed, for too_small and too_big. */
  limit?: number;
  /** What the bound counts: a number's value, a string's length, an array's items. */
  origin?: 'number' | 'string' | 'array';
}

type Path = (string | number)[];

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

const patterns = new Map<string, RegExp>();
const regex = (source: string) =>
  patterns.get(source) ?? patterns.set(source, new RegExp(source, 'u')).get(source)!;

function equal(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function checkNumber(schema: JsonSchema, value: number, path: Path, issues: Issue[]): void {
  const small = (limit: number) => issues.push({ path, code: 'too_small', limit, origin: 'number' });
  const big = (limit: number) => issues.push({ path, code: 'too_big', limit, origin: 'number' });
  if (schema.minimum !== undefined && value < schema.minimum) small(schema.minimum);
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
    small(schema.exclusiveMinimum);
  if (schema.maximum !== undefined && value > schema.maximum) big(schema.maximum);
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) big(schema.exclusiveMaximum);
  if (schema.multipleOf !== undefined && !Number.isInteger(value / schema.multipleOf))
    issues.push({ path, code: 'type' });
}

function checkString(schema: JsonSchema, value: string, path: Path, issues: Issue[]): void {
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength)
    issues.push({ path, code: 'too_small', limit: schema.minLength, origin: 'string' });
  if (schema.maxLength !== undefined && length > schema.maxLength)
    issues.push({ path, code: 'too_big', limit: schema.maxLength, origin: 'string' });
  if (schema.pattern !== undefined && !regex(schema.pattern).test(value))
    issues.push({ path, code: 'pattern' });
}

function checkArray(schema: JsonSchema, value: unknown[], path: Path, issues: Issue[]): void {
  if (schema.minItems !== undefined && value.length < schema.minItems)
    issues.push({ path, code: 'too_small', limit: schema.minItems, origin: 'array' });
  if (schema.maxItems !== undefined && value.length > schema.maxItems)
    issues.push({ path, code: 'too_big', limit: schema.maxItems, origin: 'array' });
  if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length)
    issues.push({ path, code: 'not_unique' });
  value.forEach((item, index) => {
    const itemSchema = schema.prefixItems?.[index] ?? schema.items;
    if (itemSchema) check(itemSchema, item, [...path, index], issues);
  });
}

function checkObject(schema: JsonSchema, value: Record<string, unknown>, path: Path, issues: Issue[]): void {
  for (const key of schema.required ?? [])
    if (!Object.hasOwn(value, key)) issues.push({ path: [...path, key], code: 'required' });
  for (const [key, item] of Object.entries(value)) {
    if (schema.propertyNames) check(schema.propertyNames, key, [...path, key], issues);
    const known = schema.properties?.[key];
    if (known) check(known, item, [...path, key], issues);
    else if (schema.additionalProperties === false)
      issues.push({ path: [...path, key], code: 'unknown_key' });
    else if (typeof schema.additionalProperties === 'object')
      check(schema.additionalProperties, item, [...path, key], issues);
  }
}

/** The one branch of a union that fits, else the issues of the branch that got furthest. */
function checkUnion(branches: JsonSchema[], value: unknown, path: Path, issues: Issue[]): void {
  let best: Issue[] | undefined;
  for (const branch of branches) {
    const found: Issue[] = [];
    check(branch, value, path, found);
    if (found.length === 0) return;
    if (!best || found.length < best.length) best = found;
  }
  issues.push(...(best?.length ? best : [{ path, code: 'no_match' as const }]));
}

/** Adds to `issues` everything about `value` that `schema` does not allow. */
export function check(schema: JsonSchema, value: unknown, path: Path, issues: Issue[]): void {
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(t, actual))) {
      issues.push({ path, code: 'type' });
      return;
    }
  }
  if (schema.const !== undefined && !equal(schema.const, value)) issues.push({ path, code: 'enum' });
  if (schema.enum && !schema.enum.some((option) => equal(option, value))) issues.push({ path, code: 'enum' });
  if (actual === 'number' || actual === 'integer') checkNumber(schema, value as number, path, issues);
  else if (actual === 'string') checkString(schema, value as string, path, issues);
  else if (actual === 'array') checkArray(schema, value as unknown[], path, issues);
  else if (actual === 'object') checkObject(schema, value as Record<string, unknown>, path, issues);
  for (const part of schema.allOf ?? []) check(part, value, path, issues);
  if (schema.anyOf) checkUnion(schema.anyOf, value, path, issues);
  if (schema.oneOf) checkUnion(schema.oneOf, value, path, issues);
  if (schema.not) {
    const found: Issue[] = [];
    check(schema.not, value, path, found);
    if (found.length === 0) issues.push({ path, code: 'no_match' });
  }
}

export function issuesOf(schema: JsonSchema, value: unknown): Issue[] {
  const issues: Issue[] = [];
  check(schema, value, [], issues);
  return issues;
}

export type Checked<T> = { success: true; data: T } | { success: false; issues: Issue[] };

/** The value, typed, when it matches the schema; else what is wrong with it. */
export function checkSchema<T>(schema: JsonSchema, value: unknown): Checked<T> {
  const issues = issuesOf(schema, value);
  return issues.length === 0 ? { success: true, data: value as T } : { success: false, issues };
}
